# Installs headers, the library and a CMake package so that consumers write find_package(rubric).
include(CMakePackageConfigHelpers)

install(TARGETS rubric EXPORT rubric-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/rubric DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(RUBRIC_BUILD_CLI)
  install(TARGETS rubric_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(rubric_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/rubric)
install(EXPORT rubric-targets NAMESPACE rubric:: DESTINATION ${rubric_cmake_dir})
configure_package_config_file(cmake/rubric-config.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/rubric-config.cmake
  INSTALL_DESTINATION ${rubric_cmake_dir})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/rubric-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/rubric-config.cmake ${CMAKE_CURRENT_BINARY_DIR}/rubric-config-version.cmake
  DESTINATION ${rubric_cmake_dir})

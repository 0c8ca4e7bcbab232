// files.hpp — the CLI's file access: the library itself never touches the file system.
#pragma once

#include <optional>
#include <rubric/compiler.hpp>
#include <string>

namespace rubric::cli {

// The whole file as bytes, or nullopt with `error` saying why ("No such file or directory").
std::optional<std::string> read_file(const std::string& path, std::string& error);

// Resolves imports relative to the importing file's folder.
import_resolver file_import_resolver();

} // namespace rubric::cli

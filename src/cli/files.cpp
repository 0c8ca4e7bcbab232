// files.cpp — reading rubric and values files for the CLI.
#include "cli/files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rubric::cli {

std::optional<std::string> read_file(const std::string& path, std::string& error) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

import_resolver file_import_resolver() {
    return [](std::string_view path, const source_file& importer) -> std::optional<source_file> {
        const std::filesystem::path base = std::filesystem::path(importer.name()).parent_path();
        const std::string full =
            (base / std::filesystem::path(std::string(path))).lexically_normal().string();
        std::string ignored;
        std::optional<std::string> text = read_file(full, ignored);
        if (!text) return std::nullopt;
        return source_file(full, std::move(*text));
    };
}

} // namespace rubric::cli

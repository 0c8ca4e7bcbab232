// check_report.hpp — runs the checker on rubric text held in a test and renders what it reports, so golden
// tests compare the exact text a user would see.
#pragma once

#include <map>
#include <rubric/compiler.hpp>
#include <string>
#include <string_view>

namespace rubric::testing {

/// Checks `text` as the file `name`; `imports` maps an import path to the text of that file.
inline check_result check_text(std::string_view text, const std::map<std::string, std::string>& imports = {},
                               std::string name = "test.rubric") {
    check_options options;
    options.resolve_import = [imports](std::string_view path,
                                       const source_file&) -> std::optional<source_file> {
        const auto found = imports.find(std::string(path));
        if (found == imports.end()) return std::nullopt;
        return source_file(found->first, found->second);
    };
    return check(source_file(std::move(name), std::string(text)), options);
}

/// Every diagnostic of check_text, rendered as `rubric check` prints them.
inline std::string check_report(std::string_view text,
                                const std::map<std::string, std::string>& imports = {}) {
    const check_result result = check_text(text, imports);
    return render_text(result.diagnostics.items(), result.sources);
}

} // namespace rubric::testing

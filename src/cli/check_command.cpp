// check_command.cpp — `rubric check FILE...`: parse and check rubrics, print every diagnostic.
#include "cli/command.hpp"
#include "cli/files.hpp"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rubric::cli {
namespace {

struct check_settings {
    std::vector<std::string> files;
    std::string format = "text";
};

std::string summary(const std::string& file, const diagnostic_list& diagnostics) {
    const std::size_t errors = diagnostics.error_count(), warnings = diagnostics.warning_count();
    std::string line = file + ": ";
    line += errors == 0 ? "ok" : std::to_string(errors) + (errors == 1 ? " error" : " errors");
    if (warnings != 0)
        line += (errors == 0 ? " with " : ", ") + std::to_string(warnings) +
                (warnings == 1 ? " warning" : " warnings");
    return line;
}

// One file's entry of the JSON report, around the library's own JSON rendering of the diagnostics.
nlohmann::ordered_json json_entry(const std::string& file, const check_result& result) {
    return {{"file", file},
            {"errors", result.diagnostics.error_count()},
            {"warnings", result.diagnostics.warning_count()},
            {"diagnostics",
             nlohmann::ordered_json::parse(render_json(result.diagnostics.items(), result.sources))}};
}

int run_check(const check_settings& settings) {
    bool any_errors = false;
    nlohmann::ordered_json report = {{"files", nlohmann::ordered_json::array()}};
    for (const std::string& path : settings.files) {
        std::string error;
        std::optional<std::string> text = read_file(path, error);
        if (!text) {
            std::cerr << "rubric check: cannot read " << path << ": " << error << '\n';
            return exit_usage;
        }
        const check_result result = check(source_file(path, std::move(*text)), {file_import_resolver()});
        any_errors = any_errors || result.diagnostics.has_errors();
        if (settings.format == "json") {
            report["files"].push_back(json_entry(path, result));
        } else {
            std::cout << render_text(result.diagnostics.items(), result.sources)
                      << summary(path, result.diagnostics) << '\n';
        }
    }
    if (settings.format == "json") std::cout << report.dump(2) << '\n';
    return any_errors ? exit_findings : exit_ok;
}

} // namespace

command add_check_command(CLI::App& parent) {
    auto settings = std::make_shared<check_settings>();
    CLI::App* app = parent.add_subcommand("check", "Parse and check rubric files; print every diagnostic");
    app->add_option("files", settings->files, "Rubric files (.rubric)")->required()->check(CLI::ExistingFile);
    app->add_option("--format", settings->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    app->footer(
        "Example: rubric check rubrics/hebei/dachang-2020.rubric\n"
        "Diagnostics name the file, line and column; grammar/README.md §17 lists their codes.\n"
        "Exit status: 0 when no file has errors (warnings allowed), 1 when a file has errors, 2 on usage "
        "errors.");
    return {app, [settings] { return run_check(*settings); }};
}

} // namespace rubric::cli

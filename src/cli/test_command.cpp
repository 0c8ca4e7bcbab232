// test_command.cpp — `rubric test FILE...`: run the tests written beside each rubric (or in a 测试集) and the
// generated checks; one line per failing case, then `N passed, M failed`.
#include "cli/command.hpp"
#include "cli/files.hpp"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <rubric/rubric.hpp>
#include <string>
#include <vector>

namespace rubric::cli {
namespace {

using json = nlohmann::ordered_json;

struct test_settings {
    std::vector<std::string> files;
    std::string format = "text";
    std::string lang = "zh";
    bool generated = true;
};

// “FILE:LINE:COLUMN: 测试名（第 N 行）”: where a case is written, as diagnostics name places.
std::string place(const test_case_result& c, const source_file& source, bool zh) {
    std::string out;
    if (!c.file.empty()) {
        const source_position at = source.position(c.where.begin);
        out = c.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": ";
    }
    out += c.title;
    if (c.row != 0)
        out += zh ? "（表格第 " + std::to_string(c.row) + " 行）" : " (table row " + std::to_string(c.row) + ")";
    return out;
}

void print_failure(const test_case_result& c, const source_file& source, bool zh) {
    std::cout << (zh ? "失败 " : "FAIL ") << place(c, source, zh) << '\n';
    for (const test_failure& f : c.failures) {
        std::cout << "  " << f.expectation << (zh ? "：期望 " : ": expected ") << f.expected
                  << (zh ? "，实际 " : ", actual ") << f.actual << '\n';
        if (!f.explanation.empty()) std::cout << "    " << f.explanation << '\n';
    }
}

json case_json(const test_case_result& c, const source_file& source) {
    json failures = json::array();
    for (const test_failure& f : c.failures)
        failures.push_back({{"expectation", f.expectation},
                            {"expected", f.expected},
                            {"actual", f.actual},
                            {"explanation", f.explanation}});
    json at = nullptr;
    if (!c.file.empty()) {
        const source_position p = source.position(c.where.begin);
        at = {{"file", c.file}, {"line", p.line}, {"column", p.column}};
    }
    return {{"title", c.title},    {"row", c.row == 0 ? json(nullptr) : json(c.row)},
            {"generated", c.generated}, {"where", at},
            {"passed", c.passed()}, {"failures", failures}};
}

int run_test(const test_settings& settings) {
    const language lang = settings.lang == "en" ? language::en : language::zh;
    const bool zh = lang == language::zh;
    std::size_t passed = 0, failed = 0;
    json report = {{"files", json::array()}};
    for (const std::string& path : settings.files) {
        std::string error;
        std::optional<std::string> text = read_file(path, error);
        if (!text) {
            std::cerr << "rubric test: cannot read " << path << ": " << error << '\n';
            return exit_usage;
        }
        const check_result checked = check(source_file(path, std::move(*text)), {file_import_resolver()});
        if (!checked.rubric) {
            std::cerr << render_text(checked.diagnostics.items(), checked.sources) << path
                      << (zh ? "：规则文件有错误，测试未运行\n" : ": the rubric has errors; no test was run\n");
            return exit_usage;
        }
        const compiled_rubric compiled = compile(*checked.rubric);
        test_report tests = run_tests(*checked.rubric, compiled, lang);
        if (settings.generated) {
            test_report generated = run_generated_checks(compiled, lang);
            for (test_case_result& c : generated.cases)
                tests.cases.push_back(std::move(c));
        }
        passed += tests.passed();
        failed += tests.failed();
        json cases = json::array();
        for (const test_case_result& c : tests.cases) {
            if (settings.format == "json")
                cases.push_back(case_json(c, checked.sources[0]));
            else if (!c.passed())
                print_failure(c, checked.sources[0], zh);
        }
        report["files"].push_back(
            {{"file", path}, {"passed", tests.passed()}, {"failed", tests.failed()}, {"cases", cases}});
    }
    if (settings.format == "json") {
        report["passed"] = passed;
        report["failed"] = failed;
        std::cout << report.dump(2) << '\n';
    } else {
        std::cout << passed << (zh ? " 项通过，" : " passed, ") << failed << (zh ? " 项失败\n" : " failed\n");
    }
    return failed == 0 ? exit_ok : exit_findings;
}

} // namespace

command add_test_command(CLI::App& parent) {
    auto settings = std::make_shared<test_settings>();
    CLI::App* app = parent.add_subcommand("test", "Run the tests beside rubrics (and in test suites), and the "
                                                  "generated checks of every indicator");
    app->add_option("files", settings->files, "Rubric or test suite files")->required()->check(CLI::ExistingFile);
    app->add_option("--format", settings->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    app->add_option("--lang", settings->lang, "Language of messages and explanations")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
    app->add_flag("!--no-generated", settings->generated, "Run only the tests written in the files");
    app->footer("Example: rubric test rubrics/hebei/dachang-2020.rubric\n"
                "Prints one block per failing case (expected, actual, how the actual came about) and a summary.\n"
                "Exit status: 0 when every case passes, 1 when any fails, 2 when a file cannot be read or has "
                "errors.");
    return {app, [settings] { return run_test(*settings); }};
}

} // namespace rubric::cli

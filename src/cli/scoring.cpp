// scoring.cpp — loading a rubric and a unit's values for `rubric score`, `rubric explain` and `rubric audit`.
#include "cli/scoring.hpp"

#include "cli/command.hpp"
#include "cli/files.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>

namespace rubric::cli {
namespace {

std::string lowercase(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

void add_scoring_options(CLI::App& app, scoring_settings& settings) {
    app.add_option("rubric", settings.rubric_file, "Rubric file (.rubric)")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option(
           "--values", settings.values_file,
           "The unit's values file: JSON if its name ends in .json, CSV if in .csv, else JSON when its "
           "text starts with `{` and CSV otherwise")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("--format", settings.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    app.add_option("--lang", settings.lang, "Language of the headers, explanations and messages")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
}

bool is_json_values(const std::string& path, std::string_view text) {
    const std::string extension = lowercase(std::filesystem::path(path).extension().string());
    if (extension == ".json") return true;
    if (extension == ".csv") return false;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

std::optional<scored_unit> load_and_score(const std::string& command, const scoring_settings& settings) {
    const std::string prefix = "rubric " + command + ": ";
    std::string error;
    std::optional<std::string> rubric_text = read_file(settings.rubric_file, error);
    if (!rubric_text) {
        std::cerr << prefix << "cannot read " << settings.rubric_file << ": " << error << '\n';
        return std::nullopt;
    }
    const check_result checked =
        check(source_file(settings.rubric_file, std::move(*rubric_text)), {file_import_resolver()});
    if (!checked.ok()) {
        const std::size_t errors = checked.diagnostics.error_count();
        std::cerr << render_text(checked.diagnostics.items(), checked.sources) << settings.rubric_file << ": "
                  << errors << (errors == 1 ? " error" : " errors") << "; nothing is scored\n";
        return std::nullopt;
    }
    if (const std::size_t warnings = checked.diagnostics.warning_count(); warnings != 0)
        std::cerr << prefix << settings.rubric_file << " has " << warnings
                  << (warnings == 1 ? " warning" : " warnings") << "; `rubric check " << settings.rubric_file
                  << "` lists them\n";
    if (const file_kind kind = checked.rubric->kind(); kind == file_kind::template_ || kind == file_kind::library) {
        std::cerr << prefix << settings.rubric_file << " is a "
                  << (kind == file_kind::template_ ? "模板 (template): the rubrics that extend it (基于) score units"
                                                   : "规则库 (library): it holds definitions, not a scoring table")
                  << "; nothing is scored\n";
        return std::nullopt;
    }
    compiled_rubric compiled = compile(*checked.rubric);

    std::optional<std::string> values_text = read_file(settings.values_file, error);
    if (!values_text) {
        std::cerr << prefix << "cannot read " << settings.values_file << ": " << error << '\n';
        return std::nullopt;
    }
    const source_file values_source(settings.values_file, std::move(*values_text));
    const values_result read = is_json_values(settings.values_file, values_source.text())
                                   ? read_values_json(values_source)
                                   : read_values_csv(values_source);
    const auto refuse = [&](const diagnostic_list& diagnostics) {
        const std::size_t errors = diagnostics.error_count();
        std::cerr << render_text(diagnostics.items(), values_source) << settings.values_file << ": " << errors
                  << (errors == 1 ? " error" : " errors") << "; nothing is scored\n";
    };
    if (!read.ok()) {
        refuse(read.diagnostics);
        return std::nullopt;
    }
    const bind_result bound = bind(compiled, *read.values);
    if (!bound.ok()) {
        refuse(bound.diagnostics);
        return std::nullopt;
    }
    // Warnings of reading or binding (none are defined today) are shown, but do not stop scoring.
    std::cerr << render_text(read.diagnostics.items(), values_source)
              << render_text(bound.diagnostics.items(), values_source);
    result scored = evaluate(compiled, *bound.values);
    return scored_unit{std::move(compiled), *read.values, *bound.values, std::move(scored)};
}

std::string shown_score(const decimal& d) {
    if (d.round(2, rounding_mode::half_up) == d) return d.format(2);
    if (d.round(4, rounding_mode::half_up) == d) return d.to_string();
    return "≈" + d.format(2);
}

decimal listed_weight(const node_info& info, const node_result& r) {
    return info.weight ? *info.weight : r.max;
}

std::vector<std::size_t> root_errors(const scored_unit& unit) {
    std::vector<std::size_t> out;
    const auto nodes = unit.rubric.nodes();
    const auto results = unit.outcome.nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (results[i].status != node_status::error) continue;
        const bool child_failed =
            std::any_of(nodes[i].children.begin(), nodes[i].children.end(),
                        [&](std::size_t c) { return results[c].status == node_status::error; });
        if (!child_failed) out.push_back(i);
    }
    return out;
}

std::string total_lines(const scored_unit& unit, language lang) {
    const bool zh = lang == language::zh;
    std::string out;
    if (const std::optional<decimal> total = unit.outcome.total()) {
        out += (zh ? "总分：" : "Total: ") + shown_score(*total) + (zh ? "（满分 " : " (of ") +
               unit.rubric.total().to_string() + (zh ? "）\n" : ")\n");
        const std::optional<std::string_view> grade = unit.outcome.grade();
        out += (zh ? "等级：" : "Grade: ") + std::string(grade ? *grade : (zh ? "无" : "none")) + '\n';
    } else {
        const std::size_t failed = root_errors(unit).size();
        out += zh ? "总分：不完整（" + std::to_string(failed) + " 项未能计分）\n"
                  : "Total: incomplete (" + std::to_string(failed) + (failed == 1 ? " row" : " rows") +
                        " not scored)\n";
    }
    for (const std::string& veto : unit.outcome.vetoes(lang))
        out += veto + '\n';
    return out;
}

std::string render_table(const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& right_aligned) {
    std::vector<std::size_t> widths(right_aligned.size(), 0);
    for (const std::vector<std::string>& row : rows)
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    const auto line = [&](const std::vector<std::string>& row) {
        std::string out;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string cell = c < row.size() ? row[c] : std::string();
            const std::string padding(widths[c] - display_width(cell), ' ');
            if (c != 0) out += "  ";
            out += right_aligned[c] ? padding + cell : cell + padding;
        }
        out.erase(out.find_last_not_of(' ') + 1);
        return out + '\n';
    };
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out += line(rows[r]);
        if (r == 0) {
            std::vector<std::string> rule;
            for (std::size_t width : widths)
                rule.emplace_back(width, '-');
            out += line(rule);
        }
    }
    return out;
}

std::string joined_path(const std::vector<std::string>& path, std::string_view separator) {
    std::string out;
    for (const std::string& name : path) {
        if (!out.empty()) out += separator;
        out += name;
    }
    return out;
}

nlohmann::ordered_json decimal_or_null(const std::optional<decimal>& d) {
    return d ? nlohmann::ordered_json(d->to_string()) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json node_json(const scored_unit& unit, std::size_t i, language lang) {
    using json = nlohmann::ordered_json;
    const node_info& info = unit.rubric.nodes()[i];
    const node_result& r = unit.outcome.nodes()[i];
    const bool failed = r.status == node_status::error;
    const bool row = info.kind == node_kind::indicator || info.kind == node_kind::item;
    json entry = {{"path", info.path},
                  {"name", info.name},
                  {"kind", to_string(info.kind)},
                  {"weight", decimal_or_null(info.weight)},
                  {"score", failed ? json(nullptr) : json(r.score.to_string())}};
    if (row) entry["unrounded"] = failed ? json(nullptr) : json(r.unrounded.to_string());
    entry["max"] = r.max.to_string();
    entry["status"] = to_string(r.status);
    if (row) {
        const node_detail figures = unit.outcome.detail(i);
        entry["value"] = figures.value_text.empty() ? json(nullptr) : json(figures.value_text);
        entry["target"] = figures.target_text.empty() ? json(nullptr) : json(figures.target_text);
        entry["zeroed"] = r.zeroed;
        entry["explanation"] = unit.outcome.explain(i, lang);
    }
    if (failed) entry["error"] = unit.outcome.error(i, lang);
    return entry;
}

nlohmann::ordered_json totals_json(const scored_unit& unit) {
    using json = nlohmann::ordered_json;
    const std::optional<std::string_view> grade = unit.outcome.grade();
    return {{"title", unit.rubric.title()},
            {"unit", unit.values.unit.empty() ? json(nullptr) : json(unit.values.unit)},
            {"total", decimal_or_null(unit.outcome.total())},
            {"unrounded_total", decimal_or_null(unit.outcome.unrounded_total())},
            {"grade", grade ? json(std::string(*grade)) : json(nullptr)},
            {"complete", unit.outcome.complete()}};
}

int scored_exit(const scored_unit& unit) {
    return unit.outcome.complete() ? exit_ok : exit_findings;
}

} // namespace rubric::cli

// explain_command.cpp — `rubric explain RUBRIC --values FILE [--indicator NAME]`: how each score of one unit
// came about, in words a reviewer can follow against the published table.
#include "cli/command.hpp"
#include "cli/scoring.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace rubric::cli {
namespace {

using json = nlohmann::ordered_json;

struct explain_settings : scoring_settings {
    std::string indicator;
};

bool is_row(const node_info& info) {
    return info.kind == node_kind::indicator || info.kind == node_kind::item;
}

// "效益 / 经济效益" and "效益/经济效益" name the same node as the library's "效益.经济效益".
std::string dotted(std::string name) {
    for (const std::string_view separator : {" / ", "/", "／"})
        for (std::size_t at = name.find(separator); at != std::string::npos;
             at = name.find(separator, at + 1))
            name.replace(at, separator.size(), ".");
    return name;
}

// The nodes a selection explains: the named node and every indicator and item under it; or every indicator
// and item of the rubric.
std::vector<std::size_t> selected(const compiled_rubric& rubric, std::optional<std::size_t> named) {
    const auto nodes = rubric.nodes();
    std::vector<std::size_t> out;
    const auto add = [&](auto& self, std::size_t i) -> void {
        if (is_row(nodes[i]) || (named && i == *named)) out.push_back(i);
        for (std::size_t child : nodes[i].children)
            self(self, child);
    };
    if (named)
        add(add, *named);
    else
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (!nodes[i].parent) add(add, i);
    return out;
}

// Why NAME names no node, to standard error: several nodes end with it, or none does (and which is nearest).
void report_unknown(const compiled_rubric& rubric, const std::string& name) {
    const std::string wanted = dotted(name);
    std::vector<std::string> matches;
    for (const node_info& info : rubric.nodes()) {
        const std::string path = joined_path(info.path, ".");
        if (path == wanted || path.ends_with("." + wanted)) matches.push_back(joined_path(info.path));
    }
    std::cerr << "rubric explain: ";
    if (matches.size() > 1) {
        std::cerr << "“" << name << "” names " << matches.size() << " nodes:";
        for (const std::string& m : matches)
            std::cerr << "\n  " << m;
        std::cerr << "\nname one by more of its path (groups joined with “.” or “/”)\n";
        return;
    }
    std::cerr << "the rubric names no indicator or group “" << name << "”";
    if (const std::optional<std::string> nearest = rubric.closest(wanted))
        std::cerr << "; did you mean " << *nearest << "?";
    std::cerr << '\n';
}

std::string status_words(const node_result& r, bool zh) {
    switch (r.status) {
    case node_status::not_applicable: return zh ? "不适用" : "not applicable";
    case node_status::exempt: return (zh ? "豁免，" : "exempt, ") + shown_score(r.score);
    case node_status::error: return zh ? "未能计分" : "not scored";
    case node_status::scored: break;
    }
    return shown_score(r.score);
}

std::string text_report(const scored_unit& unit, const std::vector<std::size_t>& chosen, language lang) {
    const bool zh = lang == language::zh;
    std::string out;
    for (std::size_t i : chosen) {
        const node_info& info = unit.rubric.nodes()[i];
        const node_result& r = unit.outcome.nodes()[i];
        out += joined_path(info.path) + '\n';
        out += (zh ? "  权重 " : "  weight ") + listed_weight(info, r).to_string() +
               (zh ? "，得分 " : ", score ") + status_words(r, zh) + '\n';
        if (r.status == node_status::error)
            out += (zh ? "  错误：" : "  error: ") + unit.outcome.error(i, lang) + '\n';
        else
            out += "  " + unit.outcome.explain(i, lang) + '\n';
        out += '\n';
    }
    return out + total_lines(unit, lang);
}

json json_report(const scored_unit& unit, const std::vector<std::size_t>& chosen, language lang) {
    json nodes = json::array();
    for (std::size_t i : chosen) {
        json entry = node_json(unit, i, lang);
        if (!entry.contains("explanation")) entry["explanation"] = unit.outcome.explain(i, lang);
        nodes.push_back(std::move(entry));
    }
    json report = totals_json(unit);
    report["nodes"] = std::move(nodes);
    report["vetoes"] = unit.outcome.vetoes(lang);
    return report;
}

int run_explain(const explain_settings& settings) {
    const std::optional<scored_unit> unit = load_and_score("explain", settings);
    if (!unit) return exit_usage;
    std::optional<std::size_t> named;
    if (!settings.indicator.empty()) {
        named = unit->rubric.find(settings.indicator);
        if (!named) named = unit->rubric.find(dotted(settings.indicator));
        if (!named) {
            report_unknown(unit->rubric, settings.indicator);
            return exit_usage;
        }
    }
    const std::vector<std::size_t> chosen = selected(unit->rubric, named);
    if (settings.format == "json")
        std::cout << json_report(*unit, chosen, settings.language_()).dump(2) << '\n';
    else
        std::cout << text_report(*unit, chosen, settings.language_());
    return scored_exit(*unit);
}

} // namespace

command add_explain_command(CLI::App& parent) {
    auto settings = std::make_shared<explain_settings>();
    CLI::App* app = parent.add_subcommand(
        "explain", "Explain how each score of one unit came about (every indicator, or the one named)");
    add_scoring_options(*app, *settings);
    app->add_option("--indicator", settings->indicator,
                    "Only this indicator (or group): its name when unique, else its path (效益.经济效益 or "
                    "效益/经济效益)");
    app->footer(
        "Example: rubric explain rubrics/hebei/dachang-2020.rubric --values examples/dachang-2020.values.json "
        "--indicator 支出进度率\n"
        "Exit status: 0 when every row is scored, 1 when some could not be, 2 on usage errors (an unknown "
        "indicator among them), a rubric with errors, or a values file that cannot be read or does not fit "
        "the rubric.");
    return {app, [settings] { return run_explain(*settings); }};
}

} // namespace rubric::cli

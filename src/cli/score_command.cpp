// score_command.cpp — `rubric score RUBRIC --values FILE`: score one unit, print its 自评表 (text) or every
// node's outcome (JSON, schema in README “Scoring a unit”).
#include "cli/command.hpp"
#include "cli/scoring.hpp"

#include <array>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rubric::cli {
namespace {

using json = nlohmann::ordered_json;

// ------------------------------------------------------------------------------------------------ text

struct table_row {
    std::array<std::string, 5> cells; // group, indicator, weight, value, score
};

class table_writer {
public:
    table_writer(const scored_unit& unit, language lang) : unit_(unit), zh_(lang == language::zh) {}

    std::string write() {
        const auto nodes = unit_.rubric.nodes();
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (!nodes[i].parent) visit(i);
        return render();
    }

private:
    void visit(std::size_t i) {
        const node_info& info = unit_.rubric.nodes()[i];
        const node_result& r = unit_.outcome.nodes()[i];
        switch (info.kind) {
        case node_kind::group:
        case node_kind::bonus:
        case node_kind::penalty: {
            for (std::size_t child : info.children)
                visit(child);
            if (info.children.size() == 1) break; // its subtotal is its only row's score
            std::string label = zh_ ? "小计" : "Subtotal";
            if (info.kind == node_kind::bonus) label = zh_ ? "加分小计" : "Bonus subtotal";
            if (info.kind == node_kind::penalty) label = zh_ ? "减分小计" : "Penalty subtotal";
            rows_.push_back({{joined_path(info.path), label, weight(info, r), "", score(r)}});
            break;
        }
        case node_kind::indicator:
        case node_kind::item: {
            const std::vector<std::string> groups(info.path.begin(),
                                                  info.path.end() - (info.kind == node_kind::item ? 2 : 1));
            const std::string name = (info.kind == node_kind::item ? "  " : "") + info.name;
            rows_.push_back(
                {{joined_path(groups), name, weight(info, r), unit_.outcome.detail(i).value_text, score(r)}});
            for (std::size_t child : info.children)
                visit(child);
            break;
        }
        }
    }

    static std::string weight(const node_info& info, const node_result& r) {
        return listed_weight(info, r).to_string();
    }

    std::string score(const node_result& r) const {
        switch (r.status) {
        case node_status::not_applicable: return zh_ ? "不适用" : "n/a";
        case node_status::exempt: return zh_ ? "豁免" : "exempt";
        case node_status::error: return "—";
        case node_status::scored: break;
        }
        return shown_score(r.score) + (r.zeroed ? (zh_ ? "（否决）" : " (vetoed)") : "");
    }

    std::string render() const {
        std::vector<std::vector<std::string>> rows;
        rows.push_back(zh_ ? std::vector<std::string>{"分组", "指标", "权重", "取值", "得分"}
                           : std::vector<std::string>{"Group", "Indicator", "Weight", "Value", "Score"});
        for (const table_row& row : rows_)
            rows.emplace_back(row.cells.begin(), row.cells.end());
        // Weight and score flush right, the others flush left.
        return render_table(rows, {false, false, true, false, true});
    }

    const scored_unit& unit_;
    bool zh_;
    std::vector<table_row> rows_;
};

// The node an error line names: an indicator by its name, an item with its indicator's.
std::string row_name(const scored_unit& unit, std::size_t i) {
    const node_info& info = unit.rubric.nodes()[i];
    if (info.kind == node_kind::item && info.parent)
        return unit.rubric.nodes()[*info.parent].name + " / " + info.name;
    return info.name;
}

std::string text_report(const scored_unit& unit, language lang) {
    const bool zh = lang == language::zh;
    std::string out = unit.rubric.title() + '\n';
    if (!unit.values.unit.empty()) out += (zh ? "单位：" : "Unit: ") + unit.values.unit + '\n';
    out += '\n' + table_writer(unit, lang).write() + '\n';
    const std::vector<std::size_t> errors = root_errors(unit);
    for (std::size_t i : errors)
        out += (zh ? "错误：" : "error: ") + row_name(unit, i) + (zh ? "：" : ": ") +
               unit.outcome.error(i, lang) + '\n';
    if (!errors.empty()) out += '\n';
    return out + total_lines(unit, lang);
}

// ------------------------------------------------------------------------------------------------ JSON

json json_report(const scored_unit& unit, language lang) {
    const auto nodes = unit.rubric.nodes();
    json indicators = json::array(), groups = json::array();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const bool row = nodes[i].kind == node_kind::indicator || nodes[i].kind == node_kind::item;
        (row ? indicators : groups).push_back(node_json(unit, i, lang));
    }
    json report = totals_json(unit);
    report["indicators"] = std::move(indicators);
    report["groups"] = std::move(groups);
    report["vetoes"] = unit.outcome.vetoes(lang);
    return report;
}

int run_score(const scoring_settings& settings) {
    const std::optional<scored_unit> unit = load_and_score("score", settings);
    if (!unit) return exit_usage;
    if (settings.format == "json")
        std::cout << json_report(*unit, settings.language_()).dump(2) << '\n';
    else
        std::cout << text_report(*unit, settings.language_());
    return scored_exit(*unit);
}

} // namespace

command add_score_command(CLI::App& parent) {
    auto settings = std::make_shared<scoring_settings>();
    CLI::App* app =
        parent.add_subcommand("score", "Score one unit's values by a rubric; print its table and total");
    add_scoring_options(*app, *settings);
    app->footer(
        "Example: rubric score rubrics/hebei/dachang-2020.rubric --values examples/dachang-2020.values.json\n"
        "The JSON output's schema is in README.md, “Scoring a unit”; `rubric explain` shows how each score "
        "came about.\n"
        "Exit status: 0 when every row is scored, 1 when some could not be (the rest are still printed), 2 "
        "on usage errors, a rubric with errors, or a values file that cannot be read or does not fit the "
        "rubric.");
    return {app, [settings] { return run_score(*settings); }};
}

} // namespace rubric::cli

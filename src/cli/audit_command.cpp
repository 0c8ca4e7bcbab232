// audit_command.cpp — `rubric audit RUBRIC --values FILE`: a unit's claimed scores (自评得分, the values
// file's `claimed` section) against the scores its rubric gives, line by line, with the findings a reviewer
// writes up (text), or the same as one object (JSON, schema in README “Auditing a unit's claims”).
#include "cli/command.hpp"
#include "cli/scoring.hpp"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rubric::cli {
namespace {

using json = nlohmann::ordered_json;

// Whether the values file claims anything at all: with no claim, there is nothing to hold or differ.
bool claims_anything(const audit_report& report) {
    if (report.claimed_total || report.claimed_grade) return true;
    for (const audit_line& line : report.lines)
        if (line.claimed) return true;
    return false;
}

// ------------------------------------------------------------------------------------------------ text

// The recomputed score of a line as the table shows it: its score, marked when it was not scored by its rule
// alone; "—" when it could not be scored.
std::string recomputed_cell(const audit_line& line, const node_result& r, bool zh) {
    if (!line.recomputed) return "—";
    std::string cell = shown_score(*line.recomputed);
    if (r.status == node_status::not_applicable) cell += zh ? "（不适用）" : " (n/a)";
    if (r.status == node_status::exempt) cell += zh ? "（豁免）" : " (exempt)";
    if (r.zeroed) cell += zh ? "（否决）" : " (vetoed)";
    return cell;
}

std::string table(const scored_unit& unit, const audit_report& report, bool zh) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back(
        zh ? std::vector<std::string>{"指标", "权重", "自评", "复核", "差异", ""}
           : std::vector<std::string>{"Indicator", "Weight", "Claimed", "Recomputed", "Difference", ""});
    for (const audit_line& line : report.lines) {
        const node_info& info = unit.rubric.nodes()[line.node];
        const node_result& r = unit.outcome.nodes()[line.node];
        const bool differs = line.difference && !line.difference->is_zero();
        rows.push_back({joined_path(info.path), listed_weight(info, r).to_string(),
                        line.claimed ? shown_score(*line.claimed) : "", recomputed_cell(line, r, zh),
                        differs ? shown_score(*line.difference) : "", line.holds ? "" : "✗"});
    }
    return render_table(rows, {false, true, true, true, true, false});
}

// "96.50"; when there is none, why: not claimed, or not recomputed because some line could not be scored.
std::string total_words(const std::optional<decimal>& total, bool claimed, const scored_unit& unit, bool zh) {
    if (total) return shown_score(*total);
    if (claimed) return zh ? "未填" : "not claimed";
    const std::size_t failed = root_errors(unit).size();
    return zh ? "不完整（" + std::to_string(failed) + " 项未能计分）"
              : "incomplete (" + std::to_string(failed) + (failed == 1 ? " row" : " rows") + " not scored)";
}

std::string grade_words(const std::optional<std::string>& grade, bool claimed, const scored_unit& unit,
                        bool zh) {
    if (grade) return *grade;
    if (claimed) return zh ? "未填" : "not claimed";
    if (!unit.outcome.complete()) return zh ? "不完整" : "incomplete";
    return zh ? "无" : "none";
}

// Why the rows that could not be scored were not: "错误：部门管理 / 资金投入 / 支出进度率：缺少取值：…".
std::string error_lines(const scored_unit& unit, language lang) {
    const bool zh = lang == language::zh;
    std::string out;
    for (std::size_t i : root_errors(unit))
        out += (zh ? "错误：" : "error: ") + joined_path(unit.rubric.nodes()[i].path) + (zh ? "：" : ": ") +
               unit.outcome.error(i, lang) + '\n';
    return out;
}

// The findings, numbered; under a claim that differs from its rule's score, how the rule's score came about.
std::string findings_list(const scored_unit& unit, const audit_report& report, language lang) {
    std::string out;
    std::size_t number = 0;
    for (const audit_finding& finding : report.findings) {
        out += std::to_string(++number) + ". " + finding.message + '\n';
        if (finding.kind == finding_kind::score_differs && finding.node)
            out += "   " + unit.outcome.explain(*finding.node, lang) + '\n';
    }
    return out;
}

std::string verdict(const scored_unit& unit, const audit_report& report, bool zh) {
    const std::size_t found = report.findings.size();
    if (found != 0)
        return zh ? std::to_string(found) + " 处不符"
                  : std::to_string(found) + (found == 1 ? " discrepancy" : " discrepancies");
    if (!unit.outcome.complete()) {
        const std::size_t failed = root_errors(unit).size();
        return zh ? "未能全部复核（" + std::to_string(failed) + " 项未能计分）"
                  : "Not fully audited (" + std::to_string(failed) + (failed == 1 ? " row" : " rows") +
                        " not scored)";
    }
    if (!claims_anything(report))
        return zh ? "值文件未填自评得分，无可核对" : "The values file claims no score; nothing to audit";
    return zh ? "自评与规则一致" : "The claims agree with the rules";
}

std::string text_report(const scored_unit& unit, const audit_report& report, language lang) {
    const bool zh = lang == language::zh;
    std::string out = unit.rubric.title() + '\n';
    if (!unit.values.unit.empty()) out += (zh ? "单位：" : "Unit: ") + unit.values.unit + '\n';
    out += '\n' + table(unit, report, zh) + '\n';
    const std::string claimed_total = total_words(report.claimed_total, true, unit, zh);
    const std::string recomputed_total = total_words(report.recomputed_total, false, unit, zh);
    const std::string claimed_grade = grade_words(report.claimed_grade, true, unit, zh);
    const std::string recomputed_grade = grade_words(report.recomputed_grade, false, unit, zh);
    out += zh ? "自评总分 " + claimed_total + "，复核总分 " + recomputed_total + '\n'
              : "Claimed total " + claimed_total + ", recomputed total " + recomputed_total + '\n';
    out += zh ? "自评等级 " + claimed_grade + "，复核等级 " + recomputed_grade + '\n'
              : "Claimed grade " + claimed_grade + ", recomputed grade " + recomputed_grade + '\n';
    if (!unit.outcome.complete()) out += '\n' + error_lines(unit, lang);
    if (!report.findings.empty()) out += '\n' + findings_list(unit, report, lang);
    return out + '\n' + verdict(unit, report, zh) + '\n';
}

// ------------------------------------------------------------------------------------------------ JSON

json json_report(const scored_unit& unit, const audit_report& report, language lang) {
    const auto optional_string = [](const std::optional<std::string>& s) {
        return s ? json(*s) : json(nullptr);
    };
    json lines = json::array();
    for (const audit_line& line : report.lines) {
        const node_info& info = unit.rubric.nodes()[line.node];
        const node_result& r = unit.outcome.nodes()[line.node];
        lines.push_back({{"path", info.path},
                         {"name", info.name},
                         {"weight", listed_weight(info, r).to_string()},
                         {"claimed", decimal_or_null(line.claimed)},
                         {"recomputed", decimal_or_null(line.recomputed)},
                         {"difference", decimal_or_null(line.difference)},
                         {"holds", line.holds},
                         {"explanation", unit.outcome.explain(line.node, lang)}});
    }
    json findings = json::array();
    for (const audit_finding& finding : report.findings)
        findings.push_back(
            {{"kind", std::string(to_string(finding.kind))},
             {"path", finding.node ? json(unit.rubric.nodes()[*finding.node].path) : json(nullptr)},
             {"message", finding.message}});
    return {{"title", unit.rubric.title()},
            {"unit", unit.values.unit.empty() ? json(nullptr) : json(unit.values.unit)},
            {"claimed_total", decimal_or_null(report.claimed_total)},
            {"recomputed_total", decimal_or_null(report.recomputed_total)},
            {"claimed_grade", optional_string(report.claimed_grade)},
            {"recomputed_grade", optional_string(report.recomputed_grade)},
            {"holds", report.holds()},
            {"lines", std::move(lines)},
            {"findings", std::move(findings)}};
}

int run_audit(const scoring_settings& settings) {
    const std::optional<scored_unit> unit = load_and_score("audit", settings);
    if (!unit) return exit_usage;
    const language lang = settings.language_();
    const audit_report report = audit(unit->rubric, unit->bound, unit->outcome, lang);
    if (settings.format == "json")
        std::cout << json_report(*unit, report, lang).dump(2) << '\n';
    else
        std::cout << text_report(*unit, report, lang);
    return report.holds() && unit->outcome.complete() ? exit_ok : exit_findings;
}

} // namespace

command add_audit_command(CLI::App& parent) {
    auto settings = std::make_shared<scoring_settings>();
    CLI::App* app = parent.add_subcommand(
        "audit",
        "Check one unit's claimed scores (自评得分) against the scores its rubric gives, line by line");
    add_scoring_options(*app, *settings);
    app->footer(
        "Example: rubric audit rubrics/hebei/dachang-2020.rubric --values examples/dachang-2020.values.json\n"
        "The claims are the values file's `claimed` section. The JSON output's schema is in README.md, "
        "“Auditing a unit's claims”.\n"
        "Exit status: 0 when every claim holds, 1 when some does not or some row could not be scored (the "
        "audit is still printed), 2 on usage errors, a rubric with errors, or a values file that cannot be "
        "read or does not fit the rubric.");
    return {app, [settings] { return run_audit(*settings); }};
}

} // namespace rubric::cli

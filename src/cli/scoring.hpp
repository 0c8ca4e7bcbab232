// scoring.hpp — what `rubric score`, `rubric explain` and `rubric audit` share: load, check and compile a
// rubric, read and bind a unit's values file, evaluate; and the words they print (scores, the total, tables).
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <rubric/rubric.hpp>
#include <string>
#include <vector>

namespace rubric::cli {

/// The options the scoring commands take.
struct scoring_settings {
    std::string rubric_file;
    std::string values_file;
    std::string format = "text";
    std::string lang = "zh";

    language language_() const { return lang == "en" ? language::en : language::zh; }
};

/// Adds RUBRIC, --values, --format and --lang to a subcommand.
void add_scoring_options(CLI::App& app, scoring_settings& settings);

/// A unit scored by a rubric.
struct scored_unit {
    compiled_rubric rubric;
    unit_values values;
    bound_values bound; ///< `values` bound to `rubric`: what `outcome` evaluated, the claims included
    result outcome;
};

/// Reads, checks and compiles the rubric, reads the values file (JSON or CSV, see is_json_values), binds and
/// evaluates. Diagnostics of the rubric (when it has errors) and of the values file go to standard error,
/// rendered with their sources; nullopt means the command should exit with exit_usage.
std::optional<scored_unit> load_and_score(const std::string& command, const scoring_settings& settings);

/// Whether a values file is read as JSON: by its extension (.json, .csv; any case), else by its content (the
/// first character that is not a space or a BOM is `{`).
bool is_json_values(const std::string& path, std::string_view text);

/// A score as a table prints it: 2 places when it has at most 2 (2 → "2.00"), exact up to 4 places, else
/// "≈" and 2 places.
std::string shown_score(const decimal& d);

/// The weight a node is listed with: as declared, else (a weight that depends on the unit's category) the
/// maximum this unit is scored under.
decimal listed_weight(const node_info& info, const node_result& r);

/// Indices of the nodes whose errors are causes: every node with status error none of whose children has
/// status error (a group fails because a child did; its child's error is the one to report).
std::vector<std::size_t> root_errors(const scored_unit& unit);

/// The lines after a table or the explanations: "总分：91.00", "等级：优", vetoes; or the incomplete total.
std::string total_lines(const scored_unit& unit, language lang);

/// A text table: `rows` (the header first) in columns two spaces apart, each as wide as its widest cell (in
/// terminal columns), a rule of dashes under the header; columns whose flag in `right_aligned` is set flush
/// right, the others left. Lines carry no trailing spaces.
std::string render_table(const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& right_aligned);

/// "a / b / c".
std::string joined_path(const std::vector<std::string>& path, std::string_view separator = " / ");

/// A decimal as the JSON reports write numbers: its exact decimal string; null when there is none.
nlohmann::ordered_json decimal_or_null(const std::optional<decimal>& d);

/// One node in the JSON reports (README “Scoring a unit”): path, name, kind, weight, score, (indicators and
/// items:) unrounded, max, status, (indicators and items:) value, target, zeroed, explanation; error when the
/// status is error. Numbers are decimal strings.
nlohmann::ordered_json node_json(const scored_unit& unit, std::size_t node, language lang);
/// The head of the JSON reports: title, unit, total, unrounded_total, grade, complete.
nlohmann::ordered_json totals_json(const scored_unit& unit);

/// The exit status after scoring: exit_ok when complete, exit_findings when not.
int scored_exit(const scored_unit& unit);

} // namespace rubric::cli

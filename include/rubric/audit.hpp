// audit.hpp — checking a unit's claimed scores (自评得分) against the scores its rubric gives.
//
// A reviewer receives a unit's filled-in table: its values and the scores it claims (the values file's
// `claimed` section, values.hpp). The audit recomputes every line and reports, line by line, the claimed and
// the recomputed score with their difference; then the findings: claims that differ from the rules, claims
// that cannot be right whatever the values (a score above its weight, a subtotal that is not the sum of its
// lines, a claimed total that is not the sum of the claimed lines, a grade the claimed total does not fall
// in), and values the unit reports that its own raw figures contradict (预算完成率 95% against 8352.09 /
// 8383.52 = 99.63%). Nothing here throws except std::bad_alloc.
#pragma once

#include <rubric/compiler.hpp>
#include <rubric/decimal.hpp>
#include <rubric/result.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rubric {

/// One line of the table: a node with a claim, or an indicator without one (shown, never a finding).
struct audit_line {
    std::size_t node = 0;
    std::optional<decimal> claimed;
    std::optional<decimal> recomputed; ///< nullopt when the line could not be scored (see result::error)
    std::optional<decimal> difference; ///< claimed − recomputed, when both are known
    /// No claim, or the claim equals the recomputed score. A claimed line that could not be scored (a missing
    /// value) does not hold, but it is no finding either: nothing says it differs (result::error says why).
    bool holds = true;
};

/// What a finding is about.
enum class finding_kind {
    score_differs,      ///< a claimed score is not the score the rule gives
    above_weight,       ///< a claimed score above the line's weight (below 0 too): wrong whatever the values
    subtotal_mismatch,  ///< a claimed subtotal is not the sum of its claimed lines
    total_mismatch,     ///< the claimed total is not the sum of the claimed lines
    total_differs,      ///< the claimed total is not the recomputed total
    grade_mismatch,     ///< the claimed grade is not the grade of the claimed total
    grade_differs,      ///< the claimed grade is not the recomputed grade
    raw_figures_differ, ///< a reported value that the unit's own raw figures contradict
};

/// Words for a kind: "score_differs", ….
std::string_view to_string(finding_kind kind) noexcept;

struct audit_finding {
    finding_kind kind = finding_kind::score_differs;
    std::optional<std::size_t> node; ///< the line it is about, if one
    std::string message;             ///< in the language asked for
};

struct audit_report {
    std::vector<audit_line> lines; ///< in the order of the table (compiled_rubric::nodes())
    std::optional<decimal> claimed_total, recomputed_total;
    std::optional<std::string> claimed_grade, recomputed_grade;
    std::vector<audit_finding> findings;

    /// Whether every claim holds: no findings, and every claimed line recomputed.
    bool holds() const noexcept;
};

/// Audits the claims of `values` against `scored`, which must be the result of evaluating `values` with
/// `rubric`.
audit_report audit(const compiled_rubric& rubric, const bound_values& values, const result& scored,
                   language lang = language::zh);

} // namespace rubric

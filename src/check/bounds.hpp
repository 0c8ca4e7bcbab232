// bounds.hpp — the highest and lowest score a rule can give, proven from its form and not by sampling
// (README §9, §9.12): interval arithmetic over step clauses with their caps and bounds, band and case
// outcomes, checklist points, judged ranges, and score formulas where each input appears once.
#pragma once

#include "check/intervals.hpp"
#include "check/scope.hpp"
#include "check/subjects.hpp"

#include <optional>

namespace rubric::checker {

/// A range of scores; an absent end is unbounded (−∞ below, +∞ above).
struct score_range {
    std::optional<decimal> low, high;
};

/// What a rule is scored against.
struct scoring_frame {
    const subject* scored = nullptr;
    decimal weight;         ///< the weight in points (one case of a weight by category)
    span domain;            ///< the values the subject's value can take
    bool from_zero = false; ///< in a bonus or penalty block, where a step rule starts from 0
};

/// The scores `body` can reach before the indicator's clamp to [0, weight]; nullopt when its form does not
/// prove them (a pending rule, a formula naming an input twice, a bound that is only known when scoring).
std::optional<score_range> reachable(const ast::rule_body& body, const scope& where,
                                     const scoring_frame& frame, const constants& read);

/// Whether a step clause can never apply because of how its target is written (`每增加` under `≥ 95%`: the
/// target has no upper end to rise above); false when `起扣` gives the reference.
bool clause_beyond_open_target(const ast::step_clause& c, const subject& s);

} // namespace rubric::checker

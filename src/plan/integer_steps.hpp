// integer_steps.hpp — a step rule in machine integers, as compile() writes it beside the rule (program.hpp)
// and the fixed-point form copies it (fixed_point.hpp); eval/integer_steps.hpp scores it.
#pragma once

#include "syntax/ast.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace rubric::detail::plan {

/// A step rule whose points are all known when compiling, in machine integers: every amount in units of
/// 1/denominator, the steps as fractions. Its clauses are replayable, not relative and count whole or started
/// steps, so the rule's score is base ∓ Σ steps × per_step (capped) within its bounds. It carries all it is
/// scored from, so that the fixed-point form can keep copies of it beside its other rows.
struct integer_steps {
    struct clause {
        ast::step_direction direction = ast::step_direction::per_drop;
        bool started = false;                                  ///< counts started steps, else whole steps
        bool deducts = true;                                   ///< 扣, else 加
        std::int64_t step_numerator = 1, step_denominator = 1; ///< the step (> 0)
        std::int64_t per_step = 0;
        std::optional<std::int64_t> cap; ///< 最多
    };
    /// A bound in the order written: the score is kept at or above (floor) or at or below `at`; 扣完为止 is
    /// a floor at 0.
    struct limit {
        bool floor = true;
        std::int64_t at = 0;
    };
    std::int64_t denominator = 1;
    std::int64_t base = 0;
    std::vector<clause> clauses; ///< parallel to step_rule::clauses
    std::vector<limit> limits;   ///< parallel to step_rule::bounds
};

/// A clause's reference folded into its step: for the value a/b, the deviation over the step is
/// (a·at − b·bt) / (b·over), before the clause's side is taken. A clause that measures from nothing has
/// at = bt = 0: no deviation, no step, no points.
struct folded_reference {
    std::int64_t at = 0, bt = 0, over = 1;
};

/// Clause `c` measuring from rn/rd (rd > 0), folded: nothing when a product overflows.
inline std::optional<folded_reference> fold(const integer_steps::clause& c, std::int64_t rn,
                                            std::int64_t rd) {
    // (a/b − rn/rd) / (sn/sd) = (a·rd·sd − b·rn·sd) / (b·rd·sn)
    folded_reference out;
    if (__builtin_mul_overflow(rd, c.step_denominator, &out.at) ||
        __builtin_mul_overflow(rn, c.step_denominator, &out.bt) ||
        __builtin_mul_overflow(rd, c.step_numerator, &out.over))
        return std::nullopt;
    return out;
}

/// Whether a clause measures from a target compared with `op` (not an interval, no 起扣): a clause stepping
/// below measures from a target the value should reach, one stepping above from a target it should not pass.
inline bool measures_from_target(ast::step_direction direction, ast::comparison_op op) {
    using enum ast::comparison_op;
    if (direction == ast::step_direction::per_deviation) return true;
    const bool below = op == ge || op == gt || op == eq || op == ne;
    const bool above = op == le || op == lt || op == eq || op == ne;
    return direction == ast::step_direction::per_drop ? below : above;
}

} // namespace rubric::detail::plan

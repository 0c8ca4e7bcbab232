// integer_steps.hpp — a step rule scored in machine integers (plan::integer_steps), shared by the interpreter
// (evaluate.cpp) and the fixed-point scorer (fixed_point_evaluate.cpp), which differ only in where a clause's
// reference comes from.
#pragma once

#include "plan/program.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>

namespace rubric::detail {

/// A fraction of machine integers, denominator > 0, not necessarily reduced.
struct machine_fraction {
    std::int64_t n = 0, d = 1;
};

/// What a clause measures its deviation from, as a caller found it.
struct integer_reference {
    enum class kind : std::uint8_t {
        none,
        value,
        unknown
    } of = kind::none; ///< unknown: not a machine fraction
    machine_fraction at;
};

/// `reference` folded into clause `c`: nothing when it is unknown or a product overflows.
inline std::optional<plan::folded_reference> fold(const plan::integer_steps::clause& c,
                                                  const integer_reference& reference) {
    switch (reference.of) {
    case integer_reference::kind::none:
        return plan::folded_reference{};
    case integer_reference::kind::value:
        return plan::fold(c, reference.at.n, reference.at.d);
    case integer_reference::kind::unknown:
        break;
    }
    return std::nullopt;
}

/// `units` moved by clause `c` with its reference folded (`f`) for the value `value`: the steps counted as
/// the clause says, times its points, within its cap, deducted or added. False when a product overflows.
inline bool move_by_clause(std::int64_t& units, const plan::integer_steps::clause& c,
                           const plan::folded_reference& f, machine_fraction value) {
    const auto [a, b] = value;
    std::int64_t left, right, deviation, over, moved;
    if (__builtin_mul_overflow(a, f.at, &left) || __builtin_mul_overflow(b, f.bt, &right) ||
        __builtin_sub_overflow(left, right, &deviation) || __builtin_mul_overflow(b, f.over, &over) ||
        deviation == INT64_MIN)
        return false;
    if (c.direction == ast::step_direction::per_drop ||
        (c.direction == ast::step_direction::per_deviation && deviation < 0))
        deviation = -deviation;
    // Whether the value is on the clause's side depends on the unit: counted without a branch, a deviation
    // on the other side as none.
    deviation = std::max<std::int64_t>(deviation, 0);
    const std::int64_t steps = deviation / over + (c.started & (deviation % over != 0));
    if (__builtin_mul_overflow(steps, c.per_step, &moved)) return false;
    if (c.cap && moved > *c.cap) moved = *c.cap;
    return !(c.deducts ? __builtin_sub_overflow(units, moved, &units)
                       : __builtin_add_overflow(units, moved, &units));
}

struct integer_score {
    std::int64_t units = 0; ///< the score in units of 1/denominator, after the rule's bounds
    bool bounded = false;   ///< the bounds changed it
};

/// `units` kept within a step rule's bounds, in the order written.
inline integer_score within_limits(std::int64_t units, std::span<const plan::integer_steps::limit> limits) {
    const std::int64_t unbounded = units;
    for (const plan::integer_steps::limit& limit : limits)
        units = limit.floor ? std::max(units, limit.at) : std::min(units, limit.at);
    return {units, units != unbounded};
}

/// The score of a step rule in its integer form — `base`, then `clauses`, then `limits`, amounts in units of
/// the form's denominator — for the value `value`; `reference(k)` gives clause k's reference. Nothing when a
/// reference is unknown or a product overflows: the caller then scores in decimals, to the same exact score.
template <class Reference>
std::optional<integer_score> score_integer_steps(std::int64_t base,
                                                 std::span<const plan::integer_steps::clause> clauses,
                                                 std::span<const plan::integer_steps::limit> limits,
                                                 machine_fraction value, Reference&& reference) {
    std::int64_t units = base;
    for (std::size_t k = 0; k < clauses.size(); ++k) {
        const std::optional<plan::folded_reference> folded = fold(clauses[k], reference(k));
        if (!folded || !move_by_clause(units, clauses[k], *folded, value)) return std::nullopt;
    }
    return within_limits(units, limits);
}

} // namespace rubric::detail

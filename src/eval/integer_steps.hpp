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

struct integer_score {
    std::int64_t units = 0; ///< the score in units of 1/denominator, after the rule's bounds
    bool bounded = false;   ///< the bounds changed it
};

/// The score of a step rule in its integer form — `base`, then `clauses`, then `limits`, amounts in units of
/// the form's denominator — for the value `value`; `reference(k)` gives clause k's reference. Nothing when a
/// reference is unknown or a product overflows: the caller then scores in decimals, to the same exact score.
template <class Reference>
std::optional<integer_score> score_integer_steps(std::int64_t base,
                                                 std::span<const plan::integer_steps::clause> clauses,
                                                 std::span<const plan::integer_steps::limit> limits,
                                                 machine_fraction value, Reference&& reference) {
    const auto [a, b] = value;
    std::int64_t units = base;
    for (std::size_t k = 0; k < clauses.size(); ++k) {
        const plan::integer_steps::clause& c = clauses[k];
        std::int64_t moved = 0;
        const integer_reference ref = reference(k);
        if (ref.of == integer_reference::kind::unknown) return std::nullopt;
        if (ref.of == integer_reference::kind::value) {
            const auto [rn, rd] = ref.at;
            // The deviation (a·rd − rn·b) / (b·rd), on the clause's side, over the step sn / sd.
            std::int64_t left, right, deviation, over;
            if (__builtin_mul_overflow(a, rd, &left) || __builtin_mul_overflow(rn, b, &right) ||
                __builtin_sub_overflow(left, right, &deviation) || __builtin_mul_overflow(b, rd, &over) ||
                deviation == INT64_MIN)
                return std::nullopt;
            if (c.direction == ast::step_direction::per_drop ||
                (c.direction == ast::step_direction::per_deviation && deviation < 0))
                deviation = -deviation;
            // Whether the value is on the clause's side depends on the unit: counted without a branch, a
            // deviation on the other side as none.
            deviation = std::max<std::int64_t>(deviation, 0);
            if (__builtin_mul_overflow(deviation, c.step_denominator, &deviation) ||
                __builtin_mul_overflow(over, c.step_numerator, &over))
                return std::nullopt;
            const std::int64_t steps = deviation / over + (c.started & (deviation % over != 0));
            if (__builtin_mul_overflow(steps, c.per_step, &moved)) return std::nullopt;
        }
        if (c.cap && moved > *c.cap) moved = *c.cap;
        if (c.deducts ? __builtin_sub_overflow(units, moved, &units)
                      : __builtin_add_overflow(units, moved, &units))
            return std::nullopt;
    }
    const std::int64_t unbounded = units;
    for (const plan::integer_steps::limit& limit : limits)
        units = limit.floor ? std::max(units, limit.at) : std::min(units, limit.at);
    return integer_score{units, units != unbounded};
}

} // namespace rubric::detail

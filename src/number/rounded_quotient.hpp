// rounded_quotient.hpp — an integer quotient rounded in one of the seven modes: the one rule behind
// decimal::round (machine, 128-bit and arbitrary-precision integers) and the fixed-point scorer.
#pragma once

#include <rubric/decimal.hpp>

namespace rubric::detail {

// Rounds the quotient q (truncated toward zero) of n / d, d > 0, given its remainder r: one unit away from
// zero or not, by `mode`. Shared by every integer width.
template <class Int>
Int round_quotient(Int q, const Int& r, const Int& d, bool negative, rounding_mode mode) {
    if (r == 0) return q;
    const Int below = r < 0 ? Int(-r) : r; // distance to the truncated quotient, in units of 1/d
    const Int above = d - below;           // distance to the next one away from zero
    bool away;
    switch (mode) {
    case rounding_mode::half_up:
        away = below >= above;
        break;
    case rounding_mode::half_down:
        away = below > above;
        break;
    case rounding_mode::half_even:
        away = below > above || (below == above && q % 2 != 0);
        break;
    case rounding_mode::down:
        away = false;
        break;
    case rounding_mode::up:
        away = true;
        break;
    case rounding_mode::floor:
        away = negative;
        break;
    case rounding_mode::ceiling:
        away = !negative;
        break;
    default:
        away = false;
        break;
    }
    if (away) q += negative ? -1 : 1;
    return q;
}

// n / d (d > 0) rounded to an integer in `mode`, with the hardware's or Boost's division.
template <class Int>
Int rounded_quotient(const Int& n, const Int& d, rounding_mode mode) {
    return round_quotient<Int>(Int(n / d), Int(n % d), d, n < 0, mode);
}

} // namespace rubric::detail

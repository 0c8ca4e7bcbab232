// number_limits.hpp — how large a number may be: written, in a rubric (E0007) and in a values file alike, and
// computed, while scoring.
//
// Generous for any real table, and for amounts far beyond one (10^40 万元 is exact); small enough that no
// number can make exact arithmetic slow (grammar/README.md §18): a formula's value that outgrows
// max_computed_bits is an error of its indicator, so chains of derived values squaring each other stop there.
#pragma once

#include <cstddef>
#include <rubric/decimal.hpp>
#include <string>
#include <string_view>

namespace rubric::detail {

struct digit_limits {
    std::size_t significant = 38; ///< from the first digit that is not 0 to the last
    std::size_t integer = 60;     ///< before the decimal point, leading zeros aside
    std::size_t fraction = 60;    ///< after the decimal point
};

/// What makes a number too long — "this number is too long: more than 38 significant digits" —, or "" when it
/// is within `limits`. `digits` are the number's ASCII digits without a point or separators; the last
/// `fraction_digits` of them come after the point.
std::string digits_over_limit(std::string_view digits, std::size_t fraction_digits,
                              const digit_limits& limits);

/// The most bits a computed value's numerator or denominator may have: about 3000 decimal digits, far beyond
/// anything 38-digit inputs give in a real rubric.
inline constexpr std::size_t max_computed_bits = 10000;

/// Whether `x` has outgrown max_computed_bits (never on decimal's fast path).
bool too_large_to_compute(const decimal& x);

} // namespace rubric::detail

// number_limits.cpp — how large a number may be, written and computed.
#include "number/number_limits.hpp"

#include "number/big_rational.hpp"

namespace rubric::detail {

std::string digits_over_limit(std::string_view digits, std::size_t fraction_digits,
                              const digit_limits& limits) {
    if (fraction_digits > limits.fraction)
        return "this number has too many decimal places: more than " + std::to_string(limits.fraction);
    const std::size_t first = digits.find_first_not_of('0');
    if (first == std::string_view::npos) return {};
    const std::size_t last = digits.find_last_not_of('0');
    const std::size_t integer_digits = digits.size() - fraction_digits;
    if (last - first + 1 > limits.significant)
        return "this number is too long: more than " + std::to_string(limits.significant) +
               " significant digits";
    if (first < integer_digits && integer_digits - first > limits.integer)
        return "this number is too large: more than " + std::to_string(limits.integer) +
               " digits before the decimal point";
    return {};
}

bool too_large_to_compute(const decimal& x) {
    if (x.on_fast_path()) return false;
    const rational v = big_rational::of(x);
    return msb(abs(numerator(v)) + 1) >= max_computed_bits || msb(denominator(v)) >= max_computed_bits;
}

} // namespace rubric::detail

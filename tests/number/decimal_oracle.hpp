// decimal_oracle.hpp — test-only reference for the number core: Boost cpp_rational values, an independent
// rounding and formatting implementation, and builders that never go through the code under test's parser.
#pragma once

#include <array>
#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <rubric/decimal.hpp>
#include <string>
#include <string_view>

namespace rubric_test {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;
using rubric::decimal;
using rubric::rounding_mode;

inline constexpr std::array<rounding_mode, 7> all_modes = {
    rounding_mode::half_up, rounding_mode::half_even, rounding_mode::half_down, rounding_mode::down,
    rounding_mode::up,      rounding_mode::floor,     rounding_mode::ceiling,
};

inline cpp_int pow10(unsigned exponent) {
    cpp_int result = 1;
    for (unsigned i = 0; i < exponent; ++i)
        result *= 10;
    return result;
}

/// True when `text` is a canonical integer: "0", or an optional '-' and digits without a leading zero.
inline bool is_canonical_integer(std::string_view text, bool allow_sign) {
    if (allow_sign && !text.empty() && text.front() == '-') text.remove_prefix(1);
    if (text.empty() || (text.size() > 1 && text.front() == '0')) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

/// The exact value behind `x`, read from to_fraction_string(); nothing when that text is not a reduced "n/d"
/// (d > 1) or "n".
inline std::optional<cpp_rational> try_oracle(const decimal& x) {
    const std::string text = x.to_fraction_string();
    const auto slash = text.find('/');
    const std::string numerator = text.substr(0, slash);
    if (!is_canonical_integer(numerator, true) || numerator == "-0") return std::nullopt;
    if (slash == std::string::npos) return cpp_rational(cpp_int(numerator));
    const std::string denominator = text.substr(slash + 1);
    if (!is_canonical_integer(denominator, false)) return std::nullopt;
    const cpp_int n(numerator), d(denominator);
    if (d <= 1 || n == 0 || boost::multiprecision::gcd(n, d) != 1) return std::nullopt;
    return cpp_rational(n, d);
}

/// The exact value behind `x`; a malformed fraction string fails the current test.
inline cpp_rational oracle(const decimal& x) {
    auto value = try_oracle(x);
    if (!value)
        FAIL("to_fraction_string() is not a reduced \"n/d\" or \"n\": \"" << x.to_fraction_string() << '"');
    return *value;
}

/// Checks that `got` sits on the path its exact value calls for: the fast path holds every value whose
/// reduced numerator and denominator fit in int64, and no other (a value that grows leaves it, one that
/// shrinks comes back). A reduced numerator of exactly INT64_MIN may live on either path.
inline void check_path(const decimal& got, const cpp_rational& expected) {
    static const cpp_int max = cpp_int(INT64_MAX);
    const cpp_int& n = boost::multiprecision::numerator(expected);
    const cpp_int& d = boost::multiprecision::denominator(expected);
    if (n == -max - 1 && d <= max) return;
    INFO("value " << expected << (got.on_fast_path() ? " is on the fast path" : " is on the fallback path"));
    CHECK(got.on_fast_path() == (n <= max && n >= -max && d <= max));
}

/// A decimal built from an exact cpp_rational by arithmetic only (no parsing): numerator and denominator are
/// assembled from 9-digit chunks, so any size works.
inline decimal from_integer(const cpp_int& value) {
    const cpp_int chunk = 1000000000;
    cpp_int magnitude = value < 0 ? cpp_int(-value) : value;
    decimal result = 0, scale = 1;
    while (magnitude != 0) {
        result += decimal(static_cast<std::int64_t>(magnitude % chunk)) * scale;
        scale *= static_cast<std::int64_t>(1000000000);
        magnitude /= chunk;
    }
    return value < 0 ? -result : result;
}
inline decimal from_oracle(const cpp_rational& value) {
    return from_integer(boost::multiprecision::numerator(value)) /
           from_integer(boost::multiprecision::denominator(value));
}

/// The exact value of a plain decimal text ("-2.345", "12", "0.0001"), computed without parse_decimal.
inline cpp_rational exact_rational(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    cpp_int digits = 0;
    unsigned places = 0;
    bool after_point = false;
    for (char c : text) {
        if (c == '.') {
            after_point = true;
            continue;
        }
        digits = digits * 10 + (c - '0');
        if (after_point) ++places;
    }
    cpp_rational value(digits, pow10(places));
    return negative ? cpp_rational(-value) : value;
}
inline decimal exact(std::string_view text) {
    return from_oracle(exact_rational(text));
}

/// Integer-division rounding of n/d to `places` decimals: the scaled integer result (value × 10^places).
inline cpp_int reference_round_scaled(const cpp_rational& value, unsigned places, rounding_mode mode) {
    const cpp_int scaled = boost::multiprecision::numerator(value) * pow10(places);
    const cpp_int d = boost::multiprecision::denominator(value); // > 0
    const cpp_int q = scaled / d;                                // truncated toward zero
    const cpp_int r = scaled % d;                                // same sign as scaled
    const int sign = scaled < 0 ? -1 : 1;
    if (r == 0) return q;
    const cpp_int twice = 2 * (r < 0 ? cpp_int(-r) : r);
    const cpp_int away = q + sign;
    switch (mode) {
    case rounding_mode::down:
        return q;
    case rounding_mode::up:
        return away;
    case rounding_mode::floor:
        return r < 0 ? cpp_int(q - 1) : q;
    case rounding_mode::ceiling:
        return r > 0 ? cpp_int(q + 1) : q;
    case rounding_mode::half_up:
        return twice >= d ? away : q;
    case rounding_mode::half_down:
        return twice > d ? away : q;
    case rounding_mode::half_even:
        if (twice != d) return twice > d ? away : q;
        return (q % 2 == 0) ? q : away;
    }
    return q;
}
inline cpp_rational reference_round(const cpp_rational& value, unsigned places, rounding_mode mode) {
    return cpp_rational(reference_round_scaled(value, places, mode), pow10(places));
}

/// "-12.30" from a scaled integer: digits padded to places + 1, a point before the last `places`; no "-0".
inline std::string reference_fixed(const cpp_int& scaled, unsigned places) {
    std::string digits = (scaled < 0 ? cpp_int(-scaled) : scaled).str();
    if (digits.size() < places + 1) digits.insert(0, places + 1 - digits.size(), '0');
    if (places > 0) digits.insert(digits.size() - places, ".");
    return (scaled < 0 ? "-" : "") + digits;
}
inline std::string reference_format(const cpp_rational& value, unsigned places, rounding_mode mode) {
    return reference_fixed(reference_round_scaled(value, places, mode), places);
}

/// to_string as specified: a plain decimal when the denominator is 2^a·5^b, else the reduced "n/d".
inline std::string reference_to_string(const cpp_rational& value) {
    const cpp_int& n = boost::multiprecision::numerator(value);
    cpp_int d = boost::multiprecision::denominator(value);
    unsigned twos = 0, fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        ++twos;
    }
    while (d % 5 == 0) {
        d /= 5;
        ++fives;
    }
    if (d != 1) return n.str() + "/" + boost::multiprecision::denominator(value).str();
    const unsigned places = twos > fives ? twos : fives;
    return reference_fixed(n * pow10(places) / boost::multiprecision::denominator(value), places);
}

/// Random operands of every shape the number core meets. A fixed seed keeps failures reproducible.
class operand_generator {
public:
    explicit operand_generator(std::uint64_t seed) : engine_(seed) {}

    std::int64_t integer(std::int64_t low, std::int64_t high) {
        return std::uniform_int_distribution<std::int64_t>(low, high)(engine_);
    }
    bool chance(int percent) { return integer(0, 99) < percent; }

    /// A small fraction n/d as built by decimal::fraction (denominator of either sign).
    std::pair<std::int64_t, std::int64_t> small_fraction() {
        const std::int64_t n = integer(-1000000, 1000000);
        std::int64_t d = chance(50) ? power_of_ten(integer(0, 6)) : integer(1, 10000);
        if (chance(10)) d = -d;
        return {n, d};
    }

    /// A plain decimal text such as "-8383.52" with up to `max_int_digits` integer digits.
    std::string decimal_text(int max_int_digits, int max_places) {
        std::string text = chance(30) ? "-" : "";
        const std::int64_t int_digits = integer(1, max_int_digits);
        for (std::int64_t i = 0; i < int_digits; ++i)
            text += static_cast<char>('0' + (i == 0 && int_digits > 1 ? integer(1, 9) : integer(0, 9)));
        const std::int64_t places = integer(0, max_places);
        if (places > 0) text += '.';
        for (std::int64_t i = 0; i < places; ++i)
            text += static_cast<char>('0' + integer(0, 9));
        return text;
    }

    /// A large fraction: numerator around 10^15..10^18, denominator a power of ten up to 10^18 or a large
    /// odd number, so that products leave int64.
    std::pair<std::int64_t, std::int64_t> large_fraction() {
        const std::int64_t n = integer(100000000000000, 999999999999999999) * (chance(50) ? -1 : 1);
        const std::int64_t d =
            chance(50) ? power_of_ten(integer(12, 18)) : (integer(1, 1000000000000000) | 1);
        return {n, d};
    }

    static std::int64_t power_of_ten(std::int64_t exponent) {
        std::int64_t result = 1;
        for (std::int64_t i = 0; i < exponent; ++i)
            result *= 10;
        return result;
    }

private:
    std::mt19937_64 engine_;
};

} // namespace rubric_test

/// A parse result as Catch prints it in a failed check: the value read, or the error.
template <>
struct Catch::StringMaker<rubric::decimal_parse_result> {
    static std::string convert(const rubric::decimal_parse_result& result) {
        return result ? "value " + result.value->to_string() : "error " + result.error;
    }
};

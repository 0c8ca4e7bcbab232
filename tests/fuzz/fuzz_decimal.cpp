// fuzz_decimal.cpp — libFuzzer target: the number parser and exact arithmetic, cross-checked against Boost's
// cpp_rational, so that a wrong answer is a finding and not only a crash.
//
// The input is two lines, the operands a and b as text, then a program: one byte an operation on an
// accumulator that starts at a (`+ - * /` with b, `s` squares, `r` rounds to the places and mode the next
// two bytes give, `f` floors and ceils, `c` compares with b, `t` prints, `n` negates, `b` sets b to the
// accumulator). The same program runs on cpp_rational; after every step both must hold the same value. Values
// leave the two-integer fast path (squares, divisions by large primes) and come back (rounding), so the
// moves between the representations are checked too; no value grows past max_bits.
#include "fuzz_support.hpp"

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <rubric/decimal.hpp>
#include <string>
#include <string_view>

namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;
using rubric::decimal;
using rubric::rounding_mode;
using rubric::fuzz::require;

// A plain number as everyone writes it: [+-]digits[.digits][%]. Anything else is left to parse_decimal alone.
std::optional<cpp_rational> reference_parse(std::string_view text) {
    std::size_t at = 0;
    const bool negative = at < text.size() && text[at] == '-';
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
    cpp_int digits = 0;
    int integer_digits = 0, fraction_digits = 0;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++integer_digits)
        digits = digits * 10 + (text[at] - '0');
    if (integer_digits == 0) return std::nullopt;
    if (at < text.size() && text[at] == '.') {
        for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++fraction_digits)
            digits = digits * 10 + (text[at] - '0');
        if (fraction_digits == 0) return std::nullopt;
    }
    const bool percent = at < text.size() && text[at] == '%';
    if (percent) ++at;
    if (at != text.size()) return std::nullopt;
    cpp_rational value(digits, boost::multiprecision::pow(cpp_int(10), fraction_digits + (percent ? 2 : 0)));
    return negative ? cpp_rational(-value) : value;
}

// A decimal's exact value, read back from the fraction it prints.
cpp_rational exact(const decimal& x) {
    const std::string text = x.to_fraction_string();
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos) return cpp_rational(cpp_int(text));
    return cpp_rational(cpp_int(text.substr(0, slash)), cpp_int(text.substr(slash + 1)));
}

// v rounded to `places` in `mode`, scaled by 10^places (an integer): the definition, case by case.
cpp_int reference_round_scaled(const cpp_rational& v, int places, rounding_mode mode) {
    const cpp_rational scaled = v * cpp_rational(boost::multiprecision::pow(cpp_int(10), places));
    const cpp_int n = numerator(scaled), d = denominator(scaled);
    cpp_int floor = n / d, rest = n % d; // truncated; make it the floor, rest in [0, d)
    if (rest < 0) {
        floor -= 1;
        rest += d;
    }
    if (rest == 0) return floor;
    const bool positive = v > 0;
    const int half = cpp_int(2 * rest).compare(d); // the fraction against one half
    switch (mode) {
    case rounding_mode::floor:
        return floor;
    case rounding_mode::ceiling:
        return floor + 1;
    case rounding_mode::down:
        return positive ? floor : floor + 1;
    case rounding_mode::up:
        return positive ? floor + 1 : floor;
    case rounding_mode::half_up:
        return half > 0 || (half == 0 && positive) ? floor + 1 : floor;
    case rounding_mode::half_down:
        return half > 0 || (half == 0 && !positive) ? floor + 1 : floor;
    case rounding_mode::half_even:
        return half > 0 || (half == 0 && floor % 2 != 0) ? floor + 1 : floor;
    }
    return floor;
}

// The text format(places) must print for a value scaled by 10^places: sign, digits, point.
std::string reference_format(const cpp_int& scaled, int places) {
    const std::string magnitude = (scaled < 0 ? cpp_int(-scaled) : scaled).str();
    const auto point = static_cast<std::size_t>(places);
    const std::size_t zeros = magnitude.size() <= point ? point + 1 - magnitude.size() : 0;
    std::string out(scaled < 0 ? 1 : 0, '-');
    out.append(zeros, '0').append(magnitude);
    if (places > 0) out.insert(out.size() - point, 1, '.');
    return out;
}

bool terminates(const cpp_rational& v) {
    cpp_int d = denominator(v);
    while (d % 2 == 0)
        d /= 2;
    while (d % 5 == 0)
        d /= 5;
    return d == 1;
}

// Whether parse_decimal refused a number for being written longer than a number may be (number_limits.hpp).
bool over_limits(const rubric::decimal_parse_result& parsed) {
    return !parsed.value && parsed.error.find("\": this number ") != std::string::npos;
}

std::optional<decimal> parse_operand(std::string_view text) {
    const rubric::decimal_parse_result parsed = rubric::parse_decimal(text);
    require(parsed.value.has_value() != !parsed.error.empty(), "parse_decimal gives a value or an error");
    const std::optional<cpp_rational> expected = reference_parse(text);
    if (expected)
        require(parsed.value ? exact(*parsed.value) == *expected : over_limits(parsed),
                "a plain number reads");
    return parsed.value;
}

constexpr std::size_t max_steps = 64;
constexpr unsigned max_bits = 4096; // no operation makes the accumulator larger than this

unsigned bits(const cpp_rational& v) {
    const cpp_int n = abs(numerator(v));
    return std::max(n == 0 ? 0u : static_cast<unsigned>(msb(n)), static_cast<unsigned>(msb(denominator(v))));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t first = input.find('\n');
    if (first == std::string_view::npos) {
        parse_operand(input);
        return 0;
    }
    const std::size_t second = input.find('\n', first + 1);
    const std::optional<decimal> a = parse_operand(input.substr(0, first));
    const std::optional<decimal> b_read = parse_operand(input.substr(first + 1, second - first - 1));
    if (!a || !b_read || second == std::string_view::npos) return 0;

    decimal acc = *a, b = *b_read;
    cpp_rational ref = exact(acc), ref_b = exact(b);
    const std::string_view program = input.substr(second + 1, max_steps);
    for (std::size_t pc = 0; pc < program.size(); ++pc) {
        const auto next = [&] {
            return pc + 1 < program.size() ? static_cast<unsigned char>(program[++pc]) : 0u;
        };
        // Operands past max_bits are left alone: arithmetic on them is right but slow (scoring never meets
        // them: a computed value past number_limits.hpp's bound is an error there), and slow is a timeout.
        const bool small = bits(ref) + bits(ref_b) <= max_bits;
        switch (program[pc]) {
        case '+':
            if (small) acc += b, ref += ref_b;
            break;
        case '-':
            if (small) acc -= b, ref -= ref_b;
            break;
        case '*':
            if (small) acc *= b, ref *= ref_b;
            break;
        case '/':
            if (!small) break;
            if (ref_b == 0) {
                require(!try_divide(acc, b), "try_divide by zero gives nothing");
                bool threw = false;
                try {
                    acc / b;
                } catch (const rubric::division_by_zero&) {
                    threw = true;
                }
                require(threw, "a division by zero throws division_by_zero");
            } else {
                acc /= b, ref /= ref_b;
            }
            break;
        case 's':
            if (2 * bits(ref) <= max_bits) acc *= acc, ref *= ref;
            break;
        case 'r': {
            const int places = static_cast<int>(next() % 13);
            const auto mode = static_cast<rounding_mode>(next() % 7);
            const cpp_int scaled = reference_round_scaled(ref, places, mode);
            require(acc.format(places, mode) == reference_format(scaled, places),
                    "format() rounds as defined");
            acc = acc.round(places, mode);
            ref = cpp_rational(scaled, boost::multiprecision::pow(cpp_int(10), places));
            break;
        }
        case 'f':
            require(exact(acc.floor()) ==
                            cpp_rational(reference_round_scaled(ref, 0, rounding_mode::floor)) &&
                        exact(acc.ceiling()) ==
                            cpp_rational(reference_round_scaled(ref, 0, rounding_mode::ceiling)) &&
                        exact(acc.truncate()) ==
                            cpp_rational(reference_round_scaled(ref, 0, rounding_mode::down)),
                    "floor, ceiling and truncate are exact");
            require(acc.is_integer() == (denominator(ref) == 1), "is_integer() is exact");
            break;
        case 'c':
            require((acc < b) == (ref < ref_b) && (acc == b) == (ref == ref_b) && (acc > b) == (ref > ref_b),
                    "comparisons are exact");
            require(acc.sign() == (ref > 0) - (ref < 0), "sign() is exact");
            break;
        case 't':
            if (terminates(ref)) {
                const rubric::decimal_parse_result back = rubric::parse_decimal(acc.to_string());
                require(back.value ? *back.value == acc : over_limits(back),
                        "a terminating decimal reads back from its text");
            }
            break;
        case 'n':
            acc = -acc, ref = -ref;
            break;
        case 'b':
            b = acc, ref_b = ref;
            break;
        default:
            break;
        }
        require(exact(acc) == ref, "arithmetic is exact");
    }
    return 0;
}

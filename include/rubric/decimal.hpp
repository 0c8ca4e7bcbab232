// decimal.hpp — the exact number type of rubric: every value, weight and score is one of these.
//
// A decimal is an exact rational number. Values of real scoring tables (a few decimal places, magnitudes
// far below 10^18) live in two machine integers, numerator and denominator, so arithmetic on them never
// allocates; a result that does not fit moves to an arbitrary-precision rational (Boost.Multiprecision,
// compiled in src/ only) and moves back as soon as it fits again. Nothing here uses binary floating point.
//
// Errors: division by zero throws rubric::division_by_zero (or use try_divide, which does not throw);
// malformed text is reported by parse_decimal as a value, never thrown.
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace rubric {

/// How a value is brought to a number of decimal places. Ties are values exactly halfway between two
/// candidates; "away from zero" and "toward zero" are by absolute value.
enum class rounding_mode {
    half_up,   ///< 四舍五入: ties away from zero (2.345 → 2.35, −2.345 → −2.35)
    half_even, ///< banker's rounding: ties to the even digit (2.345 → 2.34, 2.355 → 2.36)
    half_down, ///< ties toward zero (2.345 → 2.34)
    down,      ///< truncate toward zero (2.349 → 2.34, −2.349 → −2.34)
    up,        ///< away from zero (2.341 → 2.35, −2.341 → −2.35)
    floor,     ///< toward negative infinity (−2.341 → −2.35)
    ceiling,   ///< toward positive infinity (2.341 → 2.35)
};

/// The name of a rounding mode as written in rubrics and diagnostics ("half_up", …).
std::string_view to_string(rounding_mode mode) noexcept;

/// Thrown by decimal's operator/ when the divisor is zero; what() names the dividend ("division by zero: 5 /
/// 0").
class division_by_zero : public std::domain_error {
public:
    using std::domain_error::domain_error;
};

namespace detail {
struct big_rational; // arbitrary-precision fallback, defined in src/number/
__extension__ using wide_int = __int128;
} // namespace detail

class decimal {
public:
    /// Zero.
    constexpr decimal() noexcept : bits_(0), den_(1) {}
    /// An integer. Implicit, so that `score * 10` and `decimal w = 4;` read naturally.
    // clang-format off
    template <std::integral I>
        requires(!std::same_as<I, bool>)
    decimal(I value) : bits_(static_cast<std::int64_t>(value)), den_(1) {
        if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t))
            if (value > static_cast<std::uint64_t>(INT64_MAX)) [[unlikely]]
                *this = from_unsigned(value);
    }
    // clang-format on
    /// Binary floating point cannot be converted exactly: 0.1 is not one tenth. Parse text instead.
    decimal(double) = delete;
    decimal(float) = delete;

    /// numerator / denominator; throws division_by_zero when denominator is 0.
    static decimal fraction(std::int64_t numerator, std::int64_t denominator) {
        if (denominator > 0) [[likely]]
            return decimal(numerator, denominator);
        return fraction_slow(numerator, denominator);
    }

    decimal(const decimal& other) : bits_(other.bits_), den_(other.den_) {
        if (den_ == 0) [[unlikely]]
            copy_big(other);
    }
    decimal(decimal&& other) noexcept : bits_(other.bits_), den_(other.den_) {
        other.bits_ = 0;
        other.den_ = 1;
    }
    // Two machine integers are copied as they are; only a big value is copied through the heap.
    decimal& operator=(const decimal& other) {
        if (den_ != 0 && other.den_ != 0) [[likely]] {
            bits_ = other.bits_;
            den_ = other.den_;
            return *this;
        }
        return assign_slow(other);
    }
    decimal& operator=(decimal&& other) noexcept {
        if (den_ != 0 && other.den_ != 0) [[likely]] {
            bits_ = other.bits_;
            den_ = other.den_;
            return *this;
        }
        swap(other);
        return *this;
    }
    ~decimal() {
        if (den_ == 0) [[unlikely]]
            destroy_big();
    }
    void swap(decimal& other) noexcept {
        std::swap(bits_, other.bits_);
        std::swap(den_, other.den_);
    }

    // Arithmetic: exact. When both operands are on the fast path and no 64-bit step overflows, an operator is
    // a handful of instructions; anything else goes to an out-of-line slow path (128-bit, reduced, or big).
    friend decimal operator+(const decimal& a, const decimal& b) { return add_or_subtract<false>(a, b); }
    friend decimal operator-(const decimal& a, const decimal& b) { return add_or_subtract<true>(a, b); }
    friend decimal operator*(const decimal& a, const decimal& b) {
        std::int64_t n, d;
        if (a.den_ != 0 && b.den_ != 0 && !__builtin_mul_overflow(a.bits_, b.bits_, &n) &&
            !__builtin_mul_overflow(a.den_, b.den_, &d)) [[likely]]
            return decimal(n, d);
        return multiply_slow(a, b);
    }
    /// Throws division_by_zero when b is zero.
    friend decimal operator/(const decimal& a, const decimal& b) {
        std::int64_t n, d;
        if (a.den_ != 0 && b.den_ != 0 && !__builtin_mul_overflow(a.bits_, b.den_, &n) &&
            !__builtin_mul_overflow(a.den_, b.bits_, &d)) [[likely]] {
            if (d > 0) return decimal(n, d);
            if (d < 0 && n != INT64_MIN && d != INT64_MIN) return decimal(-n, -d);
        }
        return divide_slow(a, b); // also reports division by zero
    }
    /// a / b, or nothing when b is zero.
    friend std::optional<decimal> try_divide(const decimal& a, const decimal& b) {
        if (b.is_zero()) return std::nullopt;
        return a / b;
    }
    decimal operator-() const {
        if (den_ != 0 && bits_ != INT64_MIN) [[likely]]
            return decimal(-bits_, den_);
        return negate_slow();
    }
    decimal& operator+=(const decimal& b) { return *this = *this + b; }
    decimal& operator-=(const decimal& b) { return *this = *this - b; }
    decimal& operator*=(const decimal& b) { return *this = *this * b; }
    decimal& operator/=(const decimal& b) { return *this = *this / b; }

    // Exact total order.
    friend bool operator==(const decimal& a, const decimal& b) { return compare(a, b) == 0; }
    friend std::strong_ordering operator<=>(const decimal& a, const decimal& b) {
        return compare(a, b) <=> 0;
    }

    int sign() const noexcept { return den_ != 0 ? (bits_ > 0) - (bits_ < 0) : sign_big(); }
    bool is_zero() const noexcept { return sign() == 0; }
    bool is_integer() const;
    decimal abs() const { return sign() < 0 ? -*this : *this; }

    // Integers near the value; deduction steps are counted with these.
    decimal floor() const { return to_integer(rounding_mode::floor); }     ///< largest integer ≤ value
    decimal ceiling() const { return to_integer(rounding_mode::ceiling); } ///< smallest integer ≥ value
    decimal truncate() const { return to_integer(rounding_mode::down); }   ///< integer part, toward zero

    /// The value rounded to `places` decimal places in the given mode; throws std::invalid_argument unless
    /// 0 ≤ places ≤ 30 (as do format and format_percent).
    decimal round(int places, rounding_mode mode) const {
        // Scores mostly have no more places than they are rounded to: then there is nothing to divide.
        if (den_ != 0 && places <= max_places && has_at_most(places)) [[likely]]
            return *this;
        return round_slow(places, mode);
    }

    /// Exact text: a plain decimal when the value has a finite decimal expansion ("0.954", "-18067"),
    /// otherwise the reduced fraction ("1/3"). Never exponent notation.
    std::string to_string() const;
    /// The reduced fraction "n/d", or "n" for an integer.
    std::string to_fraction_string() const;
    /// Rounded to exactly `places` decimal places, padded with zeros ("2.00"), never exponent notation.
    std::string format(int places, rounding_mode mode = rounding_mode::half_up) const;
    /// The value as a percentage with `places` decimal places: 0.954 → "95.4%" for places = 1.
    std::string format_percent(int places, rounding_mode mode = rounding_mode::half_up) const;

    /// True while the value lives in machine integers (no heap). For tests and benchmarks.
    bool on_fast_path() const noexcept { return den_ != 0; }
    /// Numerator and denominator (> 0, not necessarily reduced) while the value lives in machine integers: for
    /// code that computes in integers itself, detects overflow, and comes back through fraction().
    std::optional<std::pair<std::int64_t, std::int64_t>> parts() const noexcept {
        if (den_ == 0) return std::nullopt;
        return std::pair(bits_, den_);
    }

private:
    constexpr decimal(std::int64_t num, std::int64_t den) noexcept : bits_(num), den_(den) {}

    template <bool Subtract>
    static decimal add_or_subtract(const decimal& a, const decimal& b) {
        const auto op = [](std::int64_t x, std::int64_t y, std::int64_t* out) {
            return Subtract ? __builtin_sub_overflow(x, y, out) : __builtin_add_overflow(x, y, out);
        };
        if (a.den_ != 0 && b.den_ != 0) [[likely]] {
            std::int64_t n, l, r, d;
            if (a.den_ == b.den_) {
                if (!op(a.bits_, b.bits_, &n)) return decimal(n, a.den_);
            } else if (!__builtin_mul_overflow(a.bits_, b.den_, &l) &&
                       !__builtin_mul_overflow(b.bits_, a.den_, &r) &&
                       !__builtin_mul_overflow(a.den_, b.den_, &d) && !op(l, r, &n)) {
                return decimal(n, d);
            }
        }
        return add_slow(a, b, Subtract);
    }

    static int compare(const decimal& a, const decimal& b) {
        if (a.den_ != 0 && b.den_ != 0) [[likely]] {
            if (a.den_ == b.den_) return (a.bits_ > b.bits_) - (a.bits_ < b.bits_);
            // Cross products of two int64 always fit in 128 bits.
            const detail::wide_int l = detail::wide_int(a.bits_) * b.den_,
                                   r = detail::wide_int(b.bits_) * a.den_;
            return (l > r) - (l < r);
        }
        return compare_slow(a, b);
    }

    // floor, ceiling or truncate (mode is one of the three, known where this is inlined).
    decimal to_integer(rounding_mode mode) const {
        if (den_ == 1) [[likely]]
            return *this;
        if (den_ > 1) {
            // |bits_ / den_| < 2^63 for den_ ≥ 2, and the division truncates toward zero.
            const std::int64_t remainder = bits_ % den_;
            std::int64_t quotient = bits_ / den_;
            if (mode == rounding_mode::floor && remainder < 0) --quotient;
            if (mode == rounding_mode::ceiling && remainder > 0) ++quotient;
            return decimal(quotient, 1);
        }
        return round_slow(0, mode);
    }

    // Whether den_ (> 0) is a power of ten up to 10^places, so that the value has at most `places` places.
    bool has_at_most(int places) const noexcept {
        // 10^18 is the last power of ten an int64 holds: stop there rather than multiply past it.
        for (std::int64_t k = 0, power = 1;; ++k, power *= 10) {
            if (den_ == power) return true;
            if (k == places || k == 18) return false;
        }
    }

    static constexpr int max_places = 30;

    static decimal fraction_slow(std::int64_t numerator, std::int64_t denominator);
    decimal round_slow(int places, rounding_mode mode) const;
    decimal& assign_slow(const decimal& other);
    static decimal from_unsigned(std::uint64_t value);
    [[noreturn]] static void throw_division_by_zero(const decimal& dividend);
    static decimal add_slow(const decimal& a, const decimal& b, bool subtract);
    static decimal multiply_slow(const decimal& a, const decimal& b);
    static decimal divide_slow(const decimal& a, const decimal& b);
    static int compare_slow(const decimal& a, const decimal& b);
    decimal negate_slow() const;
    int sign_big() const noexcept;
    void copy_big(const decimal& other);
    void destroy_big() noexcept;

    friend struct detail::big_rational;

    // den_ > 0: the value is bits_ / den_ (not necessarily reduced).
    // den_ == 0: bits_ holds the address of the detail::big_rational that owns the value.
    std::int64_t bits_;
    std::int64_t den_;
};

inline decimal abs(const decimal& x) {
    return x.abs();
}
inline const decimal& min(const decimal& a, const decimal& b) {
    return b < a ? b : a;
}
inline const decimal& max(const decimal& a, const decimal& b) {
    return a < b ? b : a;
}

std::ostream& operator<<(std::ostream& out, const decimal& value);

/// The outcome of reading a number from text: a value, or an error message that quotes the input and says
/// what was expected.
struct decimal_parse_result {
    std::optional<decimal> value;
    std::string error;
    explicit operator bool() const noexcept { return value.has_value(); }
};

/// Reads a number as tables write it: `95`, `-0.5`, `+3`, `95.4%` (the number 0.954), `3‰`, `1.8067万` and
/// `3亿` (Chinese magnitudes 千, 万, 百万, 千万, 亿, 万亿, exact), `8,383.52` (thousands separators in groups of
/// three after a first group that does not start with 0: `0,123` is rejected, never read as 123), full-width
/// digits, `．`, `％`, `－` and `，` as pasted from Word. Surrounding spaces (also U+3000) are ignored.
decimal_parse_result parse_decimal(std::string_view text);

} // namespace rubric

// decimal.cpp — the out-of-line half of rubric::decimal: fallback arithmetic, reduction, rounding,
// formatting.
#include "number/big_rational.hpp"
#include "number/rounded_quotient.hpp"

#include <array>
#include <ostream>
#include <string>

namespace rubric {

using detail::big_int;
using detail::big_rational;
using detail::rational;
using detail::rounded_quotient;
using detail::wide_int;

namespace {

__extension__ using wide_uint = unsigned __int128;

wide_uint gcd(wide_uint a, wide_uint b) {
    while (b != 0) {
        wide_uint t = a % b;
        a = b;
        b = t;
    }
    return a;
}

wide_uint magnitude(wide_int v) {
    return v < 0 ? wide_uint(0) - wide_uint(v) : wide_uint(v);
}

// 10^0 … 10^18: every power of ten an int64 holds.
constexpr auto powers_of_ten = [] {
    std::array<std::int64_t, 19> p{};
    p[0] = 1;
    for (std::size_t i = 1; i < p.size(); ++i)
        p[i] = p[i - 1] * 10;
    return p;
}();

big_int pow10(int exponent) {
    big_int p = 1;
    for (int i = 0; i < exponent; ++i)
        p *= 10;
    return p;
}

// "-12.345" from the integer -12345 and 3 places. Zero never carries a sign.
std::string with_point(const big_int& scaled, int places) {
    std::string digits = (scaled < 0 ? big_int(-scaled) : scaled).str();
    if (places > 0) {
        if (digits.size() <= static_cast<std::size_t>(places))
            digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
        digits.insert(digits.size() - static_cast<std::size_t>(places), 1, '.');
    }
    return scaled < 0 ? "-" + digits : digits;
}

} // namespace

std::string_view to_string(rounding_mode mode) noexcept {
    switch (mode) {
    case rounding_mode::half_up:
        return "half_up";
    case rounding_mode::half_even:
        return "half_even";
    case rounding_mode::half_down:
        return "half_down";
    case rounding_mode::down:
        return "down";
    case rounding_mode::up:
        return "up";
    case rounding_mode::floor:
        return "floor";
    case rounding_mode::ceiling:
        return "ceiling";
    }
    return "unknown";
}

big_int detail::to_big(wide_int value) {
    const wide_uint m = magnitude(value);
    big_int result = static_cast<std::uint64_t>(m >> 64);
    result <<= 64;
    result += static_cast<std::uint64_t>(m);
    return value < 0 ? big_int(-result) : result;
}

rational big_rational::of(const decimal& x) {
    if (x.den_ == 0) return reinterpret_cast<const big_rational*>(static_cast<std::intptr_t>(x.bits_))->value;
    return rational(big_int(x.bits_), big_int(x.den_));
}

decimal big_rational::make(const rational& v) {
    const big_int& n = numerator(v);
    const big_int& d = denominator(v);
    if (boost::multiprecision::abs(n) <= INT64_MAX && d <= INT64_MAX)
        return decimal(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
    decimal result;
    result.bits_ = static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(new big_rational{v}));
    result.den_ = 0;
    return result;
}

decimal big_rational::make(wide_int num, wide_int den) {
    if (num >= INT64_MIN && num <= INT64_MAX && den <= INT64_MAX)
        return decimal(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
    const wide_uint g = gcd(magnitude(num), wide_uint(den));
    num /= static_cast<wide_int>(g);
    den /= static_cast<wide_int>(g);
    if (num >= INT64_MIN && num <= INT64_MAX && den <= INT64_MAX)
        return decimal(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
    return make(rational(detail::to_big(num), detail::to_big(den)));
}

decimal decimal::fraction_slow(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) throw_division_by_zero(decimal(numerator));
    return big_rational::make(-wide_int(numerator), -wide_int(denominator));
}

decimal decimal::from_unsigned(std::uint64_t value) {
    return big_rational::make(wide_int(value), 1);
}

void decimal::throw_division_by_zero(const decimal& dividend) {
    throw division_by_zero("division by zero: " + dividend.to_string() + " / 0");
}

// The slow paths: with both operands on the fast path, 128-bit products cannot overflow, so the exact result
// goes to big_rational::make, which reduces it and falls back to big only when it must.

decimal decimal::add_slow(const decimal& a, const decimal& b, bool subtract) {
    if (a.den_ != 0 && b.den_ != 0) {
        const wide_int l = wide_int(a.bits_) * b.den_, r = wide_int(b.bits_) * a.den_;
        return big_rational::make(subtract ? l - r : l + r, wide_int(a.den_) * b.den_);
    }
    const rational x = big_rational::of(a), y = big_rational::of(b);
    return big_rational::make(subtract ? rational(x - y) : rational(x + y));
}

decimal decimal::multiply_slow(const decimal& a, const decimal& b) {
    if (a.den_ != 0 && b.den_ != 0)
        return big_rational::make(wide_int(a.bits_) * b.bits_, wide_int(a.den_) * b.den_);
    return big_rational::make(big_rational::of(a) * big_rational::of(b));
}

decimal decimal::divide_slow(const decimal& a, const decimal& b) {
    if (b.is_zero()) throw_division_by_zero(a);
    if (a.den_ != 0 && b.den_ != 0) {
        const wide_int n = wide_int(a.bits_) * b.den_, d = wide_int(a.den_) * b.bits_;
        return d < 0 ? big_rational::make(-n, -d) : big_rational::make(n, d);
    }
    return big_rational::make(big_rational::of(a) / big_rational::of(b));
}

int decimal::compare_slow(const decimal& a, const decimal& b) {
    return big_rational::of(a).compare(big_rational::of(b));
}

decimal decimal::negate_slow() const {
    if (den_ != 0) // only INT64_MIN / den_ lands here
        return big_rational::make(-wide_int(bits_), den_);
    return big_rational::make(rational(-big_rational::of(*this)));
}

int decimal::sign_big() const noexcept {
    return big_rational::of(*this).sign();
}

decimal& decimal::assign_slow(const decimal& other) {
    if (this != &other) {
        decimal copy(other);
        swap(copy);
    }
    return *this;
}

void decimal::copy_big(const decimal& other) {
    bits_ = static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(
        new big_rational{*reinterpret_cast<const big_rational*>(static_cast<std::intptr_t>(other.bits_))}));
}

void decimal::destroy_big() noexcept {
    delete reinterpret_cast<big_rational*>(static_cast<std::intptr_t>(bits_));
}

bool decimal::is_integer() const {
    if (den_ != 0) return bits_ % den_ == 0;
    return denominator(big_rational::of(*this)) == 1;
}

decimal decimal::round_slow(int places, rounding_mode mode) const {
    if (places < 0 || places > max_places)
        throw std::invalid_argument("rounding to " + std::to_string(places) +
                                    " decimal places: expected 0 to " + std::to_string(max_places));
    if (den_ != 0 && places <= 18) {
        std::int64_t scaled;
        if (!__builtin_mul_overflow(bits_, powers_of_ten[places], &scaled)) {
            return decimal(rounded_quotient<std::int64_t>(scaled, den_, mode), powers_of_ten[places]);
        }
        // |bits_| < 2^63 and 10^18 < 2^60, so the scaled numerator fits in 128 bits.
        return big_rational::make(
            rounded_quotient<wide_int>(wide_int(bits_) * powers_of_ten[places], den_, mode),
            powers_of_ten[places]);
    }
    const rational v = big_rational::of(*this);
    const big_int scale = pow10(places);
    return big_rational::make(
        rational(rounded_quotient<big_int>(numerator(v) * scale, denominator(v), mode), scale));
}

std::string decimal::to_fraction_string() const {
    const rational v = big_rational::of(*this);
    return denominator(v) == 1 ? numerator(v).str() : numerator(v).str() + "/" + denominator(v).str();
}

std::string decimal::to_string() const {
    const rational v = big_rational::of(*this);
    // A reduced fraction has a finite decimal expansion exactly when its denominator is 2^a·5^b; it then
    // needs max(a, b) places.
    big_int rest = denominator(v);
    int twos = 0, fives = 0;
    while (rest % 2 == 0) {
        rest /= 2;
        ++twos;
    }
    while (rest % 5 == 0) {
        rest /= 5;
        ++fives;
    }
    if (rest != 1) return to_fraction_string();
    const int places = std::max(twos, fives);
    return with_point(numerator(v) * pow10(places) / denominator(v), places);
}

std::string decimal::format(int places, rounding_mode mode) const {
    const rational v = big_rational::of(round(places, mode));
    return with_point(numerator(v) * pow10(places) / denominator(v), places);
}

std::string decimal::format_percent(int places, rounding_mode mode) const {
    return (*this * 100).format(places, mode) + "%";
}

std::ostream& operator<<(std::ostream& out, const decimal& value) {
    return out << value.to_string();
}

} // namespace rubric

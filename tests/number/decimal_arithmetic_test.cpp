// decimal_arithmetic_test.cpp — exact arithmetic and order of rubric::decimal, checked against Boost
// cpp_rational, across the machine-integer fast path, the arbitrary-precision fallback and the way back.
#include "decimal_oracle.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

using rubric::decimal;
using rubric::division_by_zero;
using rubric::parse_decimal;
using rubric_test::check_path;
using rubric_test::cpp_int;
using rubric_test::cpp_rational;
using rubric_test::exact;
using rubric_test::operand_generator;
using rubric_test::oracle;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

cpp_rational ratio(std::int64_t n, std::int64_t d) {
    return d < 0 ? cpp_rational(-cpp_int(n), -cpp_int(d)) : cpp_rational(cpp_int(n), cpp_int(d));
}

cpp_rational floor_of(const cpp_rational& x) {
    const cpp_int& n = boost::multiprecision::numerator(x);
    const cpp_int& d = boost::multiprecision::denominator(x);
    cpp_int q = n / d;
    if (n % d < 0) --q;
    return q;
}
cpp_rational ceiling_of(const cpp_rational& x) {
    const cpp_int& n = boost::multiprecision::numerator(x);
    const cpp_int& d = boost::multiprecision::denominator(x);
    cpp_int q = n / d;
    if (n % d > 0) ++q;
    return q;
}
cpp_rational truncate_of(const cpp_rational& x) {
    return cpp_rational(boost::multiprecision::numerator(x) / boost::multiprecision::denominator(x));
}

/// Checks a result against its exact value, and that it sits on the fast path exactly when it fits there.
void check_exact(const decimal& got, const cpp_rational& expected) {
    CHECK(oracle(got) == expected);
    check_path(got, expected);
}

/// Every comparison operator and the sign queries of a pair, against the oracle's order.
void check_order(const decimal& a, const cpp_rational& ea, const decimal& b, const cpp_rational& eb) {
    CHECK((a == b) == (ea == eb));
    CHECK((a != b) == (ea != eb));
    CHECK((a < b) == (ea < eb));
    CHECK((a <= b) == (ea <= eb));
    CHECK((a > b) == (ea > eb));
    CHECK((a >= b) == (ea >= eb));
    const auto order = a <=> b;
    CHECK((order < 0) == (ea < eb));
    CHECK((order == 0) == (ea == eb));
    CHECK(a.sign() == ea.sign());
    CHECK(a.is_zero() == (ea == 0));
    CHECK(a.is_integer() == (boost::multiprecision::denominator(ea) == 1));
}

struct operand {
    decimal value;
    cpp_rational exact;
    std::string origin; // how it was built, printed on failure
};

/// One random operand: a small fraction, a decimal text, a large fraction, an extreme integer, or a value the
/// run has already computed (which may live on either path).
operand random_operand(operand_generator& gen, const std::vector<operand>& pool) {
    const std::int64_t kind = gen.integer(0, 99);
    if (kind < 30) {
        const auto [n, d] = gen.small_fraction();
        return {decimal::fraction(n, d), ratio(n, d),
                "fraction(" + std::to_string(n) + ", " + std::to_string(d) + ")"};
    }
    if (kind < 50) {
        const std::string text = gen.decimal_text(gen.chance(20) ? 18 : 7, gen.chance(20) ? 12 : 4);
        const auto parsed = parse_decimal(text);
        INFO("parse_decimal(\"" << text << "\"): " << parsed.error);
        REQUIRE(parsed);
        return {*parsed.value, rubric_test::exact_rational(text), "parse_decimal(\"" + text + "\")"};
    }
    if (kind < 70) {
        const auto [n, d] = gen.large_fraction();
        return {decimal::fraction(n, d), ratio(n, d),
                "fraction(" + std::to_string(n) + ", " + std::to_string(d) + ")"};
    }
    if (kind < 78) {
        const std::int64_t extremes[] = {0, 1, -1, int64_max, int64_min, int64_max - 1, int64_min + 1};
        const std::int64_t n = extremes[gen.integer(0, 6)];
        return {decimal(n), cpp_rational(n), "decimal(" + std::to_string(n) + ")"};
    }
    if (pool.empty()) return {decimal(7), cpp_rational(7), "decimal(7)"};
    const auto& chosen =
        pool[static_cast<std::size_t>(gen.integer(0, static_cast<std::int64_t>(pool.size()) - 1))];
    return {chosen.value, chosen.exact, "earlier result " + chosen.value.to_fraction_string()};
}

bool small_enough_to_keep(const cpp_rational& x) {
    return boost::multiprecision::msb(abs(boost::multiprecision::numerator(x)) + 1) < 300 &&
           boost::multiprecision::msb(boost::multiprecision::denominator(x)) < 300;
}

} // namespace

TEST_CASE("integers, fractions and copies keep their exact value", "[decimal][arithmetic]") {
    check_exact(decimal(), 0);
    check_exact(decimal(42), 42);
    check_exact(decimal(-42), -42);
    check_exact(decimal(int64_max), cpp_rational(int64_max));
    check_exact(decimal(int64_min), cpp_rational(int64_min));
    check_exact(decimal(std::numeric_limits<std::uint64_t>::max()),
                cpp_rational(cpp_int(std::numeric_limits<std::uint64_t>::max())));
    check_exact(decimal(static_cast<unsigned char>(200)), 200);
    check_exact(decimal(static_cast<short>(-7)), -7);

    check_exact(decimal::fraction(1, 3), ratio(1, 3));
    check_exact(decimal::fraction(2, 6), ratio(1, 3));
    check_exact(decimal::fraction(4, -6), ratio(-2, 3));
    check_exact(decimal::fraction(-4, -6), ratio(2, 3));
    check_exact(decimal::fraction(0, -5), 0);
    check_exact(decimal::fraction(int64_min, 1), cpp_rational(int64_min));
    check_exact(decimal::fraction(int64_min, -1), -cpp_rational(int64_min)); // 2^63
    check_exact(decimal::fraction(1, int64_min), ratio(1, int64_min));
    check_exact(decimal::fraction(int64_min, int64_min), 1);
    check_exact(decimal::fraction(int64_min, 2), cpp_rational(int64_min / 2));
    check_exact(decimal::fraction(int64_max, int64_max), 1);
    check_exact(decimal::fraction(1, int64_max), ratio(1, int64_max));

    // Only integers convert implicitly; binary floating point and bool do not convert at all.
    STATIC_REQUIRE(std::is_convertible_v<int, decimal>);
    STATIC_REQUIRE(std::is_convertible_v<std::int64_t, decimal>);
    STATIC_REQUIRE(!std::is_constructible_v<decimal, double>);
    STATIC_REQUIRE(!std::is_constructible_v<decimal, float>);
    STATIC_REQUIRE(!std::is_convertible_v<double, decimal>);
    STATIC_REQUIRE(!std::is_constructible_v<decimal, bool>);

    SECTION("copies of a fallback value are independent") {
        decimal big = decimal(int64_max) * decimal(int64_max);
        REQUIRE_FALSE(big.on_fast_path());
        const cpp_rational expected = cpp_rational(int64_max) * int64_max;
        decimal copy = big;
        decimal assigned = 5;
        assigned = big;
        big += 1;
        check_exact(copy, expected);
        check_exact(assigned, expected);
        check_exact(big, expected + 1);

        decimal& self = assigned;
        assigned = self; // self-assignment keeps the value
        check_exact(assigned, expected);

        decimal small = decimal::fraction(1, 3);
        small.swap(copy);
        check_exact(small, expected);
        check_exact(copy, ratio(1, 3));

        decimal moved = std::move(small);
        check_exact(moved, expected);
        small = decimal(9); // a moved-from value can be assigned again
        check_exact(small, 9);
        decimal target = decimal::fraction(1, 7);
        target = std::move(moved);
        check_exact(target, expected);
    }
}

TEST_CASE("classic exactness: thirds, tenths and cents", "[decimal][arithmetic]") {
    const decimal third = decimal::fraction(1, 3);
    CHECK(third * 3 == 1);
    CHECK(third + third + third == 1);
    CHECK(1 - third == decimal::fraction(2, 3));
    CHECK(decimal::fraction(1, 10) + decimal::fraction(2, 10) == decimal::fraction(3, 10));
    CHECK(exact("0.1") + exact("0.2") == exact("0.3"));
    CHECK(decimal::fraction(2, 4) == decimal::fraction(1, 2));
    CHECK(decimal::fraction(4, 2).is_integer());
    CHECK_FALSE(decimal::fraction(5, 2).is_integer());
    CHECK(decimal(10) / 4 == decimal::fraction(5, 2));
    CHECK(decimal(-7) / decimal(-14) == decimal::fraction(1, 2));
    CHECK(decimal(7) / decimal(-14) == decimal::fraction(-1, 2));

    // 100 cents of 0.01 are exactly 1, which the double sum is not.
    decimal sum;
    for (int i = 0; i < 100; ++i)
        sum += decimal::fraction(1, 100);
    CHECK(sum == 1);
    CHECK(sum.on_fast_path());

    CHECK(rubric::min(decimal(2), third) == third);
    CHECK(rubric::max(decimal(2), third) == 2);
    CHECK(rubric::max(decimal(-1), decimal(-1)) == -1);
    CHECK(rubric::abs(decimal::fraction(-5, 3)) == decimal::fraction(5, 3));
    CHECK(decimal::fraction(5, -3).abs() == decimal::fraction(5, 3));
    CHECK(decimal(0).abs() == 0);
    CHECK(decimal(-3).sign() == -1);
    CHECK(decimal(0).sign() == 0);
    CHECK(decimal::fraction(1, 1000000).sign() == 1);
}

TEST_CASE("floor, ceiling and truncate", "[decimal][arithmetic]") {
    struct row {
        decimal value;
        std::int64_t floor, ceiling, truncate;
    };
    const row rows[] = {
        {decimal::fraction(5, 2), 2, 3, 2},
        {decimal::fraction(-5, 2), -3, -2, -2},
        {decimal(3), 3, 3, 3},
        {decimal(-3), -3, -3, -3},
        {decimal(0), 0, 0, 0},
        {decimal::fraction(-1, 10), -1, 0, 0},
        {decimal::fraction(1, 10), 0, 1, 0},
        {decimal::fraction(1, 3), 0, 1, 0},
        {decimal::fraction(-7, 3), -3, -2, -2},
        {decimal::fraction(6, 3), 2, 2, 2},
        {decimal::fraction(-6, -4), 1, 2, 1},
        {decimal::fraction(int64_max, 2), int64_max / 2, int64_max / 2 + 1, int64_max / 2},
        {decimal::fraction(int64_min + 1, 2), (int64_min + 1) / 2 - 1, (int64_min + 1) / 2,
         (int64_min + 1) / 2},
    };
    for (const auto& r : rows) {
        INFO("value " << r.value.to_fraction_string());
        CHECK(r.value.floor() == r.floor);
        CHECK(r.value.ceiling() == r.ceiling);
        CHECK(r.value.truncate() == r.truncate);
        CHECK(r.value.floor().is_integer());
    }

    SECTION("on fallback values") {
        const cpp_rational two_to_100 = cpp_rational(cpp_int(1) << 100);
        const decimal big = rubric_test::from_oracle(two_to_100 + cpp_rational(1, 3));
        REQUIRE_FALSE(big.on_fast_path());
        check_exact(big.floor(), two_to_100);
        check_exact(big.ceiling(), two_to_100 + 1);
        check_exact(big.truncate(), two_to_100);
        check_exact((-big).floor(), -two_to_100 - 1);
        check_exact((-big).ceiling(), -two_to_100);
        check_exact((-big).truncate(), -two_to_100);

        // A tiny fraction whose denominator does not fit: its integer neighbours are back on the fast path.
        const decimal tiny = decimal::fraction(1, 1000000000000000000) * decimal::fraction(7, 1000000000);
        REQUIRE_FALSE(tiny.on_fast_path());
        check_exact(tiny.floor(), 0);
        check_exact(tiny.ceiling(), 1);
        check_exact((-tiny).floor(), -1);
        check_exact((-tiny).ceiling(), 0);
        check_exact((-tiny).truncate(), 0);
    }
}

TEST_CASE("values that do not fit two int64 leave the fast path and come back", "[decimal][arithmetic]") {
    const decimal p = decimal::fraction(999999999999999989, 1); // a prime near 10^18
    const decimal q = decimal::fraction(1000000000000000003, 1);
    REQUIRE(p.on_fast_path());

    SECTION("a product above 2^63 and its quotient") {
        const decimal big = p * q;
        CHECK_FALSE(big.on_fast_path());
        check_exact(big, cpp_rational(999999999999999989) * cpp_rational(1000000000000000003));
        const decimal x = decimal::fraction(7, 3);
        const decimal scaled = big * x;
        CHECK_FALSE(scaled.on_fast_path());
        const decimal back = scaled / big;
        CHECK(back.on_fast_path());
        CHECK(back == x);
        check_exact(back, ratio(7, 3));
        const decimal difference = big - big;
        CHECK(difference.on_fast_path());
        CHECK(difference.is_zero());
        const decimal cancelled = big + (-big) + 5;
        CHECK(cancelled.on_fast_path());
        CHECK(cancelled == 5);
    }
    SECTION("a denominator above 2^63 and back") {
        const decimal nano = decimal::fraction(1, 1000000000000000000);
        const decimal tiny = nano * nano; // 10^-36
        CHECK_FALSE(tiny.on_fast_path());
        check_exact(tiny, cpp_rational(1, rubric_test::pow10(36)));
        const decimal one = tiny * decimal(1000000000000000000) * decimal(1000000000000000000);
        CHECK(one.on_fast_path());
        CHECK(one == 1);
        const decimal cents = tiny / tiny / 100;
        CHECK(cents.on_fast_path());
        CHECK(cents == decimal::fraction(1, 100));
    }
    SECTION("crossing INT64_MAX and INT64_MIN by one") {
        const decimal above = decimal(int64_max) + 1;
        CHECK_FALSE(above.on_fast_path());
        check_exact(above, cpp_rational(int64_max) + 1);
        const decimal below_again = above - 1;
        CHECK(below_again.on_fast_path());
        CHECK(below_again == int64_max);

        const decimal minimum = -decimal(int64_max) - 1; // INT64_MIN: on either path
        check_exact(minimum, cpp_rational(int64_min));
        check_exact(-minimum, -cpp_rational(int64_min));
        check_exact(minimum + 1, cpp_rational(int64_min + 1));
        CHECK((minimum + 1).on_fast_path());
        check_exact(minimum.abs(), -cpp_rational(int64_min));
        check_exact(minimum / 2, cpp_rational(int64_min / 2));
        CHECK(minimum < decimal(int64_min + 1));
        CHECK(minimum == decimal(int64_min));
    }
    SECTION("INT64_MIN as an operand and as a result") {
        const decimal minimum = decimal(int64_min);
        const cpp_rational m = cpp_rational(int64_min);
        check_exact(-minimum, -m);
        check_exact(minimum.abs(), -m);
        check_exact(minimum * -1, -m);
        check_exact(minimum / -1, -m);
        check_exact(minimum / -2, -m / 2);
        check_exact(minimum / minimum, 1);
        check_exact(decimal(5) / minimum, cpp_rational(5) / m);
        check_exact(decimal(-5) / minimum, cpp_rational(-5) / m);
        check_exact(minimum - minimum, 0);
        check_exact(minimum + minimum, 2 * m);
        check_exact(minimum - 1, m - 1);
        check_exact(minimum * minimum, m * m);
        check_exact(decimal::fraction(1, 3) - minimum, cpp_rational(1, 3) - m);
        check_exact(decimal::fraction(int64_min, 3) + decimal::fraction(int64_min, 3), 2 * m / 3);
        check_exact(decimal::fraction(-1, 2) * 2 * int64_max + -1 * decimal(1), m);
        check_exact(minimum.floor(), m);
        check_exact(decimal::fraction(int64_min, 3).ceiling(), ceiling_of(m / 3));
        CHECK(minimum < decimal(int64_min + 1));
        CHECK(minimum < decimal::fraction(int64_min, 2));
        CHECK(-minimum > decimal(int64_max));
        CHECK(minimum.sign() == -1);
    }
    SECTION("unsigned integers above INT64_MAX") {
        check_exact(decimal(std::uint64_t(1) << 63), -cpp_rational(int64_min));
        check_exact(decimal((std::uint64_t(1) << 63) + 5) - 5, -cpp_rational(int64_min));
        check_exact(decimal(std::numeric_limits<unsigned int>::max()), cpp_rational(4294967295U));
        check_exact(decimal(static_cast<std::uint64_t>(int64_max)), cpp_rational(int64_max));
    }
    SECTION("fast-path sums whose intermediate products overflow") {
        // Common denominators of two large int64 denominators need 128 bits, the reduced sum fits again.
        const decimal a = decimal::fraction(1, 999999999999999989);
        const decimal b = decimal::fraction(-1, 999999999999999989);
        check_exact(a + b, 0);
        const decimal c = decimal::fraction(int64_max, 3) + decimal::fraction(int64_max, 3);
        check_exact(c, ratio(int64_max, 3) * 2);
        const decimal d =
            decimal::fraction(int64_max, int64_max - 1) * decimal::fraction(int64_max - 1, int64_max);
        check_exact(d, 1);
    }
}

TEST_CASE("random arithmetic agrees exactly with cpp_rational", "[decimal][arithmetic][oracle]") {
    operand_generator gen(0x5eed'2024'0001ULL);
    std::vector<operand> pool;
    int fallback_results = 0, fast_results = 0, returns_to_fast_path = 0;

    for (int iteration = 0; iteration < 6000; ++iteration) {
        const operand a = random_operand(gen, pool);
        const operand b = random_operand(gen, pool);
        const std::int64_t op = gen.integer(0, 13);
        INFO("iteration " << iteration << ", op " << op << ": a = " << a.origin << " = " << a.exact
                          << ", b = " << b.origin << " = " << b.exact);
        check_exact(a.value, a.exact);
        check_exact(b.value, b.exact);
        check_order(a.value, a.exact, b.value, b.exact);

        std::optional<decimal> result;
        cpp_rational expected;
        switch (op) {
        case 0:
            result = a.value + b.value, expected = a.exact + b.exact;
            break;
        case 1:
            result = a.value - b.value, expected = a.exact - b.exact;
            break;
        case 2:
        case 3:
            result = a.value * b.value, expected = a.exact * b.exact;
            break;
        case 4:
        case 5:
            if (b.exact == 0) {
                CHECK_THROWS_AS(a.value / b.value, division_by_zero);
                CHECK_FALSE(try_divide(a.value, b.value).has_value());
                continue;
            }
            result = a.value / b.value, expected = a.exact / b.exact;
            CHECK(try_divide(a.value, b.value) == result);
            break;
        case 6:
            result = -a.value, expected = -a.exact;
            break;
        case 7:
            result = a.value.abs(), expected = abs(a.exact);
            break;
        case 8:
            result = a.value.floor(), expected = floor_of(a.exact);
            break;
        case 9:
            result = a.value.ceiling(), expected = ceiling_of(a.exact);
            break;
        case 10:
            result = a.value.truncate(), expected = truncate_of(a.exact);
            break;
        case 11: { // compound assignment, the last one onto an alias of itself
            decimal x = a.value;
            x += b.value;
            x *= b.value;
            x -= a.value;
            const decimal& alias = x;
            x += alias;
            result = x, expected = 2 * ((a.exact + b.exact) * b.exact - a.exact);
            break;
        }
        case 12:
            result = rubric::min(a.value, b.value), expected = a.exact < b.exact ? a.exact : b.exact;
            break;
        default: // (a × b) / b: back to a, and to its path
            if (b.exact == 0) continue;
            result = (a.value * b.value) / b.value, expected = a.exact;
            break;
        }
        check_exact(*result, expected);
        if (result->on_fast_path()) {
            ++fast_results;
            if (!a.value.on_fast_path() || !b.value.on_fast_path()) ++returns_to_fast_path;
        } else {
            ++fallback_results;
        }
        if (small_enough_to_keep(expected)) {
            if (pool.size() < 64)
                pool.push_back({*result, expected, "result of iteration " + std::to_string(iteration)});
            else
                pool[static_cast<std::size_t>(gen.integer(0, 63))] = {
                    *result, expected, "result of iteration " + std::to_string(iteration)};
        }
    }
    // The run must have exercised both paths and the way back, or it proves little.
    CAPTURE(fast_results, fallback_results, returns_to_fast_path);
    CHECK(fast_results > 1000);
    CHECK(fallback_results > 1000);
    CHECK(returns_to_fast_path > 100);
}

TEST_CASE("division by zero is an error naming the dividend", "[decimal][arithmetic]") {
    auto what_of = [](const decimal& a, const decimal& b) -> std::string {
        try {
            (void)(a / b);
        } catch (const division_by_zero& e) {
            return e.what();
        }
        return "no exception";
    };
    CHECK(what_of(5, 0) == "division by zero: 5 / 0");
    CHECK(what_of(decimal::fraction(-1, 3), 0) == "division by zero: -1/3 / 0");
    CHECK(what_of(exact("95.4"), 0) == "division by zero: 95.4 / 0");
    CHECK(what_of(0, 0) == "division by zero: 0 / 0");
    CHECK(what_of(decimal(1000000000000000000) * 1000, 0) == "division by zero: 1000000000000000000000 / 0");
    CHECK(what_of(5, decimal(5) - 5) == "division by zero: 5 / 0");
    // A zero divisor reached through the fallback path is still zero.
    const decimal big = decimal(int64_max) * int64_max;
    CHECK(what_of(3, big - big) == "division by zero: 3 / 0");
    CHECK_THROWS_AS(decimal(5) / decimal(0), division_by_zero);
    CHECK_THROWS_AS(decimal(5) / decimal(0), std::domain_error);

    decimal x = 5;
    CHECK_THROWS_AS(x /= 0, division_by_zero);

    CHECK_FALSE(try_divide(decimal(5), decimal(0)).has_value());
    CHECK_FALSE(try_divide(big, decimal(0)).has_value());
    REQUIRE(try_divide(decimal(1), decimal(3)).has_value());
    CHECK(*try_divide(decimal(1), decimal(3)) == decimal::fraction(1, 3));

    CHECK_THROWS_AS(decimal::fraction(1, 0), division_by_zero);
    CHECK_THROWS_AS(decimal::fraction(0, 0), division_by_zero);
    CHECK_THROWS_WITH(decimal::fraction(7, 0), "division by zero: 7 / 0");
}

// decimal_rounding_test.cpp — rounding to decimal places in every mode and fixed-point formatting:
// hand-written tables of ties and near-ties, then random values against an integer-division reference.
#include "decimal_oracle.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <stdexcept>
#include <string>

using rubric::decimal;
using rubric::rounding_mode;
using rubric_test::all_modes;
using rubric_test::check_path;
using rubric_test::cpp_int;
using rubric_test::cpp_rational;
using rubric_test::exact;
using rubric_test::exact_rational;
using rubric_test::operand_generator;
using rubric_test::oracle;
using rubric_test::reference_format;
using rubric_test::reference_round;

namespace {

/// One value rounded to `places` in the seven modes, in the order of all_modes: half_up, half_even,
/// half_down, down, up, floor, ceiling. Expected texts are written with exactly `places` decimals, so they
/// are also the expected format() output.
struct rounding_row {
    decimal value;
    const char* value_text;
    int places;
    std::array<const char*, 7> expected;
};

rounding_row row(const char* text, int places, std::array<const char*, 7> expected) {
    return {exact(text), text, places, expected};
}
rounding_row row(decimal value, const char* name, int places, std::array<const char*, 7> expected) {
    return {std::move(value), name, places, expected};
}

void check_row(const rounding_row& r) {
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
        const rounding_mode mode = all_modes[m];
        INFO(r.value_text << " rounded to " << r.places << " places, " << to_string(mode));
        const decimal rounded = r.value.round(r.places, mode);
        CHECK(rounded.to_fraction_string() == exact(r.expected[m]).to_fraction_string());
        CHECK(r.value.format(r.places, mode) == r.expected[m]);
        // The table itself agrees with the reference implementation the random test relies on.
        CHECK(reference_format(oracle(r.value), static_cast<unsigned>(r.places), mode) == r.expected[m]);
    }
}

} // namespace

TEST_CASE("the names of the rounding modes", "[decimal][rounding]") {
    CHECK(to_string(rounding_mode::half_up) == "half_up");
    CHECK(to_string(rounding_mode::half_even) == "half_even");
    CHECK(to_string(rounding_mode::half_down) == "half_down");
    CHECK(to_string(rounding_mode::down) == "down");
    CHECK(to_string(rounding_mode::up) == "up");
    CHECK(to_string(rounding_mode::floor) == "floor");
    CHECK(to_string(rounding_mode::ceiling) == "ceiling");
}

//                                              half_up   half_even half_down down      up        floor
//                                              ceiling
TEST_CASE("rounding table: ties and near-ties at two places", "[decimal][rounding]") {
    const rounding_row rows[] = {
        row("2.345", 2, {"2.35", "2.34", "2.34", "2.34", "2.35", "2.34", "2.35"}),
        row("-2.345", 2, {"-2.35", "-2.34", "-2.34", "-2.34", "-2.35", "-2.35", "-2.34"}),
        row("2.355", 2, {"2.36", "2.36", "2.35", "2.35", "2.36", "2.35", "2.36"}),
        row("-2.355", 2, {"-2.36", "-2.36", "-2.35", "-2.35", "-2.36", "-2.36", "-2.35"}),
        row("2.3449999", 2, {"2.34", "2.34", "2.34", "2.34", "2.35", "2.34", "2.35"}),
        row("-2.3449999", 2, {"-2.34", "-2.34", "-2.34", "-2.34", "-2.35", "-2.35", "-2.34"}),
        row("2.3450001", 2, {"2.35", "2.35", "2.35", "2.34", "2.35", "2.34", "2.35"}),
        row("-2.3450001", 2, {"-2.35", "-2.35", "-2.35", "-2.34", "-2.35", "-2.35", "-2.34"}),
        // 22 decimals: the denominator 10^22 only fits the fallback path.
        row("2.3449999999999999999999", 2, {"2.34", "2.34", "2.34", "2.34", "2.35", "2.34", "2.35"}),
        row("2.3450000000000000000001", 2, {"2.35", "2.35", "2.35", "2.34", "2.35", "2.34", "2.35"}),
        row("-2.3450000000000000000001", 2, {"-2.35", "-2.35", "-2.35", "-2.34", "-2.35", "-2.35", "-2.34"}),
        row("2.349", 2, {"2.35", "2.35", "2.35", "2.34", "2.35", "2.34", "2.35"}),
        row("-2.349", 2, {"-2.35", "-2.35", "-2.35", "-2.34", "-2.35", "-2.35", "-2.34"}),
        row("2.341", 2, {"2.34", "2.34", "2.34", "2.34", "2.35", "2.34", "2.35"}),
        row("-2.341", 2, {"-2.34", "-2.34", "-2.34", "-2.34", "-2.35", "-2.35", "-2.34"}),
        row("2.34", 2, {"2.34", "2.34", "2.34", "2.34", "2.34", "2.34", "2.34"}),
        row("9.995", 2, {"10.00", "10.00", "9.99", "9.99", "10.00", "9.99", "10.00"}),
        row("-9.995", 2, {"-10.00", "-10.00", "-9.99", "-9.99", "-10.00", "-10.00", "-9.99"}),
        row("0.125", 2, {"0.13", "0.12", "0.12", "0.12", "0.13", "0.12", "0.13"}),
        row("0.135", 2, {"0.14", "0.14", "0.13", "0.13", "0.14", "0.13", "0.14"}),
        row("2", 2, {"2.00", "2.00", "2.00", "2.00", "2.00", "2.00", "2.00"}),
        row("-0.5", 2, {"-0.50", "-0.50", "-0.50", "-0.50", "-0.50", "-0.50", "-0.50"}),
        // Negative values that round to zero print as "0.00", never "-0.00".
        row("0", 2, {"0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"}),
        row("-0.001", 2, {"0.00", "0.00", "0.00", "0.00", "-0.01", "-0.01", "0.00"}),
        row("-0.005", 2, {"-0.01", "0.00", "0.00", "0.00", "-0.01", "-0.01", "0.00"}),
        row("0.001", 2, {"0.00", "0.00", "0.00", "0.00", "0.01", "0.00", "0.01"}),
        row(decimal::fraction(1, 3), "1/3", 2, {"0.33", "0.33", "0.33", "0.33", "0.34", "0.33", "0.34"}),
        row(decimal::fraction(-1, 3), "-1/3", 2,
            {"-0.33", "-0.33", "-0.33", "-0.33", "-0.34", "-0.34", "-0.33"}),
        row(decimal::fraction(2, 3), "2/3", 2, {"0.67", "0.67", "0.67", "0.66", "0.67", "0.66", "0.67"}),
        row(decimal::fraction(1, 8), "1/8", 2, {"0.13", "0.12", "0.12", "0.12", "0.13", "0.12", "0.13"}),
        row(decimal::fraction(-3, 8), "-3/8", 2,
            {"-0.38", "-0.38", "-0.37", "-0.37", "-0.38", "-0.38", "-0.37"}),
    };
    for (const auto& r : rows)
        check_row(r);
}

TEST_CASE("rounding table: zero, one and four places", "[decimal][rounding]") {
    const rounding_row rows[] = {
        row("0.5", 0, {"1", "0", "0", "0", "1", "0", "1"}),
        row("-0.5", 0, {"-1", "0", "0", "0", "-1", "-1", "0"}),
        row("1.5", 0, {"2", "2", "1", "1", "2", "1", "2"}),
        row("-1.5", 0, {"-2", "-2", "-1", "-1", "-2", "-2", "-1"}),
        row("2.5", 0, {"3", "2", "2", "2", "3", "2", "3"}),
        row("-2.5", 0, {"-3", "-2", "-2", "-2", "-3", "-3", "-2"}),
        row("2.4999", 0, {"2", "2", "2", "2", "3", "2", "3"}),
        row("2.5001", 0, {"3", "3", "3", "2", "3", "2", "3"}),
        row("-2.5001", 0, {"-3", "-3", "-3", "-2", "-3", "-3", "-2"}),
        row("99.5", 0, {"100", "100", "99", "99", "100", "99", "100"}),
        row("7", 0, {"7", "7", "7", "7", "7", "7", "7"}),
        row("-0.4", 0, {"0", "0", "0", "0", "-1", "-1", "0"}),
        row(decimal::fraction(2, 3), "2/3", 0, {"1", "1", "1", "0", "1", "0", "1"}),
        row("12345678901234567890.5", 0,
            {"12345678901234567891", "12345678901234567890", "12345678901234567890", "12345678901234567890",
             "12345678901234567891", "12345678901234567890", "12345678901234567891"}),

        row("0.05", 1, {"0.1", "0.0", "0.0", "0.0", "0.1", "0.0", "0.1"}),
        row("-0.05", 1, {"-0.1", "0.0", "0.0", "0.0", "-0.1", "-0.1", "0.0"}),
        row("0.15", 1, {"0.2", "0.2", "0.1", "0.1", "0.2", "0.1", "0.2"}),
        row("0.25", 1, {"0.3", "0.2", "0.2", "0.2", "0.3", "0.2", "0.3"}),
        row("-0.25", 1, {"-0.3", "-0.2", "-0.2", "-0.2", "-0.3", "-0.3", "-0.2"}),
        row("95.44999", 1, {"95.4", "95.4", "95.4", "95.4", "95.5", "95.4", "95.5"}),
        row("95.45", 1, {"95.5", "95.4", "95.4", "95.4", "95.5", "95.4", "95.5"}),
        row("95.45001", 1, {"95.5", "95.5", "95.5", "95.4", "95.5", "95.4", "95.5"}),
        row("-99.95", 1, {"-100.0", "-100.0", "-99.9", "-99.9", "-100.0", "-100.0", "-99.9"}),

        row("1.23445", 4, {"1.2345", "1.2344", "1.2344", "1.2344", "1.2345", "1.2344", "1.2345"}),
        row("1.23455", 4, {"1.2346", "1.2346", "1.2345", "1.2345", "1.2346", "1.2345", "1.2346"}),
        row("-1.23445", 4, {"-1.2345", "-1.2344", "-1.2344", "-1.2344", "-1.2345", "-1.2345", "-1.2344"}),
        row("1.234449999", 4, {"1.2344", "1.2344", "1.2344", "1.2344", "1.2345", "1.2344", "1.2345"}),
        row("1.234450001", 4, {"1.2345", "1.2345", "1.2345", "1.2344", "1.2345", "1.2344", "1.2345"}),
        row("0.00005", 4, {"0.0001", "0.0000", "0.0000", "0.0000", "0.0001", "0.0000", "0.0001"}),
        row("-0.00004", 4, {"0.0000", "0.0000", "0.0000", "0.0000", "-0.0001", "-0.0001", "0.0000"}),
        row("8383.52", 4,
            {"8383.5200", "8383.5200", "8383.5200", "8383.5200", "8383.5200", "8383.5200", "8383.5200"}),
        row(decimal::fraction(1, 7), "1/7", 4,
            {"0.1429", "0.1429", "0.1429", "0.1428", "0.1429", "0.1428", "0.1429"}),
        row(decimal::fraction(-1, 7), "-1/7", 4,
            {"-0.1429", "-0.1429", "-0.1429", "-0.1428", "-0.1429", "-0.1429", "-0.1428"}),
    };
    for (const auto& r : rows)
        check_row(r);
}

TEST_CASE("rounding keeps exactness at the extremes of places and magnitude", "[decimal][rounding]") {
    const decimal third = decimal::fraction(1, 3);
    const decimal rounded = third.round(30, rounding_mode::half_up); // denominator 10^30: fallback path
    CHECK(oracle(rounded) == cpp_rational(rubric_test::pow10(30) / 3, rubric_test::pow10(30)));
    CHECK_FALSE(rounded.on_fast_path());
    CHECK(third.format(30, rounding_mode::half_up) == "0.333333333333333333333333333333");
    CHECK(third.format(30, rounding_mode::up) == "0.333333333333333333333333333334");
    CHECK(decimal::fraction(-2, 3).format(30, rounding_mode::half_even) ==
          "-0.666666666666666666666666666667");

    const decimal big = exact("123456789012345678901234567890.125");
    CHECK(big.format(2, rounding_mode::half_even) == "123456789012345678901234567890.12");
    CHECK(big.format(2, rounding_mode::half_up) == "123456789012345678901234567890.13");
    CHECK(big.format(0, rounding_mode::floor) == "123456789012345678901234567890");
    CHECK((-big).format(1, rounding_mode::ceiling) == "-123456789012345678901234567890.1");

    // A rounded value that fits is back on the fast path.
    const decimal tiny_plus_two = exact("2.0000000000000000000000001");
    REQUIRE_FALSE(tiny_plus_two.on_fast_path());
    const decimal two = tiny_plus_two.round(2, rounding_mode::half_up);
    CHECK(two == 2);
    CHECK(two.on_fast_path());

    // Fast-path values whose scaled numerator needs more than 128 bits, in every mode.
    const decimal near_one = decimal::fraction(INT64_MAX, INT64_MAX - 1); // 1 + 1.0842021724855044…e-19
    const decimal extremes[] = {decimal(INT64_MAX), near_one, -near_one, decimal::fraction(-INT64_MAX, 7),
                                decimal::fraction(INT64_MAX, 2)};
    for (const decimal& value : extremes)
        for (const rounding_mode mode : all_modes) {
            INFO(value.to_string() << " to 30 places, " << to_string(mode));
            CHECK(oracle(value.round(30, mode)) == reference_round(oracle(value), 30, mode));
            CHECK(value.format(30, mode) == reference_format(oracle(value), 30, mode));
        }
    CHECK(near_one.format(30, rounding_mode::down) == "1.000000000000000000108420217248");
    CHECK(near_one.format(30, rounding_mode::half_down) == "1.000000000000000000108420217249");

    // Rounding is idempotent and format() defaults to half_up.
    CHECK(exact("2.345").round(2, rounding_mode::half_even).round(2, rounding_mode::up) == exact("2.34"));
    CHECK(exact("2.345").format(2) == "2.35");
    CHECK(exact("-2.345").format(2) == "-2.35");
    CHECK(decimal(1000000).format(2) == "1000000.00");
    CHECK(decimal(-3).format(0) == "-3");
}

TEST_CASE("places outside 0 to 30 are rejected", "[decimal][rounding]") {
    // The header promises 0 ≤ places ≤ 30; outside that the implementation throws std::invalid_argument.
    const decimal third = decimal::fraction(1, 3);
    CHECK_THROWS_AS(third.round(-1, rounding_mode::half_up), std::invalid_argument);
    CHECK_THROWS_WITH(third.round(31, rounding_mode::half_up),
                      "rounding to 31 decimal places: expected 0 to 30");
    CHECK_THROWS_WITH(third.format(-1), "rounding to -1 decimal places: expected 0 to 30");
    CHECK_THROWS_AS(third.format_percent(31), std::invalid_argument);
    CHECK_NOTHROW(third.round(0, rounding_mode::half_up));
    CHECK_NOTHROW(third.round(30, rounding_mode::half_up));
}

TEST_CASE("random rounding agrees with the integer-division reference in every mode",
          "[decimal][rounding][oracle]") {
    operand_generator gen(0x5eed'2024'0002ULL);
    for (int iteration = 0; iteration < 2500; ++iteration) {
        cpp_rational expected_value;
        decimal value;
        std::string origin;
        const std::int64_t kind = gen.integer(0, 99);
        if (kind < 35) { // an exact tie or near-tie at a random place
            const std::int64_t places = gen.integer(0, 6);
            const std::int64_t digits = gen.integer(-99999999, 99999999);
            const std::int64_t nudge = gen.chance(50) ? 0 : gen.integer(-1, 1);
            // digits.5 × 10^-places, nudged by one unit of the 12th decimal
            const cpp_int scale = rubric_test::pow10(static_cast<unsigned>(places) + 1);
            expected_value = cpp_rational(cpp_int(digits) * 10 + (digits < 0 ? -5 : 5), scale) +
                             cpp_rational(cpp_int(nudge), rubric_test::pow10(12));
            value = rubric_test::from_oracle(expected_value);
            origin = "tie " + expected_value.str();
        } else if (kind < 65) {
            const std::string text = gen.decimal_text(gen.chance(10) ? 25 : 6, gen.chance(10) ? 24 : 8);
            expected_value = exact_rational(text);
            value = exact(text);
            origin = "text " + text;
        } else if (kind < 90) {
            const auto [n, d] = gen.small_fraction();
            value = decimal::fraction(n, d);
            expected_value =
                d < 0 ? cpp_rational(-cpp_int(n), -cpp_int(d)) : cpp_rational(cpp_int(n), cpp_int(d));
            origin = "fraction(" + std::to_string(n) + ", " + std::to_string(d) + ")";
        } else {
            const auto [n, d] = gen.large_fraction();
            value = decimal::fraction(n, d) * decimal::fraction(n, 7);
            expected_value = cpp_rational(cpp_int(n), cpp_int(d)) * cpp_rational(cpp_int(n), 7);
            origin = "large product " + expected_value.str();
        }
        const int places =
            gen.chance(5) ? static_cast<int>(gen.integer(7, 30)) : static_cast<int>(gen.integer(0, 4));
        INFO("iteration " << iteration << ": " << origin << ", places " << places);
        REQUIRE(oracle(value) == expected_value);
        for (const rounding_mode mode : all_modes) {
            INFO("mode " << to_string(mode));
            const cpp_rational expected =
                reference_round(expected_value, static_cast<unsigned>(places), mode);
            const decimal rounded = value.round(places, mode);
            CHECK(oracle(rounded) == expected);
            check_path(rounded, expected);
            CHECK(value.format(places, mode) ==
                  reference_format(expected_value, static_cast<unsigned>(places), mode));
        }
    }
}

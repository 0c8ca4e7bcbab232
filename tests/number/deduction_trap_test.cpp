// deduction_trap_test.cpp — the rule that motivates exact numbers: "deduct 10% of the weight per started
// point below 100%, 扣完为止", computed with decimal (exact) beside the double computation that gets 95%
// wrong.
#include <catch2/catch.hpp>
#include <cmath>
#include <rubric/decimal.hpp>
#include <string>

using rubric::decimal;
using rubric::parse_decimal;

namespace {

decimal parsed(const std::string& text) {
    const auto result = parse_decimal(text);
    INFO("parse_decimal(\"" << text << "\"): " << result.error);
    REQUIRE(result);
    return *result.value;
}

/// Weight 4; each started point (1%) below 100% deducts 10% of the weight; the score never goes below zero.
decimal deduction_score(const decimal& actual) {
    const decimal weight = 4;
    const decimal per_step = weight * decimal::fraction(10, 100);
    const decimal point = decimal::fraction(1, 100);
    const decimal steps = rubric::max((decimal(1) - actual) / point, decimal(0)).ceiling();
    const decimal deduction = steps * per_step;
    return rubric::max(weight - deduction, decimal(0));
}

double double_deduction_score(double actual) {
    const double steps = std::fmax(std::ceil((1.0 - actual) / 0.01), 0.0);
    return std::fmax(4.0 - steps * 4.0 * 0.1, 0.0);
}

} // namespace

TEST_CASE("the deduction trap: 95% scores exactly 2", "[decimal][trap]") {
    CHECK(deduction_score(parsed("95%")) == 2);
    CHECK(deduction_score(parsed("95.4%")) == 2);
    CHECK(deduction_score(parsed("94%")) == decimal::fraction(16, 10));
    CHECK(deduction_score(parsed("95%")).to_string() == "2");
    CHECK(deduction_score(parsed("94%")).to_string() == "1.6");
    CHECK(deduction_score(parsed("94%")).format(2) == "1.60");

    // The same from values built without text.
    CHECK(deduction_score(decimal::fraction(95, 100)) == 2);
    CHECK(deduction_score(decimal::fraction(954, 1000)) == 2);
    CHECK(deduction_score(decimal::fraction(94, 100)) == decimal::fraction(8, 5));
}

TEST_CASE("the deduction rule across the range, 扣完为止", "[decimal][trap]") {
    struct row {
        const char* actual;
        const char* score;
    };
    const row rows[] = {
        {"100%", "4"},   {"101%", "4"},   {"99.99%", "3.6"}, {"99%", "3.6"},    {"98.5%", "3.2"},
        {"96%", "2.4"},  {"95.01%", "2"}, {"95%", "2"},      {"94.99%", "1.6"}, {"91%", "0.4"},
        {"90.01%", "0"}, {"90%", "0"},    {"60%", "0"},      {"0%", "0"},
    };
    for (const auto& r : rows) {
        INFO("actual " << r.actual);
        const decimal score = deduction_score(parsed(r.actual));
        CHECK(score.to_string() == r.score);
        CHECK(score.on_fast_path());
    }
}

TEST_CASE("documented comparison: double arithmetic gets 95% wrong", "[decimal][trap]") {
    // 1 − 0.95 is 0.05000000000000004 in binary, so the quotient is 5.000000000000004 and its ceiling is 6.
    volatile double actual = 0.95; // volatile: the run-time computation, not a folded constant
    const double steps = std::ceil((1.0 - actual) / 0.01);
    CHECK(steps == 6.0);
    CHECK(double_deduction_score(actual) != 2.0);
    CHECK(std::fabs(double_deduction_score(actual) - 1.6) < 1e-9); // one step too many: 1.6 instead of 2

    // The exact computation counts five steps.
    CHECK(((decimal(1) - parsed("95%")) / decimal::fraction(1, 100)).ceiling() == 5);
    CHECK(deduction_score(parsed("95%")) == 2);
}

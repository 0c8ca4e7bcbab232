// integer_steps_test.cpp — a step rule whose points are all known when compiling is scored in machine integers
// (plan::integer_steps); the same rule with its step given as an input is scored in decimals. Both must agree
// on every score and every figure the explanation shows, near and across targets, steps and bounds, and where
// the integers overflow and the decimals take over.
#include "scoring_support.hpp"

using namespace rubric;
using namespace rubric::testing;

namespace {

// A one-indicator rubric (weight 10) around `body`, whose step is `step`.
std::string one(const std::string& body, const std::string& counting, const std::string& step) {
    std::string text = body;
    for (std::size_t at; (at = text.find("STEP")) != std::string::npos;)
        text.replace(at, 4, step);
    return "rubric \"t\" {\n source \"test\"\n total 10\n policy { step_counting " + counting +
           " percent_steps percentage_points }\n indicator a weight 10 {\n text \"rule\"\n input s: percent\n " +
           text + "\n }\n}\n";
}

// Score, rule score and every step figure of `a`, as text.
std::string figures(const compiled_rubric& rubric, const std::string& x) {
    const result r = evaluate(rubric, bind_ok(rubric, values({entry("x", x), entry("s", "1%")})));
    const std::size_t a = *rubric.find("a");
    std::string out = score_of(rubric, r, "a") + " | " + r.explain(a) + " |";
    const node_detail d = r.detail(a);
    if (d.rule_score) out += " rule " + d.rule_score->to_string();
    for (const step_detail& s : d.steps)
        out += " [" + (s.reference ? s.reference->to_string() : "-") + " " + s.deviation.to_string() + " " +
               s.step.to_string() + " " + s.steps.to_string() + " " + s.per_step.to_string() + " " +
               s.moved.to_string() + (s.capped ? " capped" : "") + "]";
    return out;
}

const std::vector<std::string> bodies = {
    "value x: percent\n target = 100%\n rule per_drop STEP deduct 10% weight, until_zero",
    "value x: percent\n target ≤ 0\n rule per_rise STEP deduct 0.3分 at_most 4分",
    "value x: percent\n target = 0\n rule per_deviation STEP deduct 15% weight, until_zero",
    "value x: percent\n target ≥ 95%\n rule base 6分, per_rise STEP add 1分 at_most 3分; per_drop STEP deduct 2分, "
    "floor_at 1分, cap_at 8分",
    "value x: percent\n rule base 0分, per_occurrence STEP add 0.5分",
};

const std::vector<std::string> actuals = {
    "100%", "99.99%", "99%", "95.4%", "95%", "94.99%", "90%", "50%", "0%", "0.01%", "-0.5%", "-3.33%", "1%",
    "4.6%", "100.01%", "101%", "150%", "12.345678%",
    // Denominators of 10^17 and more: the integer products overflow and the decimals score instead.
    "33.333333333333333%", "-99.999999999999999%", "95.0000000000000001%", "123456789.123456789%",
};

} // namespace

TEST_CASE("integer steps: a constant step scores as the same step given as an input") {
    for (const std::string counting : {"started_steps", "full_steps"})
        for (const std::string& body : bodies) {
            const compiled_rubric integers = compile_text(one(body, counting, "1%"));
            const compiled_rubric decimals = compile_text(one(body, counting, "s"));
            for (const std::string& x : actuals) {
                INFO(counting << "\n" << body << "\nx = " << x);
                CHECK(figures(integers, x) == figures(decimals, x));
            }
        }
}

// rules_test.cpp — every rule form scored on small rubrics, to the last digit: steps (each counting, relative
// and percentage-point steps, caps, floors, thresholds), bands, cases, levels, proportional rules, formulas,
// checklists, judged scores.
#include "scoring_support.hpp"

using namespace rubric;
using namespace rubric::testing;

namespace {

// A one-indicator rubric (weight 10 unless the body says otherwise) around `body`.
std::string one(const std::string& body, const std::string& policy = "", const std::string& weight = "10") {
    return "rubric \"t\" {\n source \"test\"\n total " + weight + "\n policy { " + policy +
           " }\n indicator a weight " + weight + " {\n text \"rule\"\n " + body + "\n }\n}\n";
}

// The score of `a` for the given inputs.
std::string score(const std::string& text, std::vector<value_entry> given, std::string_view path = "a") {
    const compiled_rubric rubric = compile_text(text);
    const result r = evaluate(rubric, bind_ok(rubric, values(std::move(given))));
    return score_of(rubric, r, path);
}

std::string explain(const std::string& text, std::vector<value_entry> given, std::string_view path = "a",
                    language lang = language::zh) {
    const compiled_rubric rubric = compile_text(text);
    const result r = evaluate(rubric, bind_ok(rubric, values(std::move(given))));
    return explanation(rubric, r, path, lang);
}

const std::string drop = "value x: percent\n target = 100%\n rule per_drop 1% deduct 10% weight, until_zero";

} // namespace

TEST_CASE("steps: a 4.6-point shortfall is 4.6, 4 or 5 steps as the rubric counts them") {
    CHECK(score(one(drop, "step_counting pro_rata percent_steps percentage_points"), {entry("x", "95.4%")}) ==
          "5.4");
    CHECK(score(one(drop, "step_counting full_steps percent_steps percentage_points"), {entry("x", "95.4%")}) ==
          "6");
    CHECK(score(one(drop, "step_counting started_steps percent_steps percentage_points"),
                {entry("x", "95.4%")}) == "5");
}

TEST_CASE("steps: 按相对值 measures the shortfall as a share of the target") {
    const std::string body = "value x: percent\n target = 80%\n rule per_drop 1% deduct 1分, until_zero";
    // 76% is 4 points below 80%, which is 5% of 80%.
    CHECK(score(one(body, "step_counting pro_rata percent_steps relative"), {entry("x", "76%")}) == "5");
    CHECK(score(one(body, "step_counting pro_rata percent_steps percentage_points"), {entry("x", "76%")}) ==
          "6");
}

TEST_CASE("steps: until_zero floors the score, a cap limits one clause") {
    const std::string policy = "step_counting full_steps percent_steps percentage_points";
    CHECK(score(one(drop, policy), {entry("x", "50%")}) == "0");
    const std::string capped =
        "value x: percent\n target = 100%\n rule per_drop 1% deduct 1分 at_most 3分";
    CHECK(score(one(capped, policy), {entry("x", "90%")}) == "7");
}

TEST_CASE("steps: both ways from the target, and never above an open target") {
    const std::string policy = "step_counting full_steps percent_steps percentage_points";
    const std::string both = "value x: percent\n target = 0\n rule per_deviation 1% deduct 10% weight, until_zero";
    CHECK(score(one(both, policy), {entry("x", "-3%")}) == "7");
    CHECK(score(one(both, policy), {entry("x", "3%")}) == "7");
    const std::string rise = "value x: percent\n target ≤ 100%\n rule per_rise 1% deduct 10% weight, until_zero";
    CHECK(score(one(rise, policy), {entry("x", "102%")}) == "8");
    CHECK(score(one(rise, policy), {entry("x", "90%")}) == "10");
}

TEST_CASE("steps: a threshold (起扣) and a base score") {
    const std::string policy = "step_counting full_steps percent_steps percentage_points";
    const std::string from =
        "value x: percent\n target = 100%\n rule per_drop 1个百分点 deduct 0.5分 (from 95%), until_zero";
    CHECK(score(one(from, policy), {entry("x", "93.5%")}) == "9.5");
    CHECK(score(one(from, policy), {entry("x", "96%")}) == "10");
    const std::string base = "value x: percent\n target = 100%\n"
                             " rule base 10分, per_rise 1% add 1分 at_most 5分; per_drop 1% deduct 3分, until_zero";
    CHECK(score(one(base, policy, "15"), {entry("x", "103%")}) == "13");
    CHECK(score(one(base, policy, "15"), {entry("x", "110%")}) == "15");
    CHECK(score(one(base, policy, "15"), {entry("x", "98%")}) == "4");
}

TEST_CASE("steps: occurrences of another input") {
    const std::string body = "value n: count 例\n rule per_occurrence 1例 deduct 1分, until_zero";
    CHECK(score(one(body, "step_counting full_steps"), {entry("n", "3例")}) == "7");
    CHECK(score(one(body, "step_counting full_steps"), {entry("n", "12")}) == "0");
}

TEST_CASE("bands: the first band that holds the value applies") {
    const std::string body = "input r: percent range ≥ 0\n value r\n"
                             " rule bands { = 0: 10分, (0, 10%]: 8分, (10%, 20%]: 5分, > 20%: zero }";
    CHECK(score(one(body), {entry("r", "0%")}) == "10");
    CHECK(score(one(body), {entry("r", "10%")}) == "8");
    CHECK(score(one(body), {entry("r", "10.01%")}) == "5");
    CHECK(score(one(body), {entry("r", "35%")}) == "0");
    CHECK(explain(one(body), {entry("r", "10%")}) == "实际值 10%；落在 (0, 10%] 档，计 8 分，得 8 分（满分 10）。");
}

TEST_CASE("cases: conditions over inputs, the first true one applies") {
    const std::string body = "input 本年结余: amount 万元, 上年结转: amount 万元\n"
                             " rule cases { when 本年结余 = 0: full, when 本年结余 ≤ 上年结转: 6分, otherwise: zero }";
    CHECK(score(one(body), {entry("本年结余", "0万元"), entry("上年结转", "5万元")}) == "10");
    CHECK(score(one(body), {entry("本年结余", "30000元"), entry("上年结转", "5万元")}) == "6");
    CHECK(score(one(body), {entry("本年结余", "6"), entry("上年结转", "5")}) == "0");
}

TEST_CASE("levels: each level its outcome") {
    const std::string text = "rubric \"t\" {\n source \"s\"\n total 10\n levels 达成度 { 达成, 基本达成, 未达成 }\n"
                             " indicator a weight 10 {\n text \"r\"\n value 完成: 达成度\n target 达成\n"
                             " rule by_level { 达成: full, 基本达成: 80% weight, 未达成: zero }\n }\n}\n";
    CHECK(score(text, {entry("完成", "达成")}) == "10");
    CHECK(score(text, {entry("完成", "基本达成")}) == "8");
    CHECK(score(text, {entry("完成", "未达成")}) == "0");
}

TEST_CASE("proportional, inverse and completion ratio") {
    CHECK(score(one("value x: percent\n rule proportional"), {entry("x", "87%")}) == "8.7");
    CHECK(score(one("value x: percent\n rule proportional"), {entry("x", "120%")}) == "10");
    const std::string cost = "value c: number 元/人\n target ≤ 220元/人\n rule completion_ratio";
    CHECK(score(one(cost), {entry("c", "200元/人")}) == "10");
    CHECK(score(one(cost), {entry("c", "275元/人")}) == "8");
    const std::string count = "value n: count 人\n target ≥ 1.8067万人\n rule completion_ratio";
    CHECK(score(one(count), {entry("n", "1.8067万人")}) == "10");
    CHECK(score(one(count), {entry("n", "9033.5人")}) == "5");
}

TEST_CASE("score formulas, with a floor") {
    const std::string body = "input 考核得分: number, 考核满分: number\n rule score = 考核得分 / 考核满分 × weight, until_zero";
    CHECK(score(one(body), {entry("考核得分", "45"), entry("考核满分", "50")}) == "9");
    CHECK(score(one(body), {entry("考核得分", "-5"), entry("考核满分", "50")}) == "0");
}

TEST_CASE("a division by zero names the formula and the dividend") {
    const std::string body = "input a1: amount 万元, b1: amount 万元\n value r: percent = a1 / b1\n rule proportional";
    CHECK(score(one(body), {entry("a1", "5万元"), entry("b1", "0")}) ==
          "error: 除数为 0：a1 / b1（被除数 50000）");
}

TEST_CASE("checklists: points, gates, each, all or nothing, deductions") {
    const std::string points = "rule checklist { 1: 5分, 2: 3分, 3: 2分 }";
    CHECK(score(one(points), {entry("a.1", "具备"), entry("a.2", "不具备"), entry("a.3", "是")}) == "7");
    const std::string gate = "rule checklist { 1: gate, 2: 50% weight, 3: 50% weight }";
    CHECK(score(one(gate), {entry("a.1", "不具备"), entry("a.2", "具备"), entry("a.3", "具备")}) == "0");
    CHECK(score(one(gate), {entry("a.1", "具备"), entry("a.2", "具备"), entry("a.3", "否")}) == "5");
    const std::string each = "rule checklist each 2.5分 { 一季度, 二季度, 三季度, 四季度 }";
    CHECK(score(one(each), {entry("a.一季度", "是"), entry("a.二季度", "是"), entry("a.三季度", "否"),
                            entry("a.四季度", "是")}) == "7.5");
    const std::string all = "rule checklist all_or_nothing { 1, 2 }";
    CHECK(score(one(all), {entry("a.1", "是"), entry("a.2", "否")}) == "0");
    CHECK(score(one(all), {entry("a.1", "是"), entry("a.2", "是")}) == "10");
    const std::string deduct = "rule checklist { 1: deduct 4分, 2: deduct 4分, 3: deduct 4分 }";
    CHECK(score(one(deduct), {entry("a.1", "否"), entry("a.2", "是"), entry("a.3", "是")}) == "6");
    CHECK(score(one(deduct), {entry("a.1", "否"), entry("a.2", "否"), entry("a.3", "否")}) == "0");
}

TEST_CASE("judged: the evaluator's score, within the rubric's range, with its reason") {
    const std::string body = "rule judged reason_required";
    const compiled_rubric rubric = compile_text(one(body));
    const result r = evaluate(rubric, bind_ok(rubric, values({entry("a", "7.5分", value_kind::judged, "完成较好")})));
    CHECK(score_of(rubric, r, "a") == "7.5");
    CHECK(explanation(rubric, r, "a") == "评价人评定 7.5 分（理由：完成较好），得 7.5 分（满分 10）。");
    CHECK(bind_errors(rubric, values({entry("a", "7.5", value_kind::judged)})) ==
          "V0209 the rubric requires a reason beside the score of “a” (须附理由)\n");
    CHECK(bind_errors(rubric, values({entry("a", "12", value_kind::judged, "x")})) ==
          "V0209 the score “12” is outside [0, 10], the weight of “a”\n");
}

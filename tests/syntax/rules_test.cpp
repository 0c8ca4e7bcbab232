// rules_test.cpp — every rule form of grammar/rubric.ebnf section 4, in both keyword spellings, as its AST
// dump.
#include "parse_support.hpp"

#include <catch2/catch.hpp>
#include <string>

using rubric::testing::dump_in;
using rubric::testing::place;

// Each construct is written with English keywords, then with Chinese keywords: both parse to the same tree.

TEST_CASE("rule form: a step rule with every option", "[syntax][rules]") {
    const std::string expected =
        R"dump((rule (steps (base 60分) (step (on 执行率) per_drop 1个百分点 deduct (of_weight 10%) (at_most 5分) (options started_steps percentage_points (from 90%))) (until_zero)))
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(rule base 60分, on 执行率 per_drop 1个百分点 deduct 10% weight at_most 5分 (started_steps, percentage_points, from 90%), until_zero)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(规则 基础分 60分, 对 执行率 每降低 1个百分点 扣 10% 权重 最多扣 5分 (按起算步数, 按百分点, 起扣 90%), 扣完为止)rubric") ==
        expected);
}

TEST_CASE("rule form: step directions, verbs, counting, bounds", "[syntax][rules]") {
    const std::string expected =
        R"dump((rule (steps (step per_rise 1% add 1分 (at_most 5分) (options pro_rata relative)) (step per_deviation 3% deduct 0.5分 (options full_steps)) (step per_occurrence 1 deduct 1分 (at_most 6分)) (floor_at 2分) (cap_at 8分)))
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(rule per_rise 1% add 1分, at_most 5分 (pro_rata, relative) per_deviation 3% deduct 0.5分 (full_steps) per_occurrence 1 deduct 1分 at_most 6分 floor_at 2分 cap_at 8分)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(规则 每增加 1% 加 1分, 最多加 5分 (按比例计步, 按相对值) 每偏离 3% 扣 0.5分 (按整步) 每发现 1 扣 1分 最多扣 6分 保底 2分 封顶 8分)rubric") ==
        expected);
}

TEST_CASE("rule form: a step by a parameter of a named rule", "[syntax][rules]") {
    const std::string expected =
        R"dump((rule (steps (step per_drop 步长 deduct (of_weight 扣分)) (until_zero)))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule per_drop 步长 deduct 扣分 weight, until_zero)rubric") ==
          expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 每降低 步长 扣 扣分 权重, 扣完为止)rubric") == expected);
}

TEST_CASE("rule form: bands with every kind of range and outcome", "[syntax][rules]") {
    const std::string expected = R"dump((rule (bands
  (band (>= 95%) full)
  (band [90%, 95%) (of_weight 80%))
  (band (80%, 90%) (and (= 质量达标 true)) 3分)
  (band (<= 80%) (judged [0, 2]))
  (band otherwise zero)))
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(rule bands { >= 95%: full, [90%, 95%): 80% weight, (80%, 90%) and 质量达标 = true: 3分, <= 80%: judged [0, 2], otherwise: zero, })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(规则 分档 { ≥ 95%: 满分, [90%, 95%): 80% 权重, （80%, 90%） 且 质量达标 = 是: 3分, ≤ 80%: 评定 [0, 2], 否则: 不得分， })rubric") ==
        expected);
}

TEST_CASE("rule form: a band whose outcome is a nested rule", "[syntax][rules]") {
    const std::string expected = R"dump((rule (bands
  (band (< 100%) (rule (steps (step per_drop 1% deduct 1分) (until_zero))))
  (band (= 100%) full)))
)dump";
    CHECK(dump_in(
              place::indicator,
              R"rubric(rule bands { < 100%: { per_drop 1% deduct 1分, until_zero }; = 100%: full })rubric") ==
          expected);
    CHECK(dump_in(place::indicator,
                  R"rubric(规则 分档 { < 100%: { 每降低 1% 扣 1分, 扣完为止 }； = 100%: 满分 })rubric") ==
          expected);
}

TEST_CASE("rule form: cases over several inputs", "[syntax][rules]") {
    const std::string expected = R"dump((rule (cases
  (when (and 按时完成 (not 发生事故)) full)
  (when (or 按时完成 部分完成) (of_weight 50%))
  (otherwise zero)))
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(rule cases { when 按时完成 and not 发生事故: full, when 按时完成 or 部分完成: 50% weight, otherwise: zero })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(规则 情形 { 当 按时完成 且 非 发生事故: 满分, 当 按时完成 或者 部分完成: 50% 权重, 否则: 不得分 })rubric") ==
        expected);
}

TEST_CASE("rule form: a level map", "[syntax][rules]") {
    const std::string expected = R"dump((rule (by_level
  (好 full)
  (较好 (of_weight 80%))
  (一般 2分)
  (otherwise zero)))
)dump";
    CHECK(
        dump_in(place::indicator,
                R"rubric(rule by_level { 好: full, 较好: 80% weight, 一般: 2分, otherwise: zero })rubric") ==
        expected);
    CHECK(dump_in(place::indicator,
                  R"rubric(规则 按档次 { 好: 满分, 较好: 80% 权重, 一般: 2分, 否则: 不得分 })rubric") ==
          expected);
}

TEST_CASE("rule form: proportional", "[syntax][rules]") {
    const std::string expected = R"dump((rule (proportional))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule proportional)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 按比例)rubric") == expected);
}

TEST_CASE("rule form: inverse proportional", "[syntax][rules]") {
    const std::string expected = R"dump((rule (inverse_proportional))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule inverse_proportional)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 按反比例)rubric") == expected);
}

TEST_CASE("rule form: completion ratio", "[syntax][rules]") {
    const std::string expected = R"dump((rule (completion_ratio))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule completion_ratio)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 按完成比例)rubric") == expected);
}

TEST_CASE("rule form: a score formula with bounds", "[syntax][rules]") {
    const std::string expected = R"dump((rule (formula (* 得分系数 this.weight) (until_zero) (cap_at 4分)))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule score = 得分系数 × weight, until_zero cap_at 4分)rubric") ==
          expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 得分 = 得分系数 × 权重, 扣完为止 封顶 4分)rubric") ==
          expected);
}

TEST_CASE("rule form: a checklist with points, gates and deductions", "[syntax][rules]") {
    const std::string expected = R"dump((rule (checklist plain
  (check 1 "制度健全" (award 2分))
  (check 执行有效 "按制度执行" (gate 1分))
  (check 公开 (gate))
  (check 违规 (deduct 1分))
  (check 其他)))
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(rule checklist { 1 "制度健全": 2分, 执行有效 "按制度执行": gate 1分, 公开: gate, 违规: deduct 1分, 其他 })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(规则 要点 { 1 "制度健全": 2分, 执行有效 "按制度执行": 门槛 1分, 公开: 门槛, 违规: 扣 1分, 其他 })rubric") ==
        expected);
}

TEST_CASE("rule form: a checklist with a default per item", "[syntax][rules]") {
    const std::string expected = R"dump((rule (checklist each (of_weight 20%)
  (check ① "有计划")
  (check ② "有总结")))
)dump";
    CHECK(dump_in(place::indicator,
                  R"rubric(rule checklist each 20% weight { ① "有计划", ② "有总结" })rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 要点 各 20% 权重 { ① "有计划", ② "有总结" })rubric") ==
          expected);
}

TEST_CASE("rule form: an all-or-nothing checklist", "[syntax][rules]") {
    const std::string expected = R"dump((rule (checklist all_or_nothing
  (check 资料完整)
  (check 程序合规)))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule checklist all_or_nothing { 资料完整; 程序合规; })rubric") ==
          expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 要点 全部具备 { 资料完整； 程序合规； })rubric") ==
          expected);
}

TEST_CASE("rule form: a judged score, plain", "[syntax][rules]") {
    const std::string expected = R"dump((rule (judged))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule judged)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 评定)rubric") == expected);
}

TEST_CASE("rule form: a judged score within a range of the weight, with a reason", "[syntax][rules]") {
    const std::string expected = R"dump((rule (judged [50%, 100%] of_weight reason_required))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule judged [50%, 100%] weight reason_required)rubric") ==
          expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 评定 [50%, 100%] 权重 须附理由)rubric") == expected);
}

TEST_CASE("rule form: a pending rule", "[syntax][rules]") {
    const std::string expected = R"dump((rule (pending "由各省自行制定"))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule pending "由各省自行制定")rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 待定 "由各省自行制定")rubric") == expected);
}

TEST_CASE("rule form: a pending rule without a note", "[syntax][rules]") {
    const std::string expected = R"dump((rule (pending))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule pending)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 待定)rubric") == expected);
}

TEST_CASE("rule form: a rank rule", "[syntax][rules]") {
    const std::string expected = R"dump((rule (rank higher_better (top 5) (per_place 0.25分) (until_zero)))
)dump";
    CHECK(dump_in(place::indicator,
                  R"rubric(rule rank higher_better top 5 full, per_place deduct 0.25分, until_zero)rubric") ==
          expected);
    CHECK(dump_in(place::indicator,
                  R"rubric(规则 排名 高者优 前 5 满分, 每位次 扣 0.25分, 扣完为止)rubric") == expected);
}

TEST_CASE("rule form: a rank rule, lower is better, with a floor", "[syntax][rules]") {
    const std::string expected =
        R"dump((rule (rank lower_better (top 3) (per_place (of_weight 10%)) (floor_at 1分)))
)dump";
    CHECK(dump_in(
              place::indicator,
              R"rubric(rule rank lower_better top 3 full per_place deduct 10% weight floor_at 1分)rubric") ==
          expected);
    CHECK(dump_in(place::indicator,
                  R"rubric(规则 排名 低者优 前 3 满分 每位次 扣 10% 权重 保底 1分)rubric") == expected);
}

TEST_CASE("rule form: calls of named rules", "[syntax][rules]") {
    const std::string expected = R"dump((rule (call 河北.低于目标扣权重))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule 河北.低于目标扣权重)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 河北.低于目标扣权重)rubric") == expected);
}

TEST_CASE("rule form: a call with positional and named arguments", "[syntax][rules]") {
    const std::string expected = R"dump((rule (call 扣分规则 1% (= 扣分 (* 10% this.weight))))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(rule 扣分规则(1%, 扣分 = 10% × weight))rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(规则 扣分规则（1%， 扣分 ＝ 10% × 权重）)rubric") == expected);
}

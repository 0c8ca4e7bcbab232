// structure_test.cpp — what lies above one rule: items under one weight, not applicable and exemptions,
// groups, bonus and penalty blocks, vetoes, weights by category, per-unit targets, values given as bounds,
// the missing-value policy, rounding, and the grade.
#include "scoring_support.hpp"

using namespace rubric;
using namespace rubric::testing;

namespace {

const std::string two_groups = R"(rubric "t" {
  source "s"
  total 100
  grade { 优: [90, 100], 良: [80, 90), 中: [60, 80), 差: [0, 60) }
  policy { step_counting full_steps percent_steps percentage_points }
  group 甲 weight 60 {
    not_applicable share
    indicator a weight 20 { text "r" value x: percent target = 100% rule per_drop 1% deduct 1分, until_zero }
    indicator b weight 40 { text "r" value y: percent target = 100% rule per_drop 1% deduct 1分, until_zero }
  }
  group 乙 weight 40 {
    indicator c weight 40 {
      text "r"
      exempt "因落实国家政策调整" full
      value z: percent target = 100% rule per_drop 1% deduct 2分, until_zero
    }
  }
}
)";

result run(const compiled_rubric& rubric, std::vector<value_entry> given) {
    return evaluate(rubric, bind_ok(rubric, values(std::move(given))));
}

} // namespace

TEST_CASE("groups add up their children; the grade follows the total") {
    const compiled_rubric rubric = compile_text(two_groups);
    const result r = run(rubric, {entry("x", "95%"), entry("y", "100%"), entry("z", "90%")});
    CHECK(score_of(rubric, r, "甲") == "55");
    CHECK(score_of(rubric, r, "乙") == "20");
    CHECK(r.total()->to_string() == "75");
    CHECK(r.grade() == "中");
}

TEST_CASE("not applicable, shared among siblings: the others fill the weight") {
    const compiled_rubric rubric = compile_text(two_groups);
    const result r = run(rubric, {entry("a", "", value_kind::not_applicable), entry("y", "90%"),
                                  entry("z", "100%")});
    // b scores 30 of 40; scaled to the group's 60: 45.
    CHECK(score_of(rubric, r, "甲") == "45");
    CHECK(r.nodes()[*rubric.find("a")].status == node_status::not_applicable);
    CHECK(r.total()->to_string() == "85");
    CHECK(explanation(rubric, r, "a") == "不适用：权重 20 分给同级适用指标。");
}

TEST_CASE("not applicable where the rubric does not allow it is a values error") {
    const compiled_rubric rubric = compile_text(two_groups);
    CHECK(bind_errors(rubric, values({entry("c", "", value_kind::not_applicable)})) ==
          "V0207 the rubric does not allow marking “c” not applicable (不适用 不允许)\n");
}

TEST_CASE("an exemption the rubric names scores full, with its reason") {
    const compiled_rubric rubric = compile_text(two_groups);
    const result r = run(rubric, {entry("x", "100%"), entry("y", "100%"),
                                  entry("c", "", value_kind::exempt, "因落实国家政策调整")});
    CHECK(score_of(rubric, r, "c") == "40");
    CHECK(r.nodes()[*rubric.find("c")].status == node_status::exempt);
    CHECK(explanation(rubric, r, "c") == "豁免（因落实国家政策调整）：得满分 40 分。");
    CHECK(bind_errors(rubric, values({entry("a", "", value_kind::exempt, "x")})) ==
          "V0207 the rubric names no exemption (豁免) for “a”\n");
}

TEST_CASE("a missing value: every missing input named at once, the others scored, the total incomplete") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 10
  indicator a weight 10 {
    text "r"
    input p: amount 万元, q: amount 万元, s: amount 万元
    rule score = (p + q) / s × weight, until_zero
  }
})");
    const result r = run(rubric, {entry("q", "1万元")});
    CHECK_FALSE(r.complete());
    CHECK(score_of(rubric, r, "a") == "error: 缺少取值：p、s");
    CHECK(r.error(*rubric.find("a"), language::en) == "missing value: p, s");
}

TEST_CASE("the missing-value policy 不得分 scores a missing value 0 and says so") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 10
  policy { missing zero }
  indicator a weight 10 { text "r" value x: percent rule proportional }
})");
    result r = run(rubric, {entry("x", "81%")});
    CHECK(r.total()->to_string() == "8.1");
    // Scored again into the same result: the explanation is this unit's, not the last one's.
    evaluate(rubric, bind_ok(rubric, values({})), r);
    CHECK(r.complete());
    CHECK(r.total()->to_string() == "0");
    CHECK(explanation(rubric, r, "a") == "缺少取值：x；按口径“缺失值 不得分”计 0 分（满分 10）。");
}

TEST_CASE("items under one weight: mean, lowest, one chosen by the unit") {
    const std::string text = R"(rubric "t" {
  source "s"
  total 30
  indicator 均值项 weight 10 {
    text "r"
    item i1 { value v1: percent; target = 100% }
    item i2 { value v2: percent; target = 100% }
    combine mean
    rule proportional
  }
  indicator 最低项 weight 10 {
    text "r"
    item j1 { value w1: percent; target = 100%; rule proportional }
    item j2 { value w2: percent; target = 100%; rule proportional }
    combine lowest
  }
  indicator 择一项 weight 10 {
    text "r"
    item k1 { value u1: percent; target ≥ 100%; rule completion_ratio }
    item k2 { value u2: percent; target ≥ 100%; rule completion_ratio }
    combine one_of chosen_by_unit
  }
})";
    const compiled_rubric rubric = compile_text(text);
    const result r = run(rubric, {entry("v1", "80%"), entry("v2", "90%"), entry("w1", "80%"), entry("w2", "90%"),
                                  entry("u1", "50%"), entry("u2", "70%"),
                                  entry("择一项", "k2", value_kind::choice)});
    CHECK(score_of(rubric, r, "均值项") == "8.5");
    CHECK(score_of(rubric, r, "最低项") == "8");
    CHECK(score_of(rubric, r, "择一项") == "7");
    CHECK(explanation(rubric, r, "均值项") == "各分项得分：i1 8、i2 9；取平均，得 8.5 分（满分 10）。");
    const result none = run(rubric, {entry("v1", "80%"), entry("v2", "90%"), entry("w1", "80%"),
                                     entry("w2", "90%"), entry("u1", "50%"), entry("u2", "70%")});
    CHECK(score_of(rubric, none, "择一项") == "error: 未选择考核的分项（择一）");
}

TEST_CASE("bonus and penalty blocks, each capped, move the total") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 10
  grade { 优: [9, 15], 差: [0, 9) }
  indicator a weight 10 { text "r" value x: percent rule proportional }
  bonus 附加分 at_most 3分 {
    indicator 表彰 weight 2 { text "r" value 获表彰: boolean rule cases { when 获表彰: full, otherwise: zero } }
    indicator 推广 weight 2 { text "r" value 推广次数: count 次 rule per_occurrence 1次 add 1分 }
  }
  penalty 扣分事项 at_most 4分 {
    indicator 审计问题 weight 4 { text "r" value 问题数: count 项 rule per_occurrence 1项 deduct 1.5分 }
  }
})");
    const result r = run(rubric, {entry("x", "80%"), entry("获表彰", "是"), entry("推广次数", "2次"),
                                  entry("问题数", "1项")});
    CHECK(score_of(rubric, r, "附加分") == "3");
    CHECK(score_of(rubric, r, "扣分事项") == "-1.5");
    CHECK(r.total()->to_string() == "9.5");
    CHECK(r.grade() == "优");
}

TEST_CASE("vetoes zero a group or force the grade; the worst grade wins") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 20
  grade { 优: [18, 20], 良: [12, 18), 差: [0, 12) }
  input 重大违纪: boolean, 安全事故: boolean
  veto "发生重大违纪违法问题" when 重大违纪: grade 差
  group 效果 weight 10 {
    veto "发生重大安全生产事故" when 安全事故: zero_out
    indicator a weight 10 { text "r" value x: percent rule proportional }
  }
  indicator b weight 10 { text "r" value y: percent rule proportional }
})");
    const result clean = run(rubric, {entry("x", "100%"), entry("y", "100%"), entry("重大违纪", "否"),
                                      entry("安全事故", "否")});
    CHECK(clean.total()->to_string() == "20");
    CHECK(clean.grade() == "优");
    const result vetoed = run(rubric, {entry("x", "100%"), entry("y", "100%"), entry("重大违纪", "是"),
                                       entry("安全事故", "是")});
    CHECK(score_of(rubric, vetoed, "效果") == "0");
    CHECK(vetoed.total()->to_string() == "10");
    CHECK(vetoed.grade() == "差");
    CHECK(vetoed.vetoes() == std::vector<std::string>{"一票否决“发生重大违纪违法问题”：等级定为 差",
                                                      "一票否决“发生重大安全生产事故”：清零 效果"});
}

TEST_CASE("weights by the unit's category") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 4
  category 区县类型 { 主城各区, 其他区县 }
  group 宣传 {
    indicator 农村 weight by 区县类型 (主城各区: 1, 其他区县: 3) { text "r" value x: percent rule proportional }
    indicator 城区 weight by 区县类型 (主城各区: 3, 其他区县: 1) { text "r" value y: percent rule proportional }
  }
})");
    const result city = run(rubric, {entry("x", "50%"), entry("y", "50%"),
                                     entry("区县类型", "主城各区", value_kind::category)});
    CHECK(score_of(rubric, city, "农村") == "0.5");
    CHECK(score_of(rubric, city, "城区") == "1.5");
    CHECK(city.total()->to_string() == "2");
    const result unknown = run(rubric, {entry("x", "50%"), entry("y", "50%")});
    CHECK(score_of(rubric, unknown, "农村") == "error: 缺少单位类别 “区县类型”，权重依此而定");
    CHECK(bind_errors(rubric, values({entry("区县类型", "主城", value_kind::category)})) ==
          "V0208 “区县类型” has no category “主城”\n");
}

TEST_CASE("a target left to the unit, and a value given as a bound") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 20
  indicator 产出 weight 10 { text "r" value p: percent target ≥ supplied_by_unit rule completion_ratio }
  indicator 长度 weight 10 { text "r" value l: number 米 target ≥ 260米 rule completion_ratio }
})");
    const result r = run(rubric, {entry("p", "90%"), entry("产出", "≥ 120%", value_kind::target),
                                  entry("l", "≥266米")});
    CHECK(score_of(rubric, r, "产出") == "7.5");
    CHECK(score_of(rubric, r, "长度") == "10");
    CHECK(explanation(rubric, r, "长度") ==
          "实际值 ≥266米，目标 ≥260米（无论在此界限内取何值，得分相同）；按比例（权重 × 实际值 ÷ 目标）计分，得 10 分（满分 10）。");
    const result low = run(rubric, {entry("p", "90%"), entry("产出", "120%", value_kind::target),
                                    entry("l", "≥200米")});
    CHECK(score_of(rubric, low, "长度") ==
          "error: “l” 只给出界限 ≥200米，得分介于 ≈7.69 与 10 分之间，无法确定");
    const node_detail undecided = low.detail(*rubric.find("长度"));
    CHECK(undecided.value_text == "≥200米");
    CHECK_FALSE(undecided.value);
}

TEST_CASE("rounding: indicators and the total as the policy says, the unrounded value kept") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 10
  policy { round indicator 2 places half_up round total 1 places half_up }
  indicator a weight 10 { text "r" value x: percent rule proportional }
})");
    const result r = run(rubric, {entry("x", "66.666%")});
    const node_result& a = r.nodes()[*rubric.find("a")];
    CHECK(a.unrounded.to_string() == "6.6666");
    CHECK(a.score.to_string() == "6.67");
    CHECK(r.total()->to_string() == "6.7");
    CHECK(r.unrounded_total()->to_string() == "6.67");
}

TEST_CASE("binding: unknown names, wrong units, values outside their domain, duplicates") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 10
  indicator a weight 10 {
    text "r"
    input 预算数: amount 万元, 执行数: amount 万元, 人数: count 人 range ≥ 0
    value 比率: percent = 执行数 / 预算数
    rule proportional
  }
})");
    CHECK(bind_errors(rubric, values({entry("预算书", "5万元")})) ==
          "V0201 the rubric has no input “预算书”\n");
    CHECK(bind_errors(rubric, values({entry("比率", "95.4万元")})) ==
          "V0204 “95.4万元” is an amount in 万元, but “比率” is a percent\n");
    CHECK(bind_errors(rubric, values({entry("比率", "95.4")})) ==
          "V0204 “95.4” has no unit, but “比率” is a percent: write “95.4%” (or the share as a percent)\n");
    CHECK(bind_errors(rubric, values({entry("人数", "-3人")})) ==
          "V0205 “-3人” is outside the values “人数” can take (≥ 0)\n");
    CHECK(bind_errors(rubric, values({entry("人数", "3"), entry("人数", "4")})) ==
          "V0202 “人数” is given twice\n");
    CHECK(bind_errors(rubric, values({entry("人数", "三")})) == "V0203 “三” is not a number, which “人数” is\n");
}

TEST_CASE("binding: claims of scores, the total and the grade, and a grade the rubric does not have") {
    const compiled_rubric rubric = compile_text(two_groups);
    CHECK(bind_errors(rubric, values({entry("a", "18", value_kind::claimed), entry("总分", "95", value_kind::claimed),
                                      entry("等级", "优", value_kind::claimed)})) == "");
    CHECK(bind_errors(rubric, values({entry("等级", "良好", value_kind::claimed)})) ==
          "V0211 the rubric has no grade “良好”\n");
    CHECK(bind_errors(rubric, values({entry("x", "18", value_kind::claimed)})) ==
          "V0206 the rubric has no group, indicator or item “x”\n");
}

TEST_CASE("two indicators of one name: their checklist items are keyed by the whole path") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 2
  group 预算管理 { indicator 管理制度健全性 weight 1 { text "r" rule checklist { 1: 1分 } } }
  group 资产管理 { indicator 管理制度健全性 weight 1 { text "r" rule checklist { 1: 1分 } } }
})");
    const result r = evaluate(rubric, bind_ok(rubric, values({entry("预算管理.管理制度健全性.1", "是"),
                                                              entry("资产管理.管理制度健全性.1", "否")})));
    CHECK(r.total()->to_string() == "1");
    CHECK(bind_errors(rubric, values({entry("管理制度健全性.1", "是")})) ==
          "V0206 “管理制度健全性.1” names checklist items of several indicators; write the group too "
          "(分组.指标.标签)\n");
    const result missing = evaluate(rubric, bind_ok(rubric, values({entry("预算管理.管理制度健全性.1", "是")})));
    CHECK(score_of(rubric, missing, "资产管理.管理制度健全性") == "error: 缺少取值：资产管理.管理制度健全性.1");
}

TEST_CASE("derived inputs computed from derived inputs, in the order they depend on each other") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 3
  input 公共财政拨款: amount 万元, 政府基金拨款: amount 万元, 支出合计: amount 万元,
        收入合计: amount 万元 = 公共财政拨款 + 政府基金拨款 range ≥ 0
  indicator 资金结余 weight 3 {
    text "无结余3分"
    value 年末结余: amount 万元 = 收入合计 - 支出合计
    rule cases { when 年末结余 = 0: full, otherwise: zero }
  }
})");
    const result balanced = evaluate(rubric, bind_ok(rubric, values({entry("公共财政拨款", "2815.27万元"),
                                                                     entry("政府基金拨款", "39.57万元"),
                                                                     entry("支出合计", "2854.84万元")})));
    CHECK(score_of(rubric, balanced, "资金结余") == "3");
    // The text's 2854.94 reported beside the table's lines: the lines win, the audit reports the difference.
    const bound_values reported = bind_ok(rubric, values({entry("公共财政拨款", "2815.27万元"),
                                                          entry("政府基金拨款", "39.57万元"),
                                                          entry("收入合计", "2854.94万元"),
                                                          entry("支出合计", "2854.84万元")}));
    const result r = evaluate(rubric, reported);
    CHECK(score_of(rubric, r, "资金结余") == "3");
    const audit_report report = audit(rubric, reported, r);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].message ==
          "收入合计：填报 2854.94万元，但按原始数字（公共财政拨款 2815.27万元、政府基金拨款 39.57万元）计算 "
          "公共财政拨款 + 政府基金拨款 = 2854.84万元");
    // Reported alone, the text's figure is scored: 0.1万元 of balance.
    const result text_only = evaluate(rubric, bind_ok(rubric, values({entry("收入合计", "2854.94万元"),
                                                                      entry("支出合计", "2854.84万元")})));
    CHECK(score_of(rubric, text_only, "资金结余") == "0");
}

TEST_CASE("a derived input that cannot be computed fails the ones computed from it, for its own reason") {
    const compiled_rubric rubric = compile_text(R"(rubric "t" {
  source "s"
  total 10
  input 执行数: amount 万元, 预算数: amount 万元, 执行率: percent = 执行数 / 预算数
  indicator 预算执行率 weight 10 {
    text "执行率×10"
    value 加权执行率: percent = 执行率 * 1
    rule proportional
  }
})");
    const result r =
        evaluate(rubric, bind_ok(rubric, values({entry("执行数", "5万元"), entry("预算数", "0万元")})));
    CHECK(score_of(rubric, r, "预算执行率") == "error: 除数为 0：执行数 / 预算数（被除数 50000）");
}

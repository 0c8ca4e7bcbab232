// types_test.cpp — golden tests of the types pass (types.cpp): units and dimensions of inputs, values,
// targets, formulas, steps and amounts (E0301–E0316), with a clean rubric in each keyword spelling.
#include "check/intervals.hpp"
#include "check/units.hpp"
#include "check_report.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using rubric::testing::check_report;

TEST_CASE("inputs, values, targets and steps of every type, in Chinese keywords, report nothing", "[types]") {
    const std::string rubric = R"(评分表 "类型：干净的评分表" {
  来源 "测试用例"
  总分 30
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 指标 2位 四舍五入 }
  计量单位 床位
  档次 达成度 { 达成, 基本达成, 部分达成, 未达成 }
  输入 预算数: 金额 万元 范围 ≥ 0, 执行数: 金额 元
  指标 预算执行率 权重 5 {
    原文 "全年执行数/全年预算数×5分"
    取值 预算执行率: 百分比 = 执行数 / 预算数
    目标 ≥ 100%
    规则 按完成比例
  }
  指标 代缴人数 权重 5 {
    原文 "代缴1.8067万人，每减少5%扣1分"
    取值 代缴人数: 计数 人
    目标 ≥ 1.8067万人
    规则 每减少 5% 扣 1分, 扣完为止
  }
  指标 完成时间 权重 5 {
    原文 "2019年6月30日前完成，每超过1天扣1分"
    取值 完成日期: 日期
    目标 ≤ 2019年6月30日
    规则 每超过 1天 扣 1分 (起扣 2019-06-30), 扣完为止
  }
  指标 床位数 权重 5 {
    原文 "新增床位不少于120床位"
    取值 新增床位: 计数 床位
    目标 ≥ 120床位
    规则 按完成比例
  }
  指标 完成情况 权重 5 {
    原文 "达成得满分，基本达成得80%"
    取值 完成情况: 达成度
    目标 达成
    规则 按档次 { 达成: 满分, 基本达成: 80% 权重, 否则: 不得分 }
  }
  指标 结余 权重 5 {
    原文 "无结余，5分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分"
    输入 本年结余: 金额 万元, 上年结转: 金额 万元, 制度健全: 是否 缺省 是
    规则 情形 { 当 本年结余 = 0 且 制度健全: 5分, 当 本年结余 ≤ 上年结转: 2分, 否则: 不得分 }
  }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("the same in English keywords, with a score formula and a derived value", "[types]") {
    const std::string rubric = R"(rubric "types: a clean rubric" {
  source "test case"
  total 10
  policy { step_counting full_steps  percent_steps relative  round total 1 places half_up }
  input 考核得分: number range [0, 100], 考核指标分值: number range [1, 100], 得分系数: number range [0, 1]
  indicator 实际完成率 weight 4 {
    text "完成…考核得分/指标分值*8分"
    rule score = min(考核得分 / 考核指标分值, 1) × weight
  }
  indicator 人均缴费 weight 6 {
    text "人均缴费不高于220元/人"
    input 缴费总额: amount 万元, 缴费人数: count 人
    value 人均缴费: number 元/人 = 缴费总额 / 缴费人数
    target ≤ 220元/人
    rule score = 得分系数 × weight
  }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("E0301: an amount and a percent added", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 4
  口径 { 舍入 指标 2位 四舍五入 }
  指标 预算执行 权重 4 {
    原文 "按实现程度计算得分"
    输入 预算数: 金额 万元, 执行率: 百分比
    取值 预算数 + 执行率
    规则 评定
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:8:8: error[E0301]: cannot add an amount in 万元 (“预算数”) and a percent (“执行率”)
    8 |     取值 预算数 + 执行率
      |          ^^^^^^^^^^^^^^^
)");
}

TEST_CASE("E0302: a date compared with a percent", "[types]") {
    const std::string rubric = R"(rubric "types" {
  source "test case"
  total 4
  policy { round indicator 2 places half_up }
  indicator 完成时间 weight 4 {
    text "按时完成得满分"
    input 完成日期: date
    rule cases { when 完成日期 ≤ 95%: full, otherwise: zero }
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:8:23: error[E0302]: cannot compare “完成日期” (a date) with “95%” (a percent)
    8 |     rule cases { when 完成日期 ≤ 95%: full, otherwise: zero }
      |                       ^^^^^^^^^^^^^^
)");
}

TEST_CASE("E0303: a score formula that is not in points", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 8
  口径 { 舍入 指标 2位 四舍五入 }
  指标 质量达标率 权重 8 {
    原文 "实际得分=达标率*8分"
    输入 达标率: 百分比 范围 [0, 100%]
    规则 得分 = 达标率
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:8:13: error[E0303]: the score formula gives a percent, not points: multiply a share by `权重`/`weight` (such as “达标率 × 权重”) or by points
    8 |     规则 得分 = 达标率
      |                 ^^^^^^
)");
}

TEST_CASE("E0304: a percent target on a count", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 20
  口径 { 舍入 指标 2位 四舍五入 }
  指标 代缴人数 权重 20 {
    原文 "代缴人数达到95%"
    取值 代缴人数: 计数 人
    目标 ≥ 95%
    规则 按完成比例
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:8:8: error[E0304]: the target “≥ 95%” is a percent, but “代缴人数” is a count of 人
    8 |     目标 ≥ 95%
      |          ^^^^^
)");
}

TEST_CASE("E0305: a step in days on a percent", "[types]") {
    const std::string rubric = R"(rubric "types" {
  source "test case"
  total 4
  policy { step_counting started_steps  round indicator 2 places half_up }
  indicator 支出进度率 weight 4 {
    text "每降低1%扣0.4分"
    value 支出进度率: percent
    target = 100%
    rule per_drop 1天 deduct 0.4分, until_zero
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:19: error[E0305]: the step “1天” is a duration in 天, but “支出进度率” is a percent: a percent steps in % or 个百分点, such as 1% or 1个百分点
    9 |     rule per_drop 1天 deduct 0.4分, until_zero
      |                   ^^^
)");
}

TEST_CASE("E0306: percentage points on a count", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 4
  口径 { 计步 按起算步数  舍入 指标 2位 四舍五入 }
  指标 参保人数 权重 4 {
    原文 "每减少1个百分点扣1分"
    取值 参保人数: 计数 人
    目标 ≥ 18.8万人
    规则 每减少 1个百分点 扣 1分, 扣完为止
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:12: error[E0306]: “1个百分点” is in percentage points, but “参保人数” is a count of 人, not a percent: write the step in 人 (such as 1人) or as a relative step (such as 5%)
    9 |     规则 每减少 1个百分点 扣 1分, 扣完为止
      |                 ^^^^^^^^^
)");
}

TEST_CASE("E0307: a relative step from a reference of 0, and a completion ratio against 0", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 8
  口径 { 计步 按起算步数  舍入 指标 2位 四舍五入 }
  指标 违规例数 权重 4 {
    原文 "每增加5%扣1分"
    取值 违规例数: 计数 例
    规则 每出现 5% 扣 1分, 扣完为止
  }
  指标 压减率 权重 4 {
    原文 "按完成比例计分"
    取值 压减率: 百分比
    目标 ≥ 0
    规则 按完成比例
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:8:12: error[E0307]: “5%” is a relative step (a share of the reference), but `每出现`/`per_occurrence` counts from 0
    8 |     规则 每出现 5% 扣 1分, 扣完为止
      |                 ^^
test.rubric:14:8: error[E0307]: `按完成比例`/`completion_ratio` divides the value by the target, but the target is 0
   14 |     规则 按完成比例
      |          ^^^^^^^^^^
)");
}

TEST_CASE("E0308: a condition that is not yes/no", "[types]") {
    const std::string rubric = R"(rubric "types" {
  source "test case"
  total 4
  policy { round indicator 2 places half_up }
  indicator 知晓率 weight 4 {
    text "知晓率达标得满分"
    value 知晓率: percent
    rule cases { when 知晓率: full, otherwise: zero }
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:8:23: error[E0308]: a condition is yes/no, but “知晓率” is a percent
    8 |     rule cases { when 知晓率: full, otherwise: zero }
      |                       ^^^^^^
)");
}

TEST_CASE("E0309: division by a constant 0", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 4
  口径 { 舍入 指标 2位 四舍五入 }
  指标 执行率 权重 4 {
    原文 "按执行率评定"
    输入 执行数: 金额 万元
    取值 执行数 / 0
    规则 评定
  }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:8:14: error[E0309]: division by 0
    8 |     取值 执行数 / 0
      |                   ^
)");
}

TEST_CASE("E0310: round of an amount, and min of two dimensions", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 8
  口径 { 舍入 指标 2位 四舍五入 }
  输入 拨款: 金额 万元, 人数: 计数 人
  指标 拨款 权重 4 {
    原文 "按拨款评定"
    取值 舍入(拨款, 2)
    规则 评定
  }
  指标 最少 权重 4 {
    原文 "按较小者评定"
    取值 最小值(拨款, 人数)
    规则 评定
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:8:8: error[E0310]: `舍入`/`round` rounds a percent, a number or points; “拨款” is an amount in 万元: round the ratio or the score it is part of
    8 |     取值 舍入(拨款, 2)
      |          ^^^^^^^^^^^^^
test.rubric:13:8: error[E0310]: the arguments of `最小值`/`min` must be of one dimension, but “拨款” is an amount in 万元 and “人数” a count of 人
   13 |     取值 最小值(拨款, 人数)
      |          ^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("E0311: an amount without 分 or 权重, on a Chinese line", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 4
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 指标 2位 四舍五入 }
  指标 政府采购执行率 权重 4 {
    原文 "每低于1个百分点扣0.5分"
    取值 政府采购执行率: 百分比
    目标 = 100%
    规则 每低于 1个百分点 扣 0.5, 扣完为止
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:20: error[E0311]: “0.5” is neither points nor a share of the weight: write 0.5分 for points
    9 |     规则 每低于 1个百分点 扣 0.5, 扣完为止
      |                              ^^^
)");
}

TEST_CASE("E0312: bands on a level, and a step rule on yes/no", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 8
  口径 { 计步 按起算步数  舍入 指标 2位 四舍五入 }
  档次 达成度 { 达成, 基本达成, 未达成 }
  指标 完成情况 权重 4 {
    原文 "达成得满分"
    取值 完成情况: 达成度
    规则 分档 { ≥ 90%: 满分, 否则: 不得分 }
  }
  指标 制度健全 权重 4 {
    原文 "不健全扣4分"
    取值 制度健全: 是否
    规则 每降低 1% 扣 1分, 扣完为止
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:8: error[E0312]: `分档`/`bands` needs a value that is a number or a date; “完成情况” is a level of “达成度”: use `按档次`/`by_level`
    9 |     规则 分档 { ≥ 90%: 满分, 否则: 不得分 }
      |          ^^^^
test.rubric:14:8: error[E0312]: a step counts a number or a date; “制度健全” is yes/no: use `情形`/`cases`
   14 |     规则 每降低 1% 扣 1分, 扣完为止
      |          ^^^^^^
)");
}

TEST_CASE("E0313: met against a descriptive target", "[types]") {
    const std::string rubric = R"(rubric "types" {
  source "test case"
  total 4
  policy { round indicator 2 places half_up }
  indicator 制度健全性 weight 4 {
    text "制度健全得满分"
    value 制度健全: boolean
    target "健全"
    rule cases { when met: full, otherwise: zero }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:23: error[E0313]: `达标`/`met` compares the value with the target, but the target of “制度健全性” is descriptive text
    9 |     rule cases { when met: full, otherwise: zero }
      |                       ^^^
)");
}

TEST_CASE("E0314: a range and a default of the wrong type", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 4
  口径 { 舍入 指标 2位 四舍五入 }
  输入 参保人数: 计数 人 范围 [0, 100%], 问题数: 计数 项 缺省 5%
  指标 参保 权重 2 {
    原文 "按参保人数评定"
    取值 参保人数
    规则 评定
  }
  指标 问题 权重 2 {
    原文 "按问题数评定"
    取值 问题数
    规则 评定
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:24: error[E0314]: the range bound “100%” is a percent, but “参保人数” is a count of 人
    5 |   输入 参保人数: 计数 人 范围 [0, 100%], 问题数: 计数 项 缺省 5%
      |                                   ^^^^
test.rubric:5:44: error[E0314]: the default “5%” is a percent, but “问题数” is a count of 项
    5 |   输入 参保人数: 计数 人 范围 [0, 100%], 问题数: 计数 项 缺省 5%
      |                                                               ^^
)");
}

TEST_CASE("E0315: a declared unit that is already a unit", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 4
  口径 { 舍入 指标 2位 四舍五入 }
  计量单位 人次
  指标 服务人次 权重 4 {
    原文 "按服务人次评定"
    取值 服务人次: 计数 人次
    规则 评定
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:8: error[E0315]: “人次” is already a unit; `计量单位`/`unit` declares only new count units
    5 |   计量单位 人次
      |            ^^^^
)");
}

TEST_CASE("E0316: an unknown unit", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  来源 "测试用例"
  总分 8
  口径 { 计步 按起算步数  舍入 指标 2位 四舍五入 }
  指标 床位数 权重 4 {
    原文 "新增120床"
    取值 新增床位: 计数 个
    目标 ≥ 120床
    规则 按完成比例
  }
  指标 问题数 权重 4 {
    原文 "每发现一项扣1分，扣完为止"
    取值 问题数: 计数 项
    规则 每发现 1项 扣 1分, 扣完为止
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:8:13: error[E0316]: unknown unit “床”: not a built-in unit, and not declared with `计量单位`/`unit`
    8 |     目标 ≥ 120床
      |               ^^
)");
}

TEST_CASE("a keyword run into a unit is a syntax error that suggests the space", "[types]") {
    const std::string rubric = R"(评分表 "类型" {
  指标 问题数 权重 4 {
    取值 问题数: 计数 项
    规则 每发现 1项 扣 1分扣完为止
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:4:17: error[E0103]: unknown unit `分扣完为止`: write `1分 扣完为止`
    4 |     规则 每发现 1项 扣 1分扣完为止
      |                        ^^^^^^^^^^^
)");
}

TEST_CASE("a named rule is checked against each indicator that uses it", "[types]") {
    const std::string rubric = R"(评分表 "类型：命名规则" {
  来源 "测试用例"
  总分 8
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 指标 2位 四舍五入 }
  定义 规则 低于目标扣权重 (比例: 百分比 = 10%, 步长: 百分比 = 1%) {
    每降低 步长 扣 比例 权重, 扣完为止
  }
  指标 支出进度率 权重 4 { 原文 "每降低1%扣权重分的10%"; 取值 支出进度率: 百分比; 目标 = 100%; 规则 低于目标扣权重 }
  指标 参保人数 权重 4 { 原文 "每降低1个百分点扣权重分的10%"; 取值 参保人数: 计数 人; 目标 ≥ 100人; 规则 低于目标扣权重(步长 = 1个百分点) }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:83: error[E0306]: “1个百分点” is in percentage points, but “参保人数” is a count of 人, not a percent: write the step in 人 (such as 1人) or as a relative step (such as 5%)
    9 |   指标 参保人数 权重 4 { 原文 "每降低1个百分点扣权重分的10%"; 取值 参保人数: 计数 人; 目标 ≥ 100人; 规则 低于目标扣权重(步长 = 1个百分点) }
      |                                                                                                                                ^^^^^^^^^
test.rubric:9:70: note: “参保人数” uses “低于目标扣权重” here
    9 |   指标 参保人数 权重 4 { 原文 "每降低1个百分点扣权重分的10%"; 取值 参保人数: 计数 人; 目标 ≥ 100人; 规则 低于目标扣权重(步长 = 1个百分点) }
      |                                                                                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
)");
}

// Units convert exactly, and each word resolves the way README §2 says: whole words first, then a magnitude
// before a unit.
TEST_CASE("units resolve to a dimension and an exact scale", "[types][units]") {
    using rubric::decimal;
    using rubric::checker::dimension;
    using rubric::checker::unit_kind;
    const rubric::checker::unit_table units({"床位"});
    const auto scale = [&](std::string_view word) { return units.resolve(word).value().scale; };
    CHECK(scale("万人") == 10000);
    CHECK(units.resolve("万人")->dim == dimension::of("人"));
    CHECK(scale("万元") == 10000);
    CHECK(scale("亿元") == 100000000);
    CHECK(scale("万亿元") == decimal(1000000000000));
    CHECK(scale("%") == decimal::fraction(1, 100));
    CHECK(scale("‰") == decimal::fraction(1, 1000));
    CHECK(units.resolve("个百分点")->kind == unit_kind::percentage_point);
    CHECK(scale("亩") == decimal::fraction(2000, 3));
    CHECK(scale("公里") == 1000);
    CHECK(units.resolve("千克")->dim == dimension::of("千克")); // a whole word, not 千 × 克
    CHECK(scale("千元") == 1000);
    CHECK(units.resolve("万人次")->dim == dimension::of("人次")); // 人次 and 人 never mix
    CHECK(units.resolve("万")->dim.is_ratio());
    CHECK(units.resolve("万床位")->dim == dimension::of("床位"));
    CHECK(units.resolve("元/人")->dim == dimension::of("元") / dimension::of("人"));
    CHECK(scale("万元/人") == 10000);
    CHECK(units.resolve("元/人")->dim.to_string() == "元/人");
    CHECK_FALSE(units.resolve("床"));
    CHECK_FALSE(units.resolve("万%"));
    CHECK_FALSE(units.resolve("%/人"));
    CHECK(rubric::checker::unit_table::built_in("人次"));
    CHECK_FALSE(rubric::checker::unit_table::built_in("床位"));
}

TEST_CASE("exact spans: intersection, difference and their text", "[types][units]") {
    using rubric::decimal;
    using rubric::checker::endpoint;
    using rubric::checker::span;
    const auto at = [](int percent, bool closed) {
        return endpoint::at(decimal::fraction(percent, 100), closed, std::to_string(percent) + "%");
    };
    const span below_60{endpoint::infinite(), at(60, false)};
    const span from_70{at(70, true), endpoint::infinite()};
    const std::vector<span> left = subtract(subtract({span::everything()}, below_60), from_70);
    REQUIRE(left.size() == 1);
    CHECK(to_string(left[0]) == "[60%, 70%)");
    CHECK(to_string(intersect(span{at(80, true), at(90, true)}, span{at(90, true), endpoint::infinite()})) ==
          "90%");
    CHECK(intersect(span{at(80, true), at(90, false)}, span{at(90, true), endpoint::infinite()}).empty());
    CHECK(to_string(below_60) == "< 60%");
    CHECK(to_string(span::everything()) == "every value");
}

TEST_CASE("derived inputs: a formula of the input's type checks clean; another type is E0304", "[types]") {
    const std::string clean = R"(评分表 "派生输入" {
  来源 "测试用例"
  总分 4
  口径 { 舍入 指标 2位 四舍五入 }
  输入 公共财政拨款: 金额 万元, 政府基金拨款: 金额 万元,
       收入合计: 金额 万元 = 公共财政拨款 + 政府基金拨款 "收支表：收入合计" 范围 ≥ 0,
       支出合计: 金额 万元
  指标 资金结余 权重 4 {
    原文 "无结余得满分"
    取值 年末结余: 金额 万元 = 收入合计 - 支出合计
    规则 情形 { 当 年末结余 = 0: 满分, 否则: 不得分 }
  }
}
)";
    CHECK(check_report(clean).empty());
    std::string wrong = clean;
    wrong.replace(wrong.find("= 公共财政拨款 + 政府基金拨款"), std::string("= 公共财政拨款 + 政府基金拨款").size(),
                  "= 公共财政拨款 / 政府基金拨款");
    CHECK(check_report(wrong) ==
          R"(test.rubric:6:22: error[E0304]: “收入合计” is declared as an amount in 万元, but its formula gives a percent
    6 |        收入合计: 金额 万元 = 公共财政拨款 / 政府基金拨款 "收支表：收入合计" 范围 ≥ 0,
      |                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("E0218: derived inputs computed from each other in a circle", "[types]") {
    const std::string rubric = R"(评分表 "循环" {
  来源 "测试用例"
  总分 4
  口径 { 舍入 指标 2位 四舍五入 }
  输入 甲: 金额 万元 = 乙 + 丙, 乙: 金额 万元 = 甲 - 丙, 丙: 金额 万元
  指标 结余 权重 4 {
    原文 "无结余得满分"
    取值 结余额: 金额 万元 = 甲 - 乙
    规则 情形 { 当 结余额 = 0: 满分, 否则: 不得分 }
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:5:35: error[E0218]: “乙” is computed from itself: “乙” → “甲” → “乙”
    5 |   输入 甲: 金额 万元 = 乙 + 丙, 乙: 金额 万元 = 甲 - 丙, 丙: 金额 万元
      |                                                 ^^^^^^^
)");
}

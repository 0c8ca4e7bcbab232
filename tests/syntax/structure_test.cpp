// structure_test.cpp — declarations, groups, indicators and clauses (sections 2–3), in both keyword
// spellings.
#include "parse_support.hpp"

#include <catch2/catch.hpp>
#include <string>

using rubric::testing::dump_in;
using rubric::testing::place;

// Each construct is written with English keywords, then with Chinese keywords: both parse to the same tree.

TEST_CASE("structure: metadata, year and total", "[syntax][structure]") {
    const std::string expected = R"dump((issuer "河北省财政厅")
(region "河北省")
(year 2020)
(source "冀财绩〔2020〕1号")
(subject "部门整体")
(total 100)
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(issuer "河北省财政厅" region "河北省" year 2020 source "冀财绩〔2020〕1号" subject "部门整体" total 100)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(发布机关 "河北省财政厅" 地区 "河北省" 年度 2020 来源 "冀财绩〔2020〕1号" 评价对象 "部门整体" 总分 100)rubric") ==
        expected);
}

TEST_CASE("structure: metadata aliases", "[syntax][structure]") {
    const std::string expected = R"dump((issuer "甲")
(subject "乙")
)dump";
    CHECK(dump_in(place::rubric, R"rubric(issuer "甲" subject "乙")rubric") == expected);
    CHECK(dump_in(place::rubric, R"rubric(发文机关 "甲" 被评价单位 "乙")rubric") == expected);
}

TEST_CASE("structure: a grade table", "[syntax][structure]") {
    const std::string expected = R"dump((grades
  (优 [90, 100])
  (良 [80, 90))
  (中 [60, 80))
  (差 (< 60)))
)dump";
    CHECK(dump_in(place::rubric,
                  R"rubric(grade { 优: [90, 100], 良: [80, 90), 中: [60, 80), 差: < 60, })rubric") ==
          expected);
    CHECK(dump_in(place::rubric,
                  R"rubric(等级 { 优： [90, 100]， 良: [80, 90)、 中: [60, 80)； 差: < 60 })rubric") ==
          expected);
}

TEST_CASE("structure: a policy with every entry", "[syntax][structure]") {
    const std::string expected = R"dump((policy
  (step_counting started_steps)
  (percent_steps percentage_points)
  (round total 2 half_up)
  (missing error)
  (not_applicable rescale))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(policy { step_counting started_steps; percent_steps percentage_points; round total 2 places half_up; missing error; not_applicable rescale })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(口径 { 计步 按起算步数； 百分比步长 按百分点； 舍入 总分 2 位 四舍五入； 缺失值 报错； 不适用 折算 })rubric") ==
        expected);
}

TEST_CASE("structure: policy alternatives", "[syntax][structure]") {
    const std::string expected = R"dump((policy
  (step_counting pro_rata)
  (step_counting full_steps)
  (percent_steps relative)
  (round indicator 4 half_even)
  (round group 2 down)
  (missing zero)
  (missing not_applicable)
  (not_applicable full)
  (not_applicable share)
  (not_applicable forbidden))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(policy { step_counting pro_rata step_counting full_steps percent_steps relative round indicator 4 places half_even round group 2 places down missing zero missing not_applicable not_applicable full not_applicable share not_applicable forbidden })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(口径 { 计步 按比例计步 计步 按整步 百分比步长 按相对值 舍入 指标 4位 银行家舍入 舍入 分组 2位 截断 缺失值 不得分 缺失值 不适用 不适用 满分 不适用 分给同级 不适用 不允许 })rubric") ==
        expected);
}

TEST_CASE("structure: rounding modes", "[syntax][structure]") {
    const std::string expected = R"dump((policy
  (round total 2 half_down)
  (round total 2 up)
  (round total 2 floor)
  (round total 2 ceiling)
  (round total 2 half_even))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(policy { round total 2 places half_down round total 2 places up round total 2 places floor round total 2 places ceiling round total 2 places half_even })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(口径 { 舍入 总分 2位 五舍六入 舍入 总分 2位 进一 舍入 总分 2位 向下取整 舍入 总分 2位 向上取整 舍入 总分 2位 四舍六入五成双 })rubric") ==
        expected);
}

TEST_CASE("structure: a named rule with parameters", "[syntax][structure]") {
    const std::string expected =
        R"dump((define_rule 低于目标扣权重 (parameters (步长 (type percent) (default 1%)) (扣分 (default 10%)) (上限)) (steps (step per_drop 步长 deduct (of_weight 扣分)) (until_zero)))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(define rule 低于目标扣权重(步长: percent = 1%, 扣分 = 10%, 上限) { per_drop 步长 deduct 扣分 weight, until_zero })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(定义 规则 低于目标扣权重（步长: 百分比 = 1%， 扣分 = 10%， 上限） { 每降低 步长 扣 扣分 权重, 扣完为止 })rubric") ==
        expected);
}

TEST_CASE("structure: a named rule without parameters", "[syntax][structure]") {
    const std::string expected = R"dump((define_rule 按时 (cases
  (when this.met full)
  (otherwise zero)))
)dump";
    CHECK(dump_in(place::rubric,
                  R"rubric(define rule 按时 { cases { when met: full, otherwise: zero } })rubric") ==
          expected);
    CHECK(dump_in(place::rubric, R"rubric(定义 规则 按时 { 情形 { 当 达标: 满分, 否则: 不得分 } })rubric") ==
          expected);
}

TEST_CASE("structure: level sets, categories and units", "[syntax][structure]") {
    const std::string expected = R"dump((levels 知晓程度 普遍知晓 基本知晓 不知晓)
(category 区县类别 主城各区 其他区县)
(units 床位 辆次)
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(levels 知晓程度 { 普遍知晓, 基本知晓, 不知晓, } category 区县类别 { 主城各区; 其他区县 } unit 床位, 辆次)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(档次 知晓程度 { 普遍知晓、 基本知晓、 不知晓、 } 类别 区县类别 { 主城各区； 其他区县 } 计量单位 床位， 辆次)rubric") ==
        expected);
}

TEST_CASE("structure: inputs of every type with their options", "[syntax][structure]") {
    const std::string expected =
        R"dump((input (执行率 percent) (预算数 amount 万元 "批复数" (range (>= 0))) (人数 count 人 (range [0, 100万人])) (人均 number 元/人) (系数 number) (健全 boolean (default true)) (完成日期 date (default 2019年6月30日)) (知晓 (level 知晓程度) (default 基本知晓)) (问题数 count 项 (default 0)) (偏差 number (default -5)))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(input 执行率: percent, 预算数: amount 万元 "批复数" range ≥ 0, 人数: count 人 range [0, 100万人], 人均: number 元/人, 系数: number, 健全: boolean default true, 完成日期: date default 2019年6月30日, 知晓: 知晓程度 default 基本知晓, 问题数: count 项 default 0, 偏差: number default -5)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(输入 执行率: 百分比, 预算数: 金额 万元 "批复数" 范围 ≥ 0, 人数: 计数 人 范围 [0, 100万人], 人均: 数值 元/人, 系数: 数值, 健全: 是否 缺省 是, 完成日期: 日期 缺省 2019年6月30日, 知晓: 知晓程度 缺省 基本知晓, 问题数: 计数 项 缺省 0, 偏差: 数值 缺省 -5)rubric") ==
        expected);
}

TEST_CASE("structure: the boolean alias and a date in ISO form", "[syntax][structure]") {
    const std::string expected = R"dump((input (甲 boolean (default false)) (乙 date (default 2020-12-31)))
)dump";
    CHECK(dump_in(place::rubric,
                  R"rubric(input 甲: boolean default false, 乙: date default 2020-12-31)rubric") == expected);
    CHECK(dump_in(place::rubric, R"rubric(输入 甲: 判断 缺省 不具备, 乙: 日期 缺省 2020-12-31)rubric") ==
          expected);
}

TEST_CASE("structure: groups and indicators nested, weights in points and shares", "[syntax][structure]") {
    const std::string expected = R"dump((group 产出 (weight 40)
  (group 数量 (weight 50%)
    (indicator 完成率 (weight 10.3)
      (value (/ 完成数 计划数)))
    (indicator "“三公经费”变动率" (weight 4分))))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(group 产出 weight 40 { group 数量 weight 50% { indicator 完成率 weight 10.3 { value 完成数 / 计划数 } indicator "“三公经费”变动率" weight 4分 { } } })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(分组 产出 权重 40 { 分组 数量 分值 50% { 指标 完成率 权重分 10.3 { 取值 完成数 / 计划数 } 指标 "“三公经费”变动率" 权重 4分 { } } })rubric") ==
        expected);
}

TEST_CASE("structure: weights by category of unit", "[syntax][structure]") {
    const std::string expected = R"dump((indicator 收入 (weight by 区县类别 (主城各区 10) (其他区县 8)))
)dump";
    CHECK(dump_in(place::rubric,
                  R"rubric(indicator 收入 weight by 区县类别 (主城各区: 10, 其他区县: 8) { })rubric") ==
          expected);
    CHECK(dump_in(place::rubric,
                  R"rubric(指标 收入 权重 依 区县类别 （主城各区： 10， 其他区县： 8） { })rubric") ==
          expected);
}

TEST_CASE("structure: every indicator clause", "[syntax][structure]") {
    const std::string expected = R"dump((text "实际值为100%得满分")
(explanation "支出进度率=实际支出/预算")
(note "自评")
(input (甲 percent))
(value 甲)
(target (= 100%))
(rule (proportional))
(not_applicable share)
(exempt "除政策性原因外" full)
(acknowledge W0501 "按原表")
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(text "实际值为100%得满分" explanation "支出进度率=实际支出/预算" note "自评" input 甲: percent value 甲 target = 100% rule proportional not_applicable share exempt "除政策性原因外" full acknowledge W0501 "按原表")rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(原文 "实际值为100%得满分" 指标解释 "支出进度率=实际支出/预算" 说明 "自评" 输入 甲: 百分比 取值 甲 目标 = 100% 规则 按比例 不适用 分给同级 豁免 "除政策性原因外" 满分 确认 W0501 "按原表")rubric") ==
        expected);
}

TEST_CASE("structure: the explanation alias, exempt without effect or to not applicable",
          "[syntax][structure]") {
    const std::string expected = R"dump((explanation "甲")
(exempt "乙")
(exempt "丙" not_applicable)
)dump";
    CHECK(dump_in(place::indicator,
                  R"rubric(explanation "甲" exempt "乙" exempt "丙" not_applicable)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(解释 "甲" 豁免 "乙" 豁免 "丙" 不适用)rubric") == expected);
}

TEST_CASE("structure: a value declared with its type and formula", "[syntax][structure]") {
    const std::string expected = R"dump((value (input 支出进度率 percent) (/ 实际支付进度 既定支付进度))
)dump";
    CHECK(dump_in(place::indicator,
                  R"rubric(value 支出进度率: percent = 实际支付进度 / 既定支付进度)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(取值 支出进度率: 百分比 = 实际支付进度 / 既定支付进度)rubric") ==
          expected);
}

TEST_CASE("structure: a value declared with its type only", "[syntax][structure]") {
    const std::string expected = R"dump((value (input 满意度 (level 满意程度)))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(value 满意度: 满意程度)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(取值 满意度: 满意程度)rubric") == expected);
}

TEST_CASE("structure: every form of target", "[syntax][structure]") {
    // One target per indicator (a second one is E0109).
    const char* const forms[][3] = {
        {"target supplied_by_unit", "目标 由单位填报", "(target supplied_by_unit)\n"},
        {"target \"健全\"", "目标 “健全”", "(target \"健全\")\n"},
        {"target [90%, 100%]", "目标 [90%, 100%]", "(target [90%, 100%])\n"},
        {"target >= supplied_by_unit", "目标 ≥ 由单位填报", "(target (>= supplied_by_unit))\n"},
        {"target ≥ 95%", "目标 ≥ 95%", "(target (>= 95%))\n"},
        {"target 100%", "目标 100%", "(target 100%)\n"},
        {"target 2019年6月30日", "目标 2019年6月30日", "(target 2019年6月30日)\n"},
        {"target (a + b) / 2", "目标 (a + b) / 2", "(target (/ (+ a b) 2))\n"},
    };
    for (const auto& [english, chinese, expected] : forms) {
        CHECK(dump_in(place::indicator, english) == expected);
        CHECK(dump_in(place::indicator, chinese) == expected);
    }
}

TEST_CASE("structure: items combined", "[syntax][structure]") {
    const std::string expected = R"dump((item 经济效益
  (text "甲")
  (value 收入)
  (target (>= 100万元))
  (rule (proportional)))
(item "社会效益（含生态）"
  (value 满意度)
  (rule (judged)))
(combine mean)
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(item 经济效益 { text "甲" value 收入 target ≥ 100万元 rule proportional } item "社会效益（含生态）" { value 满意度 rule judged } combine mean)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(分项 经济效益 { 原文 "甲" 取值 收入 目标 ≥ 100万元 规则 按比例 } 分项 "社会效益（含生态）" { 取值 满意度 规则 评定 } 汇总 平均)rubric") ==
        expected);
}

TEST_CASE("structure: every combination", "[syntax][structure]") {
    const char* const forms[][3] = {
        {"combine mean", "汇总 平均", "(combine mean)\n"},
        {"combine lowest", "汇总 最低", "(combine lowest)\n"},
        {"combine highest", "汇总 最高", "(combine highest)\n"},
        {"combine all_met", "汇总 全部达标", "(combine all_met)\n"},
        {"combine one_of chosen_by_unit", "汇总 择一 由单位选择", "(combine one_of chosen_by_unit)\n"},
        {"combine one_of chosen_by_evaluator", "汇总 择一 由评价人选择",
         "(combine one_of chosen_by_evaluator)\n"},
    };
    for (const auto& [english, chinese, expected] : forms) {
        CHECK(dump_in(place::indicator, english) == expected);
        CHECK(dump_in(place::indicator, chinese) == expected);
    }
}

TEST_CASE("structure: group clauses: text, inputs, not applicable, veto, acknowledge",
          "[syntax][structure]") {
    const std::string expected = R"dump((text "甲")
(note "乙")
(input (事故 boolean))
(not_applicable rescale)
(veto "发生重大事故" (when 事故) (zero_out))
(acknowledge W0409 "无总分")
)dump";
    CHECK(
        dump_in(
            place::group,
            R"rubric(text "甲" note "乙" input 事故: boolean not_applicable rescale veto "发生重大事故" when 事故: zero_out acknowledge W0409 "无总分")rubric") ==
        expected);
    CHECK(
        dump_in(
            place::group,
            R"rubric(原文 "甲" 说明 "乙" 输入 事故: 是否 不适用 折算 一票否决 "发生重大事故" 当 事故: 清零 确认 W0409 "无总分")rubric") ==
        expected);
}

TEST_CASE("structure: a veto that zeroes a named group or forces a grade", "[syntax][structure]") {
    const std::string expected = R"dump((veto (when (= 违纪 true)) (zero_out 产出.数量))
(veto "审计问题" (when (> 问题数 3)) (grade 差))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(veto when 违纪 = true: zero_out 产出.数量 veto "审计问题" when 问题数 > 3: grade 差)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(一票否决 当 违纪 = 是: 清零 产出.数量 一票否决 "审计问题" 当 问题数 > 3: 等级 差)rubric") ==
        expected);
}

TEST_CASE("structure: bonus and penalty blocks", "[syntax][structure]") {
    const std::string expected = R"dump((bonus 创新加分 (at_most 5分)
  (indicator 获奖 (weight 2)
    (rule (judged))))
(penalty "违规减分"
  (indicator 通报
    (rule (steps (step per_occurrence 1 deduct 1分)))))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(bonus 创新加分 at_most 5分 { indicator 获奖 weight 2 { rule judged } } penalty "违规减分" { indicator 通报 { rule per_occurrence 1 deduct 1分 } })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(加分项 创新加分 最多 5分 { 指标 获奖 权重 2 { 规则 评定 } } 减分项 "违规减分" { 指标 通报 { 规则 每发现 1 扣 1分 } })rubric") ==
        expected);
}

TEST_CASE("structure: bonus and penalty aliases", "[syntax][structure]") {
    const std::string expected = R"dump((bonus 甲)
(penalty 乙)
)dump";
    CHECK(dump_in(place::rubric, R"rubric(bonus 甲 { } penalty 乙 { })rubric") == expected);
    CHECK(dump_in(place::rubric, R"rubric(加分 甲 { } 减分 乙 { })rubric") == expected);
}

TEST_CASE("structure: overrides of an indicator and a group", "[syntax][structure]") {
    const std::string expected = R"dump((override (indicator 产出.数量.完成率 (weight 5)
  (rule (proportional))))
(override (group 效益))
)dump";
    CHECK(
        dump_in(
            place::rubric,
            R"rubric(override indicator 产出.数量.完成率 weight 5 { rule proportional } override group 效益 { })rubric") ==
        expected);
    CHECK(dump_in(place::rubric,
                  R"rubric(覆盖 指标 产出.数量.完成率 权重 5 { 规则 按比例 } 覆盖 分组 效益 { })rubric") ==
          expected);
}

TEST_CASE("structure: a note at rubric level", "[syntax][structure]") {
    const std::string expected = R"dump((note "说明文字")
)dump";
    CHECK(dump_in(place::rubric, R"rubric(note "说明文字")rubric") == expected);
    CHECK(dump_in(place::rubric, R"rubric(说明 "说明文字")rubric") == expected);
}

// names_test.cpp — golden tests of name resolution (names.cpp): every name refers to something declared,
// unknown names suggest the closest one, and what the checked file declares is used.
#include "check_report.hpp"

#include <catch2/catch.hpp>
#include <string>

using rubric::testing::check_report;

TEST_CASE("a rubric whose every name resolves reports nothing (Chinese keywords)", "[names]") {
    const std::string rubric = R"(评分表 "名称解析：干净的评分表" {
  来源 "测试用例"
  总分 10
  等级 { 优: [9, 10], 良: [6, 9), 差: [0, 6) }
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 总分 2位 四舍五入 }
  档次 知晓程度 { 普遍知晓, 未普遍知晓 }
  类别 区县类型 { 主城各区, 其他区县 }
  定义 规则 低于目标扣权重 (比例: 百分比 = 10%) { 每降低 1% 扣 比例 权重, 扣完为止 }
  输入 重大违纪: 是否
  一票否决 "发生重大违纪" 当 重大违纪: 等级 差
  分组 管理 权重 6 {
    指标 支出进度率 权重 4 {
      原文 "每降低1%扣权重分的10%"
      输入 实际支付进度: 百分比, 既定支付进度: 百分比
      取值 支出进度率: 百分比 = 实际支付进度 / 既定支付进度
      目标 = 100%
      规则 低于目标扣权重(比例 = 10%)
    }
    指标 制度健全性 权重 2 {
      原文 "具备要点1得50%权重分，具备要点2得50%权重分"
      规则 要点 { 1 "有制度": 50% 权重, 2 "可操作": 50% 权重 }
    }
  }
  分组 效果 权重 4 {
    指标 政策知晓率 权重 依 区县类型 (主城各区: 1, 其他区县: 3) {
      原文 "普遍知晓得满分"
      取值 政策知晓程度: 知晓程度
      目标 普遍知晓
      规则 按档次 { 普遍知晓: 满分, 未普遍知晓: 不得分 }
    }
    指标 宣传覆盖率 权重 依 区县类型 (主城各区: 3, 其他区县: 1) {
      原文 "按比例计分"
      取值 宣传覆盖率: 百分比
      规则 按比例
    }
  }
}
测试 "支出进度率" {
  给定 实际支付进度 = 95.4%, 既定支付进度 = 100%, 类别 区县类型 = 主城各区
  期望 得分 支出进度率 = 2分, 等级 = 良
}
测试 "要点" {
  给定 制度健全性.1 = 具备, 制度健全性.2 = 不具备
  期望 得分 管理.制度健全性 = 1分
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("a rubric whose every name resolves reports nothing (English keywords)", "[names]") {
    const std::string rubric = R"(rubric "names: a clean rubric" {
  source "test case"
  total 10
  grade { 优: [9, 10], 良: [6, 9), 差: [0, 6) }
  policy { step_counting started_steps  percent_steps percentage_points  round total 2 places half_up }
  levels 知晓程度 { 普遍知晓, 未普遍知晓 }
  category 区县类型 { 主城各区, 其他区县 }
  define rule 低于目标扣权重 (比例: percent = 10%) { per_drop 1% deduct 比例 weight, until_zero }
  input 重大违纪: boolean
  veto "发生重大违纪" when 重大违纪: grade 差
  group 管理 weight 6 {
    indicator 支出进度率 weight 4 {
      text "每降低1%扣权重分的10%"
      input 实际支付进度: percent, 既定支付进度: percent
      value 支出进度率: percent = 实际支付进度 / 既定支付进度
      target = 100%
      rule 低于目标扣权重(比例 = 10%)
    }
    indicator 制度健全性 weight 2 {
      text "具备要点1得50%权重分，具备要点2得50%权重分"
      rule checklist { 1 "有制度": 50% weight, 2 "可操作": 50% weight }
    }
  }
  group 效果 weight 4 {
    indicator 政策知晓率 weight by 区县类型 (主城各区: 1, 其他区县: 3) {
      text "普遍知晓得满分"
      value 政策知晓程度: 知晓程度
      target 普遍知晓
      rule by_level { 普遍知晓: full, 未普遍知晓: zero }
    }
    indicator 宣传覆盖率 weight by 区县类型 (主城各区: 3, 其他区县: 1) {
      text "按比例计分"
      value 宣传覆盖率: percent
      rule proportional
    }
  }
}
test "支出进度率" {
  given 实际支付进度 = 95.4%, 既定支付进度 = 100%, category 区县类型 = 主城各区
  expect score 支出进度率 = 2分, grade = 良
}
test "checklist" {
  given 制度健全性.1 = true, 制度健全性.2 = false
  expect score 管理.制度健全性 = 1分
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("an unknown input suggests the closest declared one, under a Chinese line (E0203, W0210)",
          "[names]") {
    const std::string rubric = R"(评分表 "未知输入" {
  来源 "测试"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  输入 预算数: 金额 万元, 执行数: 金额 万元
  指标 预算执行率 权重 4 {
    原文 "按比例计分"
    取值 执行数 / 预算书
    规则 按比例
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:6: warning[W0210]: input “预算数” is declared but no value, target, rule or veto reads it
    5 |   输入 预算数: 金额 万元, 执行数: 金额 万元
      |        ^^^^^^
test.rubric:8:14: error[E0203]: “预算书” is not a declared input
    8 |     取值 执行数 / 预算书
      |                   ^^^^^^
      = note: did you mean “预算数”?
)");
}

TEST_CASE("unknown named rules and parameters, missing and surplus arguments (E0206, E0207)", "[names]") {
    const std::string rubric = R"(rubric "named rules" {
  source "test"
  total 12
  policy { step_counting started_steps  percent_steps percentage_points  round total 2 places half_up }
  define rule 低于目标扣权重 (比例: percent = 10%, 步长: percent) { per_drop 步长 deduct 比例 weight, until_zero }
  define rule 高于目标扣分 { per_rise 1% deduct 扣分, until_zero }
  indicator 甲 weight 4 {
    text "t"
    value 甲率: percent
    target = 100%
    rule 低于目标扣权数(步长 = 1%)
  }
  indicator 乙 weight 4 {
    text "t"
    value 乙率: percent
    target = 100%
    rule 低于目标扣权重(步幅 = 1%)
  }
  indicator 丙 weight 4 {
    text "t"
    value 丙率: percent
    target = 100%
    rule 低于目标扣权重(10%, 1%, 2%)
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:6:15: warning[W0211]: named rule “高于目标扣分” is defined but no rule uses it
    6 |   define rule 高于目标扣分 { per_rise 1% deduct 扣分, until_zero }
      |               ^^^^^^^^^^^^
test.rubric:6:43: error[E0203]: “扣分” is not a declared input, nor a parameter of “高于目标扣分”
    6 |   define rule 高于目标扣分 { per_rise 1% deduct 扣分, until_zero }
      |                                                 ^^^^
test.rubric:11:10: error[E0206]: “低于目标扣权数” is not a named rule (定义 规则)
   11 |     rule 低于目标扣权数(步长 = 1%)
      |          ^^^^^^^^^^^^^^
      = note: did you mean “低于目标扣权重”?
test.rubric:17:10: error[E0207]: “低于目标扣权重” needs an argument for “步长”, which has no default
   17 |     rule 低于目标扣权重(步幅 = 1%)
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^
test.rubric:5:43: note: the parameter is declared here
    5 |   define rule 低于目标扣权重 (比例: percent = 10%, 步长: percent) { per_drop 步长 deduct 比例 weight, until_zero }
      |                                                    ^^^^
test.rubric:17:18: error[E0207]: “低于目标扣权重” has no parameter “步幅”
   17 |     rule 低于目标扣权重(步幅 = 1%)
      |                         ^^^^
test.rubric:5:15: note: “低于目标扣权重” is defined here
    5 |   define rule 低于目标扣权重 (比例: percent = 10%, 步长: percent) { per_drop 步长 deduct 比例 weight, until_zero }
      |               ^^^^^^^^^^^^^^
test.rubric:23:27: error[E0207]: too many arguments: “低于目标扣权重” takes 2
   23 |     rule 低于目标扣权重(10%, 1%, 2%)
      |                                  ^^
test.rubric:5:15: note: “低于目标扣权重” is defined here
    5 |   define rule 低于目标扣权重 (比例: percent = 10%, 步长: percent) { per_drop 步长 deduct 比例 weight, until_zero }
      |               ^^^^^^^^^^^^^^
)");
}

TEST_CASE("an argument given twice, and one missing (E0207)", "[names]") {
    const std::string rubric = R"(rubric "named rules" {
  source "test"
  total 4
  policy { step_counting started_steps  percent_steps percentage_points  round total 2 places half_up }
  define rule 低于目标扣权重 (比例: percent = 10%, 步长: percent) { per_drop 步长 deduct 比例 weight, until_zero }
  indicator 甲 weight 4 {
    text "t"
    value 甲率: percent
    target = 100%
    rule 低于目标扣权重(比例 = 20%, 比例 = 10%)
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:10:10: error[E0207]: “低于目标扣权重” needs an argument for “步长”, which has no default
   10 |     rule 低于目标扣权重(比例 = 20%, 比例 = 10%)
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
test.rubric:5:43: note: the parameter is declared here
    5 |   define rule 低于目标扣权重 (比例: percent = 10%, 步长: percent) { per_drop 步长 deduct 比例 weight, until_zero }
      |                                                    ^^^^
test.rubric:10:28: error[E0207]: “比例” is given twice
   10 |     rule 低于目标扣权重(比例 = 20%, 比例 = 10%)
      |                                     ^^^^^^^^^^
)");
}

TEST_CASE("named rules that use themselves, with the chain (E0208)", "[names]") {
    const std::string rubric = R"(评分表 "自我引用" {
  来源 "测试"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  定义 规则 甲规则 { 乙规则 }
  定义 规则 乙规则 { 甲规则 }
  定义 规则 自己 { 自己 }
  指标 甲 权重 4 { 原文 "t" 规则 甲规则 }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:5:15: error[E0208]: the named rule “乙规则” uses itself: 乙规则 → 甲规则 → 乙规则
    5 |   定义 规则 甲规则 { 乙规则 }
      |                      ^^^^^^
test.rubric:7:14: error[E0208]: the named rule “自己” uses itself: 自己 → 自己
    7 |   定义 规则 自己 { 自己 }
      |                    ^^^^
)");
}

TEST_CASE("named rules nested deeper than 16 (E0208)", "[names]") {
    const std::string rubric = R"(评分表 "太深" {
  来源 "测试"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  定义 规则 规则1 { 规则2 }
  定义 规则 规则2 { 规则3 }
  定义 规则 规则3 { 规则4 }
  定义 规则 规则4 { 规则5 }
  定义 规则 规则5 { 规则6 }
  定义 规则 规则6 { 规则7 }
  定义 规则 规则7 { 规则8 }
  定义 规则 规则8 { 规则9 }
  定义 规则 规则9 { 规则10 }
  定义 规则 规则10 { 规则11 }
  定义 规则 规则11 { 规则12 }
  定义 规则 规则12 { 规则13 }
  定义 规则 规则13 { 规则14 }
  定义 规则 规则14 { 规则15 }
  定义 规则 规则15 { 规则16 }
  定义 规则 规则16 { 规则17 }
  定义 规则 规则17 { 评定 }
  指标 甲 权重 4 { 原文 "t" 规则 规则1 }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:9: error[E0208]: the named rule “规则1” uses named rules 17 deep, more than the limit of 16: 规则1 → 规则2 → 规则3 → 规则4 → 规则5 → 规则6 → 规则7 → 规则8 → 规则9 → 规则10 → 规则11 → 规则12 → 规则13 → 规则14 → 规则15 → 规则16 → 规则17
    5 |   定义 规则 规则1 { 规则2 }
      |             ^^^^^
)");
}

TEST_CASE("unknown levels, in a target, a level map and a type (E0205)", "[names]") {
    const std::string rubric = R"(评分表 "档次" {
  来源 "测试"
  总分 6
  口径 { 舍入 总分 2位 四舍五入 }
  档次 知晓程度 { 普遍知晓, 基本知晓, 不知晓 }
  指标 政策知晓率 权重 3 {
    原文 "t"
    取值 政策知晓程度: 知晓程度
    目标 普遍知道
    规则 按档次 { 普遍知晓: 满分, 基本知道: 50% 权重, 否则: 不得分 }
  }
  指标 满意度 权重 3 {
    原文 "t"
    取值 满意程度: 满意度档次
    规则 评定
  }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:9:8: error[E0205]: “普遍知道” is not a level of “知晓程度”
    9 |     目标 普遍知道
      |          ^^^^^^^^
      = note: did you mean “普遍知晓”?
test.rubric:5:6: note: “知晓程度” is declared here
    5 |   档次 知晓程度 { 普遍知晓, 基本知晓, 不知晓 }
      |        ^^^^^^^^
test.rubric:10:24: error[E0205]: “基本知道” is not a level of “知晓程度”
   10 |     规则 按档次 { 普遍知晓: 满分, 基本知道: 50% 权重, 否则: 不得分 }
      |                                   ^^^^^^^^
      = note: did you mean “基本知晓”?
test.rubric:5:6: note: “知晓程度” is declared here
    5 |   档次 知晓程度 { 普遍知晓, 基本知晓, 不知晓 }
      |        ^^^^^^^^
test.rubric:14:14: error[E0205]: “满意度档次” is neither a type nor a declared level set (档次)
   14 |     取值 满意程度: 满意度档次
      |                    ^^^^^^^^^^
)");
}

TEST_CASE("unknown categories and category values, a weight map missing values (E0209, E0406)", "[names]") {
    const std::string rubric = R"(评分表 "类别" {
  来源 "测试"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  类别 区县类型 { 主城各区, 其他区县 }
  指标 农村宣传覆盖率 权重 依 区县类别 (主城各区: 1, 其他区县: 3) { 原文 "t" 规则 评定 }
  指标 城区宣传覆盖率 权重 依 区县类型 (主城区: 3) { 原文 "t" 规则 评定 }
}
测试 "类别" {
  给定 类别 区县类型 = 其它区县
  期望 总分 = 4
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:6:19: error[E0209]: “区县类别” is not a declared category (类别)
    6 |   指标 农村宣传覆盖率 权重 依 区县类别 (主城各区: 1, 其他区县: 3) { 原文 "t" 规则 评定 }
      |                               ^^^^^^^^
      = note: did you mean “区县类型”?
test.rubric:7:17: error[E0406]: the weight of “城区宣传覆盖率” by “区县类型” gives no weight for “主城各区”, “其他区县”
    7 |   指标 城区宣传覆盖率 权重 依 区县类型 (主城区: 3) { 原文 "t" 规则 评定 }
      |                            ^^^^^^^^^^^^^^^^^^^^^^^
test.rubric:5:6: note: “区县类型” is declared here
    5 |   类别 区县类型 { 主城各区, 其他区县 }
      |        ^^^^^^^^
test.rubric:7:25: error[E0209]: “主城区” is not a value of the category “区县类型”
    7 |   指标 城区宣传覆盖率 权重 依 区县类型 (主城区: 3) { 原文 "t" 规则 评定 }
      |                                         ^^^^^^
      = note: did you mean “主城各区”?
test.rubric:5:6: note: “区县类型” is declared here
    5 |   类别 区县类型 { 主城各区, 其他区县 }
      |        ^^^^^^^^
test.rubric:10:16: error[E0209]: “其它区县” is not a value of the category “区县类型”
   10 |   给定 类别 区县类型 = 其它区县
      |                        ^^^^^^^^
      = note: did you mean “其他区县”?
)");
}

TEST_CASE("unused inputs and definitions of every kind (W0210, W0211)", "[names]") {
    const std::string rubric = R"(评分表 "未用" {
  来源 "测试"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  计量单位 床位
  档次 好坏 { 好, 坏 }
  类别 区县类型 { 主城各区, 其他区县 }
  定义 规则 满分规则 { 评定 }
  输入 上年结转: 金额 万元, 本年结余: 金额 万元
  指标 资金结余 权重 4 {
    原文 "无结余得满分"
    规则 情形 { 当 本年结余 = 0: 满分, 否则: 不得分 }
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:5:8: warning[W0211]: unit “床位” is declared but no number or type is written in it
    5 |   计量单位 床位
      |            ^^^^
test.rubric:6:6: warning[W0211]: level set “好坏” is declared but no input has it as its type
    6 |   档次 好坏 { 好, 坏 }
      |        ^^^^
test.rubric:7:6: warning[W0211]: category “区县类型” is declared but no weight depends on it
    7 |   类别 区县类型 { 主城各区, 其他区县 }
      |        ^^^^^^^^
test.rubric:8:9: warning[W0211]: named rule “满分规则” is defined but no rule uses it
    8 |   定义 规则 满分规则 { 评定 }
      |             ^^^^^^^^
test.rubric:9:6: warning[W0210]: input “上年结转” is declared but no value, target, rule or veto reads it
    9 |   输入 上年结转: 金额 万元, 本年结余: 金额 万元
      |        ^^^^^^^^
)");
}

TEST_CASE("a rule that reads the value of an indicator without 取值 (E0213)", "[names]") {
    const std::string rubric = R"(评分表 "缺取值" {
  来源 "测试"
  总分 8
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 总分 2位 四舍五入 }
  定义 规则 低于目标扣权重 (比例: 百分比 = 10%) { 每降低 1% 扣 比例 权重, 扣完为止 }
  指标 支出进度率 权重 4 {
    原文 "每降低1%扣权重分的10%"
    目标 = 100%
    规则 每降低 1% 扣 10% 权重, 扣完为止
  }
  指标 预算完成率 权重 4 {
    原文 "每降低1%扣权重分的10%"
    目标 = 100%
    规则 低于目标扣权重
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:9:8: error[E0213]: this rule reads the value, but “支出进度率” has no 取值
    9 |     规则 每降低 1% 扣 10% 权重, 扣完为止
      |          ^^^^^^^^^^^^^^^^^^^^^
      = note: declare it with 取值 名称: 类型, or write 取值 and a formula
test.rubric:14:8: error[E0213]: this rule reads the value, but “预算完成率” has no 取值
   14 |     规则 低于目标扣权重
      |          ^^^^^^^^^^^^^^
      = note: declare it with 取值 名称: 类型, or write 取值 and a formula
)");
}

TEST_CASE("an indicator rule that reads the value of an item without 取值 (E0213)", "[names]") {
    const std::string rubric = R"(评分表 "分项" {
  来源 "测试"
  总分 4
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 总分 2位 四舍五入 }
  指标 效益 权重 4 {
    原文 "t"
    分项 经济效益 { 目标 = 100% }
    分项 社会效益 { 取值 政策知晓率: 百分比; 目标 = 100%; 规则 评定 }
    汇总 平均
    规则 每降低 1% 扣 10% 权重, 扣完为止
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:10:8: error[E0213]: this rule reads the value, but item “经济效益” of “效益” has no 取值
   10 |     规则 每降低 1% 扣 10% 权重, 扣完为止
      |          ^^^^^^^^^^^^^^^^^^^^^
      = note: declare it with 取值 名称: 类型, or write 取值 and a formula
)");
}

TEST_CASE(
    "unknown grades, a veto zeroing an indicator, unknown and ambiguous paths (E0216, E0802, E0204, E0214)",
    "[names]") {
    const std::string rubric = R"(评分表 "路径" {
  来源 "测试"
  总分 4
  等级 { 优: [3, 4], 差: [0, 3) }
  口径 { 舍入 总分 2位 四舍五入 }
  输入 重大违纪: 是否, 重大事故: 是否
  一票否决 "重大违纪" 当 重大违纪: 等级 很差
  一票否决 "重大事故" 当 重大事故: 清零 部门管理.制度健全性
  分组 部门管理 权重 2 {
    指标 制度健全性 权重 2 { 原文 "t" 规则 评定 }
  }
  分组 部门效果 权重 2 {
    指标 制度健全性 权重 2 { 原文 "t" 规则 评定 }
  }
}
测试 "路径" {
  给定 评定 制度健全性 = 2分
  期望 得分 部门效果.制度健全 = 2分, 等级 = 忧
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:7:26: error[E0216]: “很差” is not a grade of the grade table (等级)
    7 |   一票否决 "重大违纪" 当 重大违纪: 等级 很差
      |                                         ^^^^
test.rubric:8:26: error[E0802]: a veto zeroes a group, and “部门管理.制度健全性” is an indicator
    8 |   一票否决 "重大事故" 当 重大事故: 清零 部门管理.制度健全性
      |                                         ^^^^^^^^^^^^^^^^^^^
test.rubric:10:8: note: declared here
   10 |     指标 制度健全性 权重 2 { 原文 "t" 规则 评定 }
      |          ^^^^^^^^^^
test.rubric:17:9: error[E0214]: “制度健全性” names 2 nodes; write more of its path
   17 |   给定 评定 制度健全性 = 2分
      |             ^^^^^^^^^^
test.rubric:10:8: note: “部门管理.制度健全性”
   10 |     指标 制度健全性 权重 2 { 原文 "t" 规则 评定 }
      |          ^^^^^^^^^^
test.rubric:13:8: note: “部门效果.制度健全性”
   13 |     指标 制度健全性 权重 2 { 原文 "t" 规则 评定 }
      |          ^^^^^^^^^^
test.rubric:18:9: error[E0204]: there is no indicator or group “部门效果.制度健全”
   18 |   期望 得分 部门效果.制度健全 = 2分, 等级 = 忧
      |             ^^^^^^^^^^^^^^^^^
      = note: did you mean “部门效果.制度健全性”?
test.rubric:18:30: error[E0216]: “忧” is not a grade of the grade table (等级)
   18 |   期望 得分 部门效果.制度健全 = 2分, 等级 = 忧
      |                                             ^^
)");
}

TEST_CASE("duplicate checklist labels and item names, an unknown checklist item (E0217, E0203)", "[names]") {
    const std::string rubric = R"(rubric "labels" {
  source "test"
  total 5
  policy { round total 2 places half_up }
  indicator 资产管理 weight 3 {
    text "t"
    rule checklist each 1分 { 1 "保存完整", 2 "配置合理", 2 "处置规范" }
  }
  indicator 数量 weight 2 {
    text "t"
    item 电子屏 { value 电子屏完成率: percent; target = 100%; rule judged }
    item 电子屏 { value 专家完成率: percent; target = 100%; rule judged }
    combine mean
  }
}
test "labels" {
  given 资产管理.3 = true
  expect score 数量 = 2分
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:7:50: error[E0217]: the checklist has two items labelled “2”
    7 |     rule checklist each 1分 { 1 "保存完整", 2 "配置合理", 2 "处置规范" }
      |                                                           ^
test.rubric:7:40: note: first labelled here
    7 |     rule checklist each 1分 { 1 "保存完整", 2 "配置合理", 2 "处置规范" }
      |                                             ^
test.rubric:12:10: error[E0217]: “数量” has two items named “电子屏”
   12 |     item 电子屏 { value 专家完成率: percent; target = 100%; rule judged }
      |          ^^^^^^
test.rubric:11:10: note: first named here
   11 |     item 电子屏 { value 电子屏完成率: percent; target = 100%; rule judged }
      |          ^^^^^^
test.rubric:17:9: error[E0203]: “资产管理” has no checklist item “3”
   17 |   given 资产管理.3 = true
      |         ^^^^^^^^^^
)");
}

TEST_CASE("a parameter and an input declared twice (E0201, E0202)", "[names]") {
    const std::string rubric = R"(rubric "parameters" {
  source "test"
  total 4
  policy { step_counting started_steps  percent_steps percentage_points  round total 2 places half_up }
  input 预算数: amount 万元, 预算数: amount 元
  define rule 低于目标扣权重 (比例: percent = 10%, 比例: percent = 20%) { per_drop 1% deduct 比例 weight, until_zero }
  indicator 支出进度率 weight 4 {
    text "t"
    value 支出进度率: percent = 预算数 / 预算数
    target = 100%
    rule 低于目标扣权重
  }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:5:25: error[E0202]: input “预算数” is declared twice
    5 |   input 预算数: amount 万元, 预算数: amount 元
      |                              ^^^^^^
test.rubric:5:9: note: first declared here
    5 |   input 预算数: amount 万元, 预算数: amount 元
      |         ^^^^^^
test.rubric:6:43: error[E0201]: parameter “比例” of “低于目标扣权重” is declared twice
    6 |   define rule 低于目标扣权重 (比例: percent = 10%, 比例: percent = 20%) { per_drop 1% deduct 比例 weight, until_zero }
      |                                                    ^^^^
test.rubric:6:24: note: first declared here
    6 |   define rule 低于目标扣权重 (比例: percent = 10%, 比例: percent = 20%) { per_drop 1% deduct 比例 weight, until_zero }
      |                               ^^^^
)");
}

TEST_CASE("an argument of a named rule is a constant or a name, not a formula (E0207)", "[names][limits]") {
    const std::string rubric = R"(评分表 "实参" {
  来源 "测试"
  总分 4
  口径 { 计步 按起算步数 百分比步长 按百分点 舍入 总分 2位 四舍五入 }
  定义 规则 扣分 (比例: 百分比 = 5% * 2) { 每降低 1% 扣 比例 权重, 扣完为止 }
  指标 甲 权重 4 { 原文 "t" 取值 x: 百分比 目标 = 100% 规则 扣分(比例 = -(10% + 5%)) }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:23: error[E0207]: an argument of a named rule is a constant or a name, not a formula: compute the formula as a value (`取值 名称: 类型 = 公式`) and pass its name, or write it inside the rule
    5 |   定义 规则 扣分 (比例: 百分比 = 5% * 2) { 每降低 1% 扣 比例 权重, 扣完为止 }
      |                                  ^^^^^^
test.rubric:6:48: error[E0207]: an argument of a named rule is a constant or a name, not a formula: compute the formula as a value (`取值 名称: 类型 = 公式`) and pass its name, or write it inside the rule
    6 |   指标 甲 权重 4 { 原文 "t" 取值 x: 百分比 目标 = 100% 规则 扣分(比例 = -(10% + 5%)) }
      |                                                                  ^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("named rules that multiply when written out stop at the limit (E0219)", "[names][limits]") {
    // Seven rules, each using the next in ten bands: 10^6 copies of the last when written out.
    std::string rubric = "评分表 \"倍增\" {\n  来源 \"测试\"\n  总分 4\n";
    for (int level = 1; level <= 6; ++level) {
        const std::string next = "{ 规则" + std::to_string(level + 1) + " }";
        rubric += "  定义 规则 规则" + std::to_string(level) + " { 分档 { < 10%: " + next;
        for (int band = 1; band < 9; ++band)
            rubric +=
                ", [" + std::to_string(band * 10) + "%, " + std::to_string(band * 10 + 10) + "%): " + next;
        rubric += ", ≥ 90%: " + next + " } }\n";
    }
    rubric += "  定义 规则 规则7 { 按比例 }\n  指标 甲 权重 4 { 原文 \"t\" 取值 x: 百分比 规则 规则1 }\n}\n";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:11:35: error[E0219]: with every named rule written out where it is used, this rubric's rules come to more than 4194304 bytes, the limit; “规则1” passes it here
   11 |   指标 甲 权重 4 { 原文 "t" 取值 x: 百分比 规则 规则1 }
      |                                                 ^^^^^
)");
}

TEST_CASE("a chain of a thousand named rules is an error, not a stack overflow (E0208)", "[names][limits]") {
    std::string rubric = "评分表 \"长链\" {\n  来源 \"测试\"\n  总分 4\n";
    for (int i = 1; i < 1000; ++i)
        rubric += "  定义 规则 r" + std::to_string(i) + " { r" + std::to_string(i + 1) + " }\n";
    rubric += "  定义 规则 r1000 { 评定 }\n  指标 甲 权重 4 { 原文 \"t\" 规则 r1 }\n}\n";
    const std::string report = check_report(rubric);
    CHECK(
        report.substr(0, report.find('\n')) ==
        "test.rubric:4:9: error[E0208]: the named rule “r1” uses named rules more than 64 deep, more than "
        "the "
        "limit of 16: r1 → r2 → r3 → r4 → r5 → r6 → r7 → r8 → r9 → r10 → r11 → r12 → r13 → r14 → r15 → r16 → "
        "r17 → r18 → r19 → r20 → r21 → r22 → r23 → r24 → r25 → r26 → r27 → r28 → r29 → r30 → r31 → r32 → r33 "
        "→ "
        "r34 → r35 → r36 → r37 → r38 → r39 → r40 → r41 → r42 → r43 → r44 → r45 → r46 → r47 → r48 → r49 → r50 "
        "→ r51 → r52 → r53 → r54 → r55 → r56 → r57 → r58 → r59 → r60 → r61 → r62 → r63 → r64 → r65 → …");
}

// weights_test.cpp — golden tests of the weights pass (weights.cpp): children add up to their group, the top
// level to the total, shares to 100%, per category of unit; the header and 原文; the grade table.
#include "check_report.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

using rubric::testing::check_report;

TEST_CASE("a table whose weights, shares, category weights and grades add up reports nothing", "[weights]") {
    const std::string rubric = R"(rubric "weights: a clean table" {
  issuer "财政部"
  source "财预〔2020〕10号"
  total 100
  grade { 优: ≥ 90, 良: [80, 90), 中: [60, 80), 差: < 60 }
  policy { round total 2 places half_up }
  category 区县类型 { 主城各区, 其他区县 }
  group 投入 weight 20 {
    group 预算配置 weight 75% {
      indicator 在职人员控制率 weight 5 { text "t" rule judged }
      indicator 重点支出安排率 weight 10 { text "t" rule judged }
    }
    group 目标设定 weight 25% {
      indicator 绩效目标合理性 weight 2.7 { text "t" rule judged }
      indicator 绩效指标明确性 weight 2.3 { text "t" rule judged }
    }
  }
  group 过程 {
    indicator 预算编制 weight 10.3 { text "t" rule judged }
    indicator 预算执行 weight 9.7 { text "t" rule judged }
  }
  group 产出 weight 56 {
    indicator 农村宣传覆盖率 weight by 区县类型 (主城各区: 1, 其他区县: 3) { text "t" rule judged }
    indicator 城区宣传覆盖率 weight by 区县类型 (主城各区: 3, 其他区县: 1) { text "t" rule judged }
    indicator 数量 weight 52 { text "t" rule judged }
  }
  indicator 满意度 weight 4 { text "t" rule judged }
  bonus 附加分 at_most 5分 {
    indicator 获得表彰 weight 5 { text "t" rule judged }
  }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("children that do not add up to their group, fractional weights added exactly (E0401)",
          "[weights]") {
    const std::string rubric = R"(评分表 "权重之和" {
  来源 "测试"
  总分 25
  口径 { 舍入 总分 2位 四舍五入 }
  分组 投入 权重 20 {
    指标 预算编制 权重 10.3 { 原文 "t" 规则 评定 }
    指标 预算执行 权重 9.3 { 原文 "t" 规则 评定 }
  }
  分组 目标设定 权重 5 {
    指标 绩效目标合理性 权重 2.8 { 原文 "t" 规则 评定 }
    指标 绩效指标明确性 权重 2.3 { 原文 "t" 规则 评定 }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:6: error[E0401]: the children of “投入” add up to 19.6, but its weight is 20 (0.4 short)
    5 |   分组 投入 权重 20 {
      |        ^^^^
      = note: 10.3 + 9.3 = 19.6
test.rubric:9:6: error[E0401]: the children of “目标设定” add up to 5.1, but its weight is 5 (0.1 over)
    9 |   分组 目标设定 权重 5 {
      |        ^^^^^^^^
      = note: 2.8 + 2.3 = 5.1
)");
}

TEST_CASE("a top level that does not add up to the declared total (E0402)", "[weights]") {
    const std::string rubric = R"(rubric "top level" {
  source "test"
  total 100
  policy { round total 2 places half_up }
  group 部门管理 { indicator 预算执行率 weight 40 { text "t" rule judged } }
  group 部门产出 { indicator 重点工作完成率 weight 40 { text "t" rule judged } }
  indicator 群众满意度 weight 15 { text "t" rule judged }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:3:3: error[E0402]: the top-level nodes add up to 95, but the total is 100 (5 short)
    3 |   total 100
      |   ^^^^^^^^^
      = note: 40 + 40 + 15 = 95
)");
}

TEST_CASE("an indicator without a weight (E0403)", "[weights]") {
    const std::string rubric = R"(评分表 "缺权重" {
  来源 "测试"
  总分 10
  口径 { 舍入 总分 2位 四舍五入 }
  分组 产出 权重 10 {
    指标 数量 权重 6 { 原文 "t" 规则 评定 }
    指标 质量 { 原文 "t" 规则 评定 }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:7:8: error[E0403]: indicator “质量” has no weight; write 权重 and its points after the name
    7 |     指标 质量 { 原文 "t" 规则 评定 }
      |          ^^^^
)");
}

TEST_CASE("shares of siblings that do not add up to 100% (E0404)", "[weights]") {
    const std::string rubric = R"(评分表 "份额" {
  来源 "测试"
  总分 20
  口径 { 舍入 总分 2位 四舍五入 }
  分组 投入 权重 20 {
    分组 预算配置 权重 75% {
      指标 在职人员控制率 权重 5 { 原文 "t" 规则 评定 }
      指标 重点支出安排率 权重 10 { 原文 "t" 规则 评定 }
    }
    分组 目标设定 权重 20% {
      指标 绩效目标合理性 权重 2.7 { 原文 "t" 规则 评定 }
      指标 绩效指标明确性 权重 1.3 { 原文 "t" 规则 评定 }
    }
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:5:6: error[E0404]: the shares of the children of “投入” add up to 95%, not 100%
    5 |   分组 投入 权重 20 {
      |        ^^^^
      = note: 75% + 20% = 95%
)");
}

TEST_CASE("shares of a group that has no weight (E0404)", "[weights]") {
    const std::string rubric = R"(rubric "shares of nothing" {
  source "test"
  total 20
  policy { round total 2 places half_up }
  group 投入 {
    indicator 预算配置 weight 75% { text "t" rule judged }
    indicator 目标设定 weight 25% { text "t" rule judged }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:9: error[E0404]: “投入” has no weight of its own, so shares of it (20%) mean nothing; give it a weight in points
    5 |   group 投入 {
      |         ^^^^
)");
}

TEST_CASE("siblings mixing points and shares (E0405)", "[weights]") {
    const std::string rubric = R"(评分表 "混用" {
  来源 "测试"
  总分 20
  口径 { 舍入 总分 2位 四舍五入 }
  分组 投入 权重 20 {
    指标 预算配置 权重 15 { 原文 "t" 规则 评定 }
    指标 目标设定 权重 25% { 原文 "t" 规则 评定 }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:7:8: error[E0405]: “目标设定” is weighted as a share of its group, but “预算配置” beside it in points; weight all of them one way
    7 |     指标 目标设定 权重 25% { 原文 "t" 规则 评定 }
      |          ^^^^^^^^
test.rubric:6:8: note: “预算配置” is weighted in points here
    6 |     指标 预算配置 权重 15 { 原文 "t" 规则 评定 }
      |          ^^^^^^^^
)");
}

TEST_CASE("category weights that add up for one category value and not another (E0406)", "[weights]") {
    const std::string rubric = R"(评分表 "依类别" {
  来源 "测试"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  类别 区县类型 { 主城各区, 其他区县 }
  分组 宣传 权重 4 {
    指标 农村宣传覆盖率 权重 依 区县类型 (主城各区: 1, 其他区县: 3) { 原文 "t" 规则 评定 }
    指标 城区宣传覆盖率 权重 依 区县类型 (主城各区: 3, 其他区县: 2) { 原文 "t" 规则 评定 }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:6:6: error[E0406]: for units of 区县类型 “其他区县”, the children of “宣传” add up to 5, but its weight is 4 (1 over)
    6 |   分组 宣传 权重 4 {
      |        ^^^^
      = note: 3 + 2 = 5
)");
}

TEST_CASE("weights that are zero or not in points (E0407)", "[weights]") {
    const std::string rubric = R"(rubric "weights" {
  source "test"
  total 8
  policy { round total 2 places half_up }
  indicator 甲 weight 0 { text "t" rule judged }
  indicator 乙 weight 4元 { text "t" rule judged }
  group 丙 weight 4 {
    indicator 丁 weight 0% { text "t" rule judged }
    indicator 戊 weight 100% { text "t" rule judged }
  }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:5:22: error[E0407]: a weight must be above 0; this one is 0
    5 |   indicator 甲 weight 0 { text "t" rule judged }
      |                       ^
test.rubric:6:23: error[E0407]: a weight is written in points (4, 4分) or as a share of the parent (20%), not in 元
    6 |   indicator 乙 weight 4元 { text "t" rule judged }
      |                        ^^
test.rubric:8:24: error[E0407]: a weight must be above 0; this one is 0%
    8 |     indicator 丁 weight 0% { text "t" rule judged }
      |                         ^^
)");
}

TEST_CASE("an empty group and an empty bonus block with a zero cap (E0408, E0414)", "[weights]") {
    const std::string rubric = R"(评分表 "空分组" {
  来源 "测试"
  总分 10
  口径 { 舍入 总分 2位 四舍五入 }
  分组 产出 权重 10 { }
  加分 附加分 最多 0分 { }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:5:6: error[E0408]: group “产出” has no indicators
    5 |   分组 产出 权重 10 { }
      |        ^^^^
test.rubric:6:6: error[E0408]: 加分 “附加分” has no indicators
    6 |   加分 附加分 最多 0分 { }
      |        ^^^^^^
test.rubric:6:13: error[E0414]: the cap of “附加分” must be points above 0, such as 5分; this one is 0分
    6 |   加分 附加分 最多 0分 { }
      |                    ^^^
)");
}

TEST_CASE("no total, no source, no published text (W0409, W0411, W0410)", "[weights]") {
    const std::string rubric = R"(rubric "no header" {
  policy { round total 2 places half_up }
  indicator 支出进度率 weight 100 { rule judged }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:1:8: warning[W0409]: no total (总分) is declared; assuming 100
    1 | rubric "no header" {
      |        ^^^^^^^^^^^
test.rubric:1:8: warning[W0411]: the table does not say where it is published; add 来源 "…" naming the document
    1 | rubric "no header" {
      |        ^^^^^^^^^^^
test.rubric:3:13: warning[W0410]: indicator “支出进度率” has no 原文; keep the rule as published beside it: 原文 "…"
    3 |   indicator 支出进度率 weight 100 { rule judged }
      |             ^^^^^^^^^^
)");
}

TEST_CASE("grade bands with gaps, the bonus above the total, and an overlap (E0412, E0413)", "[weights]") {
    const std::string rubric = R"(评分表 "等级" {
  来源 "测试"
  总分 100
  等级 { 优: [90, 100], 良: [80, 90], 中: [70, 80), 差: [0, 60) }
  口径 { 舍入 总分 2位 四舍五入 }
  指标 甲 权重 100 { 原文 "t" 规则 评定 }
  加分 附加分 最多 5分 {
    指标 获得表彰 权重 5 { 原文 "t" 规则 评定 }
  }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:4:3: error[E0412]: the grade table gives no grade to [60, 70)
    4 |   等级 { 优: [90, 100], 良: [80, 90], 中: [70, 80), 差: [0, 60) }
      |   ^^^^
      = note: every total in [0, 105] needs exactly one grade
test.rubric:4:3: error[E0412]: the grade table gives no grade to (100, 105]
    4 |   等级 { 优: [90, 100], 良: [80, 90], 中: [70, 80), 差: [0, 60) }
      |   ^^^^
      = note: every total in [0, 105] needs exactly one grade
test.rubric:4:22: error[E0413]: grades “优” and “良” overlap: a total of 90 would get both
    4 |   等级 { 优: [90, 100], 良: [80, 90], 中: [70, 80), 差: [0, 60) }
      |                         ^^
test.rubric:4:8: note: “优” is here
    4 |   等级 { 优: [90, 100], 良: [80, 90], 中: [70, 80), 差: [0, 60) }
      |          ^^
)");
}

TEST_CASE("the Hebei rubric (seed 004) checks clean", "[weights]") {
    std::ifstream file(RUBRIC_SOURCE_DIR "/rubrics/hebei/dachang-2020.rubric");
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    CHECK(check_report(text.str()) == "");
}

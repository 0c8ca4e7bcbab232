// files_test.cpp — the kinds of file, imports, and tests written beside a rubric (sections 1 and 6).
#include "parse_support.hpp"

#include <catch2/catch.hpp>
#include <string>

using rubric::testing::dump_in;
using rubric::testing::place;

// Each construct is written with English keywords, then with Chinese keywords: both parse to the same tree.

TEST_CASE("file: a test with every given and expectation", "[syntax][files]") {
    const std::string expected = R"dump((test "满分的情形"
  (given
    (= 执行数 95)
    (target 支出进度率 100%)
    (not_applicable 产出.数量)
    (judged 满意度 3 "抽查结果")
    (exempt 效益 "政策性原因")
    (choose 效益 经济效益)
    (category 区县类别 主城各区)
    (= 财务管理.1 true))
  (expect
    (score 支出进度率 4)
    (subtotal 产出 40分)
    (value 支出进度率 95.4%)
    (total 91)
    (grade 优)
    (error "缺少取值")))
)dump";
    CHECK(
        dump_in(
            place::tests,
            R"rubric(test "满分的情形" { given 执行数 = 95, target 支出进度率 = 100%, not_applicable 产出.数量, judged 满意度 = 3 "抽查结果", exempt 效益 "政策性原因", choose 效益 = 经济效益, category 区县类别 = 主城各区, 财务管理.1 = true; expect score 支出进度率 = 4, subtotal 产出 = 40分, value 支出进度率 = 95.4%, total = 91, grade = 优, error "缺少取值" })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::tests,
            R"rubric(测试 "满分的情形" { 给定 执行数 = 95, 目标 支出进度率 = 100%, 不适用 产出.数量, 评定 满意度 = 3 "抽查结果", 豁免 效益 "政策性原因", 选择 效益 = 经济效益, 类别 区县类别 = 主城各区, 财务管理.1 = 是； 期望 得分 支出进度率 = 4, 小计 产出 = 40分, 取值 支出进度率 = 95.4%, 总分 = 91, 等级 = 优, 报错 "缺少取值" })rubric") ==
        expected);
}

TEST_CASE("file: test values: bounds, dates, negatives, levels", "[syntax][files]") {
    const std::string expected = R"dump((test "值"
  (given
    (= 长度 (>= 266米))
    (= 完成日期 2019年6月30日)
    (= 偏差 -5)
    (= 知晓 普遍知晓)
    (= 健全 false)))
)dump";
    CHECK(
        dump_in(
            place::tests,
            R"rubric(test "值" { given 长度 = ≥266米, 完成日期 = 2019年6月30日, 偏差 = -5, 知晓 = 普遍知晓, 健全 = false })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::tests,
            R"rubric(测试 "值" { 给定 长度 = ≥266米, 完成日期 = 2019年6月30日, 偏差 = -5, 知晓 = 普遍知晓, 健全 = 否 })rubric") ==
        expected);
}

TEST_CASE("file: a table of cases", "[syntax][files]") {
    const std::string expected = R"dump((test "表"
  (table
    (columns (input 执行数) (target 支出进度率) (not_applicable 甲) (judged 乙) (score 支出进度率) (subtotal 组) (value 支出进度率) total grade error)
    (row 95 100% - 3 4 - 95% 91 优 "无")
    (row 90 (>= 90%) true - 3.5分 40 - 80 良 -)))
)dump";
    CHECK(
        dump_in(
            place::tests,
            R"rubric(test "表" { table { | 执行数 | target 支出进度率 | not_applicable 甲 | judged 乙 | score 支出进度率 | subtotal 组 | value 支出进度率 | total | grade | error |
  | 95 | 100% | - | 3 | 4 | - | 95% | 91 | 优 | "无" |
  | 90 | ≥ 90% | true | - | 3.5分 | 40 | - | 80 | 良 | - | } })rubric") == expected);
    CHECK(
        dump_in(
            place::tests,
            R"rubric(测试 "表" { 表格 { | 执行数 | 目标 支出进度率 | 不适用 甲 | 评定 乙 | 得分 支出进度率 | 小计 组 | 取值 支出进度率 | 总分 | 等级 | 报错 |
  | 95 | 100% | - | 3 | 4 | - | 95% | 91 | 优 | "无" |
  | 90 | ≥ 90% | 是 | - | 3.5分 | 40 | - | 80 | 良 | - | } })rubric") == expected);
}

TEST_CASE("file: a test suite in its own file", "[syntax][files]") {
    const std::string expected = R"dump((tests "dachang-2020.rubric"
  (test "甲"
    (expect
      (total 100)))
  (test "乙"))
)dump";
    CHECK(
        dump_in(
            place::file,
            R"rubric(tests for "dachang-2020.rubric" { test "甲" { expect total = 100 } test "乙" { } })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::file,
            R"rubric(测试集 针对 "dachang-2020.rubric" { 测试 "甲" { 期望 总分 = 100 } 测试 "乙" { } })rubric") ==
        expected);
}

TEST_CASE("file: imports, a template extending another, tests after it", "[syntax][files]") {
    const std::string expected = R"dump((import "../hebei/common.rubric" (as hebei))
(import "units.rubric")
(template "省模板" (extends "national.rubric")
  (indicator 甲 (weight 4)
    (rule (pending)))
  (test "t"))
)dump";
    CHECK(
        dump_in(
            place::file,
            R"rubric(import "../hebei/common.rubric" as hebei import "units.rubric"; template "省模板" extends "national.rubric" { indicator 甲 weight 4 { rule pending } } test "t" { })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::file,
            R"rubric(导入 "../hebei/common.rubric" 作为 hebei 导入 "units.rubric"； 模板 "省模板" 基于 "national.rubric" { 指标 甲 权重 4 { 规则 待定 } } 测试 "t" { })rubric") ==
        expected);
}

TEST_CASE("file: a library", "[syntax][files]") {
    const std::string expected = R"dump((library "河北通用规则"
  (issuer "河北省财政厅")
  (year 2020)
  (note "通用")
  (define_rule 按时 (judged))
  (levels 好坏 好 坏)
  (category 类 甲)
  (units 床位)
  (acknowledge W0211 "备用"))
)dump";
    CHECK(
        dump_in(
            place::file,
            R"rubric(library "河北通用规则" { issuer "河北省财政厅" year 2020 note "通用" define rule 按时 { judged } levels 好坏 { 好, 坏 } category 类 { 甲 } unit 床位 acknowledge W0211 "备用" })rubric") ==
        expected);
    CHECK(
        dump_in(
            place::file,
            R"rubric(规则库 "河北通用规则" { 发布机关 "河北省财政厅" 年度 2020 说明 "通用" 定义 规则 按时 { 评定 } 档次 好坏 { 好, 坏 } 类别 类 { 甲 } 计量单位 床位 确认 W0211 "备用" })rubric") ==
        expected);
}

TEST_CASE("file: a rubric extending another, with a title over several strings", "[syntax][files]") {
    const std::string expected = R"dump((rubric "2020年部门整体" (extends "template.rubric"))
)dump";
    CHECK(dump_in(place::file, R"rubric(rubric "2020年" "部门整体" extends "template.rubric" { })rubric") ==
          expected);
    CHECK(dump_in(place::file, R"rubric(评分表 "2020年" “部门整体” 基于 "template.rubric" { })rubric") ==
          expected);
}

// expression_test.cpp — expressions (section 5): precedence, associativity, literals; and the byte ranges the
// parser gives nodes.
#include "parse_support.hpp"

#include <boost/variant/get.hpp>
#include <catch2/catch.hpp>
#include <string>

using rubric::testing::dump_in;
using rubric::testing::parse_text;
using rubric::testing::place;
namespace ast = rubric::ast;

TEST_CASE("expression: precedence: or, and, not, comparison, sum, product", "[syntax][expression]") {
    const std::string expected = R"dump((value (or a (and b (not (>= c (+ d (* e f)))))))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(value a or b and not c >= d + e * f)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(取值 a 或 b 且 非 c ≥ d + e × f)rubric") == expected);
}

TEST_CASE("expression: chains are left-associative", "[syntax][expression]") {
    const std::string expected = R"dump((value (- (- a b) (/ (/ c d) e)))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(value a - b - c / d / e)rubric") == expected);
    CHECK(dump_in(place::indicator, R"rubric(取值 a - b - c ÷ d ÷ e)rubric") == expected);
}

TEST_CASE("expression: signs, parentheses and calls", "[syntax][expression]") {
    const std::string expected =
        R"dump((value (+ (+ (* (- (+ a (+ b))) (min a 2 (max b 3))) (abs (- 1))) (round (/ x y) 2 half_up)))
)dump";
    CHECK(dump_in(
              place::indicator,
              R"rubric(value -(a + +b) * min(a, 2, max(b, 3)) + abs(-1) + round(x / y, 2, half_up))rubric") ==
          expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(取值 -（a + +b） * 最小值(a, 2, 最大值(b, 3)) + 绝对值(-1) + round(x / y, 2, 四舍五入))rubric") ==
        expected);
}

TEST_CASE("expression: words for this indicator's value, target, weight and whether it is met",
          "[syntax][expression]") {
    const std::string expected =
        R"dump((value (or (and this.met (>= this.value this.target)) (> this.weight 2)))
)dump";
    CHECK(dump_in(place::indicator, R"rubric(value met and value >= target or weight > 2)rubric") ==
          expected);
    CHECK(dump_in(place::indicator, R"rubric(取值 达标 且 取值 >= 目标 或 权重 > 2)rubric") == expected);
}

TEST_CASE("expression: literals: dates, quantities with units, booleans, dotted names",
          "[syntax][expression]") {
    const std::string expected =
        R"dump((value (+ (+ (+ (+ (+ (+ (- 2019-06-30 2019年1月1日) 1.8067万人) 220元/人) 3‰) 1个百分点) true) 河北.标准.1))
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(value 2019-06-30 - 2019年1月1日 + 1.8067万人 + 220元/人 + 3‰ + 1个百分点 + true + 河北.标准.1)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(取值 2019-06-30 - 2019年1月1日 + 1.8067万人 + 220元/人 + 3‰ + 1个百分点 + 是 + 河北.标准.1)rubric") ==
        expected);
}

TEST_CASE("expression: every comparison operator", "[syntax][expression]") {
    const std::string expected =
        R"dump((value (and (and (and (and (and (and (and (and (and (and (and (>= a 1) (>= a 1)) (<= a 2)) (<= a 2)) (!= a 3)) (!= a 3)) (= a 4)) (= a 4)) (> a 5)) (> a 5)) (< a 6)) (< a 6)))
)dump";
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(value a >= 1 and a ≧ 1 and a <= 2 and a ≦ 2 and a != 3 and a ≠ 3 and a = 4 and a ＝ 4 and a > 5 and a ＞ 5 and a < 6 and a ＜ 6)rubric") ==
        expected);
    CHECK(
        dump_in(
            place::indicator,
            R"rubric(取值 a >= 1 并且 a ≧ 1 并且 a <= 2 并且 a ≦ 2 并且 a != 3 并且 a ≠ 3 并且 a = 4 并且 a ＝ 4 并且 a > 5 并且 a ＞ 5 并且 a < 6 并且 a ＜ 6)rubric") ==
        expected);
}

TEST_CASE("expression: a slash right after a unit word continues the unit; with spaces it divides",
          "[syntax][expression]") {
    CHECK(dump_in(place::indicator, "取值 220元/人") == "(value 220元/人)\n");
    CHECK(dump_in(place::indicator, "取值 220元 / 人数") == "(value (/ 220元 人数))\n");
    CHECK(dump_in(place::indicator, "取值 执行数/预算数") == "(value (/ 执行数 预算数))\n");
}

TEST_CASE("expression: a quantity keeps its digits, its exact value and its unit", "[syntax][expression]") {
    const auto p = parse_text("评分表 \"t\" { 总分 1.8067万人 }");
    REQUIRE(p.module);
    const auto& total = boost::get<ast::total_decl>(p.module->items.at(0));
    CHECK(total.points.number == "1.8067");
    CHECK(total.points.value == rubric::decimal::fraction(18067, 10000));
    CHECK(total.points.unit == "万人");
    CHECK(p.file.text(total.points.range) == "1.8067万人");
    CHECK(p.file.text(total.points.unit_range) == "万人");
}

TEST_CASE("expression: every node knows its bytes, without the white space before it", "[syntax][ranges]") {
    const auto p = parse_text("评分表 \"t\" {\n"
                              "  指标 支出进度率 权重 4 {\n"
                              "    取值 (实际支付进度 + 1%) / 既定支付进度  // 注释\n"
                              "    规则 分档 { ≥ 95%: 满分 }\n"
                              "  }\n"
                              "}\n");
    REQUIRE(p.module);
    const auto text = [&](rubric::source_range r) { return std::string(p.file.text(r)); };
    const auto& indicator = boost::get<ast::indicator>(p.module->items.at(0));
    CHECK(text(indicator.range) == "指标 支出进度率 权重 4 {\n"
                                   "    取值 (实际支付进度 + 1%) / 既定支付进度  // 注释\n"
                                   "    规则 分档 { ≥ 95%: 满分 }\n"
                                   "  }");
    CHECK(text(indicator.name.range) == "支出进度率");
    CHECK(text(indicator.name.parts.at(0).range) == "支出进度率");
    CHECK(text(ast::range_of(*indicator.weight)) == "4");

    const auto& value = boost::get<ast::value_clause>(indicator.items.at(0));
    CHECK(text(value.range) == "取值 (实际支付进度 + 1%) / 既定支付进度");
    const auto& division = boost::get<ast::x3::forward_ast<ast::binary>>(*value.formula).get();
    CHECK(text(division.range) == "(实际支付进度 + 1%) / 既定支付进度");
    CHECK(text(ast::range_of(division.left)) == "(实际支付进度 + 1%)");
    CHECK(text(ast::range_of(division.right)) == "既定支付进度");

    const auto& rule = boost::get<ast::rule_clause>(indicator.items.at(1));
    const auto& bands = boost::get<ast::band_table>(rule.body);
    CHECK(text(rule.range) == "规则 分档 { ≥ 95%: 满分 }");
    CHECK(text(bands.range) == "分档 { ≥ 95%: 满分 }");
    CHECK(text(bands.bands.at(0).range) == "≥ 95%: 满分");
    CHECK(text(ast::range_of(*bands.bands.at(0).range_of_value)) == "≥ 95%");
    CHECK(text(ast::range_of(bands.bands.at(0).result)) == "满分");
}

TEST_CASE("expression: ranges with the dump option", "[syntax][ranges]") {
    CHECK(rubric::testing::dump_of("评分表 \"t\" { 指标 a { 取值 b + 1 } }", {.ranges = true}) ==
          "(rubric@0..43 \"t\"@10..13\n"
          "  (indicator@16..41 a@23..24\n"
          "    (value@27..39 (+@34..39 b@34..35 1@38..39))))\n");
}

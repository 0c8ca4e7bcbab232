// lexical_test.cpp — tokens (grammar/rubric.ebnf section 7): names, keywords as whole words, strings,
// numbers with units, dates, comments, white space and full-width punctuation.
#include "parse_support.hpp"
#include "syntax/keywords.hpp"

#include <catch2/catch.hpp>
#include <string>

using rubric::testing::dump_in;
using rubric::testing::dump_of;
using rubric::testing::place;

TEST_CASE("lexical: a keyword is a keyword only as a whole word", "[syntax][lexical]") {
    // 得分率 and 目标值 start with the keywords 得分 and 目标, 指标2 with 指标: all three are names.
    CHECK(dump_in(place::indicator, "取值 得分率 + 目标值 + 指标2") ==
          "(value (+ (+ 得分率 目标值) 指标2))\n");
    // Keywords are case-sensitive: Rubric and VALUE are names.
    CHECK(dump_in(place::indicator, "value Rubric + VALUE") == "(value (+ Rubric VALUE))\n");
}

TEST_CASE("lexical: names of every kind of character", "[syntax][lexical]") {
    // ASCII with _ and digits, CJK, Extension A (㐀), Extension B (𠀀), 〇, circled numbers.
    CHECK(dump_in(place::indicator, "取值 a_1 + 完成率2020 + 㐀 + 𠀀 + 〇号 + ①") ==
          "(value (+ (+ (+ (+ (+ a_1 完成率2020) 㐀) 𠀀) 〇号) ①))\n");
}

TEST_CASE("lexical: strings, escapes, Chinese quotes, and adjacent strings joined", "[syntax][lexical]") {
    CHECK(dump_in(place::indicator, R"(原文 "a\"b\\c\td\ne")") == R"((text "a\"b\\c\td\ne")
)");
    CHECK(dump_in(place::indicator, "原文 “实际值为100%得满分”") == "(text \"实际值为100%得满分\")\n");
    CHECK(dump_in(place::indicator,
                  "原文 \"预算调整率=…。\"  // 第一行\n"
                  "     /* 续 */ “预算调整数:…总和。”\n"
                  "     \"第三行\"") == "(text \"预算调整率=…。预算调整数:…总和。第三行\")\n");
}

TEST_CASE("lexical: numbers with the unit written against them", "[syntax][lexical]") {
    CHECK(dump_in(place::indicator,
                  "取值 95% + 3‰ + 0.5分 + 1.8067万人 + 8383.52万元 + 220元/人 + 1个百分点 + 5万 + 2天") ==
          "(value (+ (+ (+ (+ (+ (+ (+ (+ 95% 3‰) 0.5分) 1.8067万人) 8383.52万元) 220元/人) 1个百分点) 5万) "
          "2天))\n");
    // A keyword after a number is not its unit: 2位 is the number 2 and the keyword 位.
    CHECK(dump_in(place::rubric, "口径 { 舍入 总分 2位 四舍五入 }") ==
          "(policy\n  (round total 2 half_up))\n");
    // A unit needs no space before it, a keyword after it does: 5分 扣完为止.
    CHECK(dump_in(place::indicator, "规则 每降低 1% 扣 5分 扣完为止") ==
          "(rule (steps (step per_drop 1% deduct 5分) (until_zero)))\n");
}

TEST_CASE("lexical: dates in both spellings", "[syntax][lexical]") {
    CHECK(dump_in(place::indicator, "目标 ≤ 2019年6月30日") == "(target (<= 2019年6月30日))\n");
    CHECK(dump_in(place::indicator, "目标 ≤ 2019-06-30") == "(target (<= 2019-06-30))\n");
    CHECK(dump_in(place::indicator, "目标 ≤ 2020年2月29日") == "(target (<= 2020年2月29日))\n");
}

TEST_CASE("lexical: comments and white space, the ideographic space included", "[syntax][lexical]") {
    CHECK(dump_of("// 第一行注释\n"
                  "评分表 /* 标题: */ \"t\"\u3000{\u3000总分 100 // 满分\n"
                  "  /* 多行\n"
                  "     注释 { 不是代码 } */\n"
                  "}\n") == "(rubric \"t\"\n  (total 100))\n");
}

TEST_CASE("lexical: full-width punctuation is the same token as its ASCII twin", "[syntax][lexical]") {
    const std::string expected = "(bands\n  (band [90%, 100%] (of_weight 50%))\n  (band (< 90%) zero))\n";
    CHECK(dump_in(place::indicator, "规则 分档 { [90%, 100%]: 50% 权重; < 90%: 不得分 }") ==
          "(rule " + expected.substr(0, expected.size() - 1) + ")\n");
    CHECK(dump_in(place::indicator, "规则 分档 { [90%，100%]：50% 权重； ＜ 90%：不得分 }") ==
          "(rule " + expected.substr(0, expected.size() - 1) + ")\n");
    CHECK(dump_in(place::indicator, "规则 扣分（1%，扣分 ＝ 2分）") ==
          "(rule (call 扣分 1% (= 扣分 2分)))\n");
    CHECK(dump_in(place::rubric, "档次 好坏 { 好、较好、差 }") == "(levels 好坏 好 较好 差)\n");
}

TEST_CASE("lexical: a byte order mark and CRLF line ends are accepted", "[syntax][lexical]") {
    CHECK(dump_of("\xEF\xBB\xBF评分表 \"t\" {\r\n  总分 100\r\n}\r\n") == "(rubric \"t\"\n  (total 100))\n");
    CHECK(dump_of("\xEF\xBB\xBF评分表 \"t\" { }", {.ranges = true}) == "(rubric@3..20 \"t\"@13..16)\n");
}

TEST_CASE("lexical: the keyword table finds every spelling and describes keywords for messages",
          "[syntax][lexical]") {
    using rubric::syntax::describe;
    using rubric::syntax::find_keyword;
    using rubric::syntax::keyword;
    CHECK(find_keyword("权重分") == keyword::weight);
    CHECK(find_keyword("分值") == keyword::weight);
    CHECK(find_keyword("每增长或降低") == keyword::per_deviation);
    CHECK(find_keyword("每增长") == keyword::per_rise);
    CHECK(find_keyword("四舍六入五成双") == keyword::half_even);
    CHECK(find_keyword("weight") == keyword::weight);
    CHECK_FALSE(find_keyword("权"));
    CHECK_FALSE(find_keyword("Weight"));
    CHECK(describe(keyword::weight) == "`权重`/`weight`");
    CHECK(describe(keyword::per_drop) == "`每降低`/`per_drop`");
}

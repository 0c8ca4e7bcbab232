// limits_test.cpp — hostile files are harmless: each limit is its own diagnostic, never a crash, a stack
// overflow or a hang (grammar/README.md §18).
#include "parse_support.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>

using rubric::testing::errors_of;
using rubric::testing::parse_text;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i != n; ++i)
        out += s;
    return out;
}

// The first line of a rendering: `file:line:col: error[CODE]: message`.
std::string first_line(const std::string& rendered) {
    return rendered.substr(0, rendered.find('\n'));
}

} // namespace

TEST_CASE("limits: a 20 MB file is rejected before parsing", "[syntax][limits]") {
    std::string text =
        "评分表 \"大\" {\n" +
        repeat("  说明 \"填充填充填充填充填充填充填充填充填充填充\"\n", 20 * 1024 * 1024 / 60) + "}\n";
    REQUIRE(text.size() > 20'000'000);
    CHECK(errors_of(text, "big.rubric") ==
          "big.rubric:1:1: error[E0002]: the file is too large: " + std::to_string(text.size()) +
              " bytes, more than the limit of 4194304 bytes\n"
              "    1 | 评分表 \"大\" {\n"
              "      | ^\n");
}

TEST_CASE("limits: 200 nested groups stop at 32 levels", "[syntax][limits]") {
    const std::string text = "评分表 \"深\" {\n" + repeat("分组 g {\n", 200) + repeat("}\n", 200) + "}\n";
    CHECK(errors_of(text, "deep.rubric") ==
          "deep.rubric:34:6: error[E0003]: nesting is too deep: more than 32 "
          "levels of groups and indicators\n"
          "   34 | 分组 g {\n"
          "      |        ^\n");
}

TEST_CASE("limits: 200 nested parentheses, braces or signs stop at 64 levels", "[syntax][limits]") {
    const std::string parentheses =
        "评分表 \"深\" { 指标 x { 取值 " + repeat("(", 200) + "1" + repeat(")", 200) + " } }";
    CHECK(first_line(errors_of(parentheses)) ==
          "test.rubric:1:83: error[E0003]: nesting is too deep: more than 64 levels of braces, brackets and "
          "parentheses");
    std::string rules = "评分表 \"深\" { 指标 x { 规则 " + repeat("分档 { 否则: { ", 200) + "满分" +
                        repeat(" } }", 200) + " } }";
    CHECK(first_line(errors_of(rules)).starts_with("test.rubric:1:"));
    CHECK(first_line(errors_of(rules))
              .ends_with("error[E0003]: nesting is too deep: more than 64 levels of braces, brackets and "
                         "parentheses"));
    const std::string signs = "评分表 \"深\" { 指标 x { 取值 " + repeat("- ", 200) + "1 } }";
    CHECK(first_line(errors_of(signs))
              .ends_with("error[E0003]: nesting is too deep: more than 64 levels of "
                         "braces, brackets and parentheses"));
    const std::string nots = "评分表 \"深\" { 指标 x { 取值 " + repeat("非 ", 200) + "是 } }";
    CHECK(first_line(errors_of(nots))
              .ends_with("error[E0003]: nesting is too deep: more than 64 levels of "
                         "braces, brackets and parentheses"));
}

TEST_CASE("limits: nesting up to the limit parses", "[syntax][limits]") {
    // The rubric's and the indicator's braces count: 62 parentheses make 64 levels.
    const std::string text =
        "评分表 \"深\" { 指标 x { 取值 " + repeat("(", 62) + "1" + repeat(")", 62) + " } }";
    const auto p = parse_text(text);
    CHECK(p.module);
    CHECK(p.diagnostics.empty());
    const std::string groups = "评分表 \"深\" {\n" + repeat("分组 g {\n", 32) + repeat("}\n", 32) + "}\n";
    CHECK(parse_text(groups).module);
}

TEST_CASE("limits: a formula of more than 1000 operands and operators", "[syntax][limits]") {
    const std::string at_limit =
        "评分表 \"长\" { 指标 x { 取值 a" + repeat(" + a", 499) + " } }"; // 999 tokens
    CHECK(parse_text(at_limit).module);
    const std::string text = "评分表 \"长\" { 指标 x { 取值 a" + repeat(" + a", 600) + " } }";
    CHECK(
        first_line(errors_of(text)) ==
        "test.rubric:1:2019: error[E0004]: this formula is too long: more than 1000 operands and operators");
    // Each formula counts on its own.
    const std::string two =
        "评分表 \"长\" { 指标 x { 取值 a" + repeat(" + a", 400) + " 目标 b" + repeat(" + b", 400) + " } }";
    CHECK(parse_text(two).module);
}

TEST_CASE("limits: names, strings and numbers have a length limit", "[syntax][limits]") {
    CHECK(first_line(errors_of("评分表 \"t\" { 总分 " + repeat("9", 39) + " }")) ==
          "test.rubric:1:14: error[E0007]: this number is too long: more than 38 significant digits");
    CHECK(parse_text("评分表 \"t\" { 总分 0000" + repeat("9", 38) + ".5 }").diagnostics.size() == 1);
    CHECK(parse_text("评分表 \"t\" { 总分 0000" + repeat("9", 37) + " }").module);
    // Zeros after the last other digit are no significant digits: 10^40 is one, and exact.
    CHECK(parse_text("评分表 \"t\" { 总分 1" + repeat("0", 59) + " }").module);
    CHECK(parse_text("评分表 \"t\" { 总分 0." + repeat("0", 59) + "1 }").module);
    CHECK(first_line(errors_of("评分表 \"t\" { 总分 1" + repeat("0", 60) + " }")) ==
          "test.rubric:1:14: error[E0007]: this number is too large: more than 60 digits before the decimal "
          "point");
    CHECK(first_line(errors_of("评分表 \"t\" { 总分 0." + repeat("0", 60) + "1 }")) ==
          "test.rubric:1:14: error[E0007]: this number has too many decimal places: more than 60");
    CHECK(first_line(errors_of("评分表 \"t\" { 指标 " + repeat("名", 257) + " { } }")) ==
          "test.rubric:1:14: error[E0007]: this name is too long: more than 256 characters");
    CHECK(parse_text("评分表 \"t\" { 指标 " + repeat("名", 256) + " { } }").module);
    CHECK(first_line(errors_of("评分表 \"t\" { 说明 \"" + repeat("字", 65537) + "\" }")) ==
          "test.rubric:1:14: error[E0007]: this string is too long: more than 65536 characters");
    CHECK(parse_text("评分表 \"t\" { 说明 \"" + repeat("字", 65536) + "\" }").module);
}

TEST_CASE("limits: binary garbage is a diagnostic", "[syntax][limits]") {
    std::mt19937 random(2024);
    std::string garbage(4096, '\0');
    for (auto& byte : garbage)
        byte = static_cast<char>(random() & 0xFF);
    const auto p = parse_text(garbage);
    CHECK_FALSE(p.module);
    REQUIRE(p.diagnostics.size() == 1);
    CHECK((p.diagnostics[0].code == "E0006" || p.diagnostics[0].code == "E0001"));

    CHECK(errors_of(std::string("PK\x03\x04\x14\x00\x06\x00", 8), "report.docx") ==
          "report.docx:1:3: error[E0006]: the file contains a control character (0x03) at line 1, byte 3; is "
          "it a "
          "binary file?\n"
          "    1 | PK\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"
          "      |   ^\n");
    // Valid UTF-8 that is not a rubric: a syntax error at its start.
    CHECK(
        first_line(errors_of("{\"json\": true}")) ==
        "test.rubric:1:1: error[E0101]: expected `评分表`/`rubric`, `模板`/`template`, `规则库`/`library` or "
        "`测试集`/`tests`, found `{`");
}

TEST_CASE("limits: every truncation of a real rubric is one diagnostic, never a crash", "[syntax][limits]") {
    const std::string text =
        "评分表 \"截断\" {\n"
        "  总分 4\n"
        "  等级 { 优: [3.6, 4], 差: [0, 3.6) }\n"
        "  口径 { 计步 按起算步数 舍入 指标 2位 四舍五入 }\n"
        "  指标 支出进度率 权重 4 {\n"
        "    原文 \"实际值为100%得满分,每降低1%扣权重分的10%,扣完为止\"\n"
        "    输入 实际支付进度: 百分比, 既定支付进度: 百分比\n"
        "    取值 支出进度率: 百分比 = 实际支付进度 / 既定支付进度\n"
        "    目标 = 100%\n"
        "    规则 分档 { ≥ 95%: 满分, [60%, 95%): { 每降低 1% 扣 10% 权重, 扣完为止 }, 否则: 不得分 }\n"
        "  }\n"
        "}\n"
        "测试 \"t\" { 表格 { | 实际支付进度 | 得分 支出进度率 | | 95% | 4 | | - | 0 | } }\n";
    REQUIRE(parse_text(text).module);
    std::size_t failures = 0;
    for (std::size_t size = 0; size < text.size(); ++size) {
        const auto p = parse_text(text.substr(0, size));
        if (p.module) continue; // a prefix can be a complete file (before the tests)
        ++failures;
        INFO(text.substr(0, size));
        CHECK(p.diagnostics.size() == 1);
        CHECK(p.diagnostics.error_count() == 1);
    }
    CHECK(failures > text.size() - 200);
}

TEST_CASE("limits: more than 10000 groups and indicators in one file", "[syntax][limits]") {
    std::string text = "评分表 \"多\" {\n";
    for (int i = 0; i <= 10000; ++i)
        text += "指标 x" + std::to_string(i) + " { }\n";
    CHECK(errors_of(text + "}\n", "many.rubric") ==
          "many.rubric:10002:11: error[E0008]: too many groups and indicators: more than 10000 in one file\n"
          "10002 | 指标 x10000 { }\n"
          "      |             ^\n");
    text.resize(text.rfind("指标 x10000"));
    CHECK(parse_text(text + "}\n").module);
}

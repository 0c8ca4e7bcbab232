// diagnostics_test.cpp — golden syntax errors: each errors/NAME.rubric is parsed and its rendered diagnostics
// must equal errors/NAME.expected to the letter (file:line:col, message, caret under Chinese text, notes).
#include "parse_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::filesystem::path> golden_inputs() {
    std::vector<std::filesystem::path> inputs;
    for (const auto& entry : std::filesystem::directory_iterator(RUBRIC_SOURCE_DIR "/tests/syntax/errors"))
        if (entry.path().extension() == ".rubric") inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

} // namespace

TEST_CASE("golden syntax errors: errors/*.rubric against errors/*.expected", "[syntax][diagnostics]") {
    const auto inputs = golden_inputs();
    CHECK(inputs.size() >= 20);
    for (const auto& input : inputs) {
        auto expected_path = input;
        expected_path.replace_extension(".expected");
        INFO(input.filename().string());
        REQUIRE(std::filesystem::exists(expected_path));
        const std::string rendered = rubric::testing::errors_of(read_file(input), input.filename().string());
        CHECK(rendered == read_file(expected_path));
    }
}

TEST_CASE("a syntax error is one diagnostic and no tree", "[syntax][diagnostics]") {
    const auto p = rubric::testing::parse_text("评分表 \"t\" { 指标 x 4 { } }");
    CHECK_FALSE(p.module);
    REQUIRE(p.diagnostics.size() == 1);
    CHECK(p.diagnostics[0].code == "E0101");
    CHECK(p.diagnostics[0].severity == rubric::severity::error);
    CHECK(p.diagnostics[0].file == "test.rubric");
}

TEST_CASE("a file that parses has no diagnostics", "[syntax][diagnostics]") {
    const auto p = rubric::testing::parse_text("评分表 \"t\" { 总分 100 }");
    CHECK(p.module);
    CHECK(p.diagnostics.empty());
}

TEST_CASE("diagnostics render as JSON with character columns", "[syntax][diagnostics]") {
    const auto p = rubric::testing::parse_text("评分表 \"示例\" {\n  指标 支出进度率 4 { }\n}\n");
    CHECK(rubric::render_json(p.diagnostics.items(), p.file) ==
          "[\n"
          "  {\"file\":\"test.rubric\",\"line\":2,\"column\":12,\"end_line\":2,\"end_column\":13,"
          "\"code\":\"E0101\",\"severity\":\"error\",\"message\":\"expected a weight (`权重`/`weight`) or "
          "`{` after "
          "the indicator's name, found `4`\",\"notes\":[]}\n"
          "]\n");
}

TEST_CASE("a clause given twice is reported, and the tree is still returned for later stages",
          "[syntax][diagnostics]") {
    const auto p = rubric::testing::parse_text(
        "评分表 \"t\" {\n"
        "  指标 甲 权重 2 { 规则 评定; 规则 待定 }\n"
        "  分组 乙 { 原文 \"一\" 原文 \"二\" 指标 丙 { 分项 丁 { 取值 a 取值 b } } }\n"
        "}\n");
    CHECK(p.module);
    REQUIRE(p.diagnostics.size() == 3);
    CHECK(p.diagnostics[0].message == "`规则`/`rule` is given twice in the indicator 甲");
    CHECK(p.diagnostics[1].message == "`原文`/`text` is given twice in the group 乙");
    CHECK(p.diagnostics[2].message == "`取值`/`value` is given twice in the item 丁");
}

TEST_CASE("a quoted name where a plain name is needed", "[syntax][diagnostics]") {
    for (const char* text :
         {"评分表 \"t\" { 档次 好坏 { \"好\", 坏 } }", "评分表 \"t\" { 类别 区县 { \"主城\" } }",
          "评分表 \"t\" { 定义 规则 r(\"p\") { 评定 } }", "评分表 \"t\" { 等级 { \"优\": [90, 100] } }",
          "评分表 \"t\" { 指标 x { 规则 要点 { \"资料完整\": 2分 } } }"}) {
        const auto p = rubric::testing::parse_text(text);
        INFO(text);
        REQUIRE(p.diagnostics.size() == 1);
        CHECK(p.diagnostics[0].code == "E0110");
    }
}

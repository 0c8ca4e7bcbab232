// checker_test.cpp — the checker's entry point: parse errors stop checking, imports load, acknowledgements
// apply.
#include "check_report.hpp"

#include <catch2/catch.hpp>

using rubric::testing::check_report;
using rubric::testing::check_text;

TEST_CASE("a duplicate indicator is reported once, with a note at the first") {
    const std::string report = check_report("评分表 \"t\" {\n"
                                            "  总分 8\n"
                                            "  指标 甲 权重 4 { 规则 待定 }\n"
                                            "  指标 甲 权重 4 { 规则 待定 }\n"
                                            "}\n");
    CHECK(report.find("test.rubric:4:6: error[E0212]: “甲” is declared twice in the same group\n") !=
          std::string::npos);
    CHECK(report.find("test.rubric:3:6: note: first declared here\n") != std::string::npos);
}

TEST_CASE("an import that cannot be found is reported at its path") {
    const rubric::check_result result = check_text("导入 \"无此文件.rubric\"\n评分表 \"t\" { 总分 0 }\n");
    REQUIRE(result.diagnostics.size() >= 1);
    CHECK(result.diagnostics[0].code == "E0701");
    CHECK(result.diagnostics[0].message == "cannot find the file “无此文件.rubric”");
    CHECK_FALSE(result.rubric.has_value());
}

TEST_CASE("an import cycle names the chain") {
    const rubric::check_result result = check_text("导入 \"a.rubric\"\n评分表 \"t\" { 总分 0 }\n",
                                                   {{"a.rubric", "导入 \"b.rubric\"\n规则库 \"a\" { }\n"},
                                                    {"b.rubric", "导入 \"a.rubric\"\n规则库 \"b\" { }\n"}});
    REQUIRE(result.diagnostics.size() >= 1);
    CHECK(result.diagnostics[0].code == "E0702");
    CHECK(result.diagnostics[0].message == "import cycle: a.rubric → b.rubric → a.rubric");
}

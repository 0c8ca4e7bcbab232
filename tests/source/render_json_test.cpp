// render_json_test.cpp — golden tests of the JSON rendering: positions, nulls, escaping, UTF-8 kept.
#include <catch2/catch.hpp>
#include <rubric/diagnostic.hpp>

using rubric::diagnostic;
using rubric::diagnostic_list;
using rubric::render_json;
using rubric::severity;
using rubric::source_file;

TEST_CASE("an empty list is an empty array", "[json]") {
    const source_file f("x.rubric", "");
    CHECK(render_json(diagnostic_list(), f) == "[]\n");
}

TEST_CASE("diagnostics as a JSON array, one object per line", "[json]") {
    const source_file f("rubrics/x.rubric", "指标 支出进度率 权重 4 {\n  取值 执行数 / 预算数\n}\n");
    const std::size_t name = f.text().find("预算数");
    diagnostic_list list;
    list.error("E0203", "rubrics/x.rubric", {name, name + 9}, "unknown input 预算数")
        .note("inputs are declared in \"输入\"", {0, 6})
        .note("did you mean 预算?");
    list.warning("W0301", "", {}, "tab\there\nline \x01 bad\xFF \\ end");
    list.error("E0001", "missing.rubric", {5, 9}, "cannot read");
    list.error("E0102", "rubrics/x.rubric", {f.text().size(), f.text().size()}, "expected }");
    CHECK(render_json(list, f) == R"json([
  {"file":"rubrics/x.rubric","line":2,"column":12,"end_line":2,"end_column":15,"code":"E0203","severity":"error","message":"unknown input 预算数","notes":[{"file":"rubrics/x.rubric","line":1,"column":1,"end_line":1,"end_column":3,"message":"inputs are declared in \"输入\""},{"file":"rubrics/x.rubric","line":null,"column":null,"end_line":null,"end_column":null,"message":"did you mean 预算?"}]},
  {"file":null,"line":null,"column":null,"end_line":null,"end_column":null,"code":"W0301","severity":"warning","message":"tab\there\nline \u0001 bad� \\ end","notes":[]},
  {"file":"missing.rubric","line":null,"column":null,"end_line":null,"end_column":null,"code":"E0001","severity":"error","message":"cannot read","notes":[]},
  {"file":"rubrics/x.rubric","line":4,"column":1,"end_line":4,"end_column":1,"code":"E0102","severity":"error","message":"expected }","notes":[]}
]
)json");
}

TEST_CASE("a range over lines ends on its last line, and a note may name another file", "[json]") {
    const std::vector<source_file> sources{source_file("a.rubric", "导入 b\n"),
                                           source_file("b.rubric", "导入 a\n")};
    diagnostic d{.code = "E0110", .file = "b.rubric", .range = {0, 9}, .message = "import cycle"};
    d.notes.push_back({.message = "imported here", .range = {{0, 6}}, .file = "a.rubric"});
    CHECK(render_json(std::span<const diagnostic>(&d, 1), sources) ==
          R"json([
  {"file":"b.rubric","line":1,"column":1,"end_line":2,"end_column":1,"code":"E0110","severity":"error","message":"import cycle","notes":[{"file":"a.rubric","line":1,"column":1,"end_line":1,"end_column":3,"message":"imported here"}]}
]
)json");
}

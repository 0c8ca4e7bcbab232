// render_text_test.cpp — golden tests of the compiler-style text rendering, carets aligned under Chinese.
#include <catch2/catch.hpp>
#include <rubric/diagnostic.hpp>

using rubric::diagnostic;
using rubric::diagnostic_list;
using rubric::render_text;
using rubric::severity;
using rubric::source_file;
using rubric::source_range;

namespace {
// The range of the first occurrence of `what` in the file's text.
source_range range_of(const source_file& f, std::string_view what) {
    const std::size_t at = f.text().find(what);
    REQUIRE(at != std::string_view::npos);
    return {at, at + what.size()};
}
} // namespace

TEST_CASE("the caret sits under a Chinese name in a mixed line", "[render]") {
    const source_file f("rubrics/x.rubric", "指标 支出进度率 权重 4 {\n  取值 执行数 / 预算数\n}\n");
    const diagnostic d{.code = "E0203",
                       .file = "rubrics/x.rubric",
                       .range = range_of(f, "预算数"),
                       .message = "unknown input 预算数"};
    CHECK(render_text(d, f) == R"(rubrics/x.rubric:2:12: error[E0203]: unknown input 预算数
    2 |   取值 执行数 / 预算数
      |                 ^^^^^^
)");
}

TEST_CASE("notes with and without a place", "[render]") {
    const source_file f("x.rubric", "指标 预算执行率 权重 10 {\n  原文 \"实际值为100%得满分\"\n");
    diagnostic d{.code = "E0102",
                 .file = "x.rubric",
                 .range = {f.text().size(), f.text().size()},
                 .message = "expected } before the end of the file"};
    d.note("to close { at line 1", range_of(f, "{")).note("every { needs a matching }");
    CHECK(render_text(d, f) == R"(x.rubric:3:1: error[E0102]: expected } before the end of the file
    3 |
      | ^
x.rubric:1:16: note: to close { at line 1
    1 | 指标 预算执行率 权重 10 {
      |                         ^
      = note: every { needs a matching }
)");
}

TEST_CASE("a tab shows as one space and CRLF is not shown", "[render]") {
    const source_file f("t.rubric", "指标 甲 权重 4 {\r\n\t目标 ≥95％\r\n}\r\n");
    const diagnostic d{.code = "E0105",
                       .file = "t.rubric",
                       .range = range_of(f, "％"),
                       .message = "full-width ％ in a number; write %"};
    CHECK(render_text(d, f) == R"(t.rubric:2:8: error[E0105]: full-width ％ in a number; write %
    2 |  目标 ≥95％
      |          ^^
)");
}

TEST_CASE("a range over several lines, a zero-width range, a warning without code", "[render]") {
    const source_file f("m.rubric", "权重 {\n  a\n}");
    diagnostic_list list;
    list.add({.severity = severity::warning,
              .file = "m.rubric",
              .range = {0, f.text().size()},
              .message = "block spans lines"});
    const std::size_t after_a = f.text().find('a') + 1;
    list.error("E0101", "m.rubric", {after_a, after_a}, "expected ;");
    CHECK(render_text(list, f) == R"(m.rubric:1:1: warning: block spans lines
    1 | 权重 {
      | ^^^^^^
m.rubric:2:4: error[E0101]: expected ;
    2 |   a
      |    ^
)");
}

TEST_CASE("a range starting inside a character underlines the whole character", "[render]") {
    const source_file f("p.rubric", "得分 \u0301x");
    const std::size_t de = f.text().find("得");
    const std::size_t mark = f.text().find("\u0301");
    diagnostic_list list;
    list.error("E1", "p.rubric", {de + 1, de + 2}, "inside 得");
    list.error("E2", "p.rubric", {mark, mark + 2}, "a lone combining mark");
    CHECK(render_text(list, f) == "p.rubric:1:1: error[E1]: inside 得\n"
                                  "    1 | 得分 \u0301x\n"
                                  "      | ^^\n"
                                  "p.rubric:1:4: error[E2]: a lone combining mark\n"
                                  "    1 | 得分 \u0301x\n"
                                  "      |      ^\n");
}

TEST_CASE("control characters and ill-formed bytes show as U+FFFD", "[render]") {
    const source_file f("c.rubric", "a\x01"
                                    "b\xFF"
                                    "c\n");
    const diagnostic d{.code = "E0100", .file = "c.rubric", .range = range_of(f, "c\n"), .message = "bad"};
    CHECK(render_text(d, f) ==
          "c.rubric:1:5: error[E0100]: bad\n"
          "    1 | a\xEF\xBF\xBD"
          "b\xEF\xBF\xBD"
          "c\n"
          "      |     ^\n"); // the range runs into the line break: underlined to the line's end
}

TEST_CASE("diagnostics without a file or without their source", "[render]") {
    const std::vector<diagnostic> diagnostics{
        {.code = "E0001", .message = "no input files"},
        {.code = "E0002",
         .file = "gone.rubric",
         .range = {3, 4},
         .message = "cannot read the file",
         .notes = {{.message = "check the path"}}},
        {.severity = severity::note, .message = "nothing was scored"},
    };
    CHECK(render_text(diagnostics, std::span<const source_file>()) == R"(error[E0001]: no input files
gone.rubric: error[E0002]: cannot read the file
      = note: check the path
note: nothing was scored
)");
}

TEST_CASE("a note in another file, and a gutter widened for large line numbers", "[render]") {
    const std::vector<source_file> sources{
        source_file("a.rubric", std::string(123455, '\n') + "导入 b.rubric\n"),
        source_file("b.rubric", "导入 a.rubric\n"),
    };
    diagnostic d{.code = "E0110",
                 .file = "b.rubric",
                 .range = {0, 6},
                 .message = "import cycle: b.rubric imports a.rubric"};
    d.notes.push_back({.message = "a.rubric imports b.rubric here",
                       .range = range_of(sources[0], "导入"),
                       .file = "a.rubric"});
    CHECK(render_text(d, sources) == R"(b.rubric:1:1: error[E0110]: import cycle: b.rubric imports a.rubric
     1 | 导入 a.rubric
       | ^^^^
a.rubric:123456:1: note: a.rubric imports b.rubric here
123456 | 导入 b.rubric
       | ^^^^
)");
}

// diagnostic_test.cpp — diagnostic values and the list: building, counting, stable sorting by position.
#include <catch2/catch.hpp>
#include <rubric/diagnostic.hpp>

using rubric::diagnostic;
using rubric::diagnostic_list;
using rubric::severity;

TEST_CASE("severities have names", "[diagnostic]") {
    CHECK(rubric::to_string(severity::error) == "error");
    CHECK(rubric::to_string(severity::warning) == "warning");
    CHECK(rubric::to_string(severity::note) == "note");
}

TEST_CASE("a diagnostic is a plain value with notes", "[diagnostic]") {
    diagnostic d{.code = "E0102", .file = "x.rubric", .range = {40, 40}, .message = "expected }"};
    CHECK(d.severity == severity::error);
    d.note("to close { at line 1", {10, 11}).note("every { needs a matching }");
    REQUIRE(d.notes.size() == 2);
    CHECK(d.notes[0].message == "to close { at line 1");
    CHECK(d.notes[0].range == rubric::source_range{10, 11});
    CHECK(d.notes[0].file.empty());
    CHECK(d.notes[1].message == "every { needs a matching }");
    CHECK_FALSE(d.notes[1].range);

    const diagnostic copy = d;
    CHECK(copy.notes.size() == 2);
    CHECK(copy.message == "expected }");
}

TEST_CASE("source ranges", "[diagnostic]") {
    constexpr rubric::source_range r{3, 9};
    STATIC_REQUIRE(r.size() == 6);
    STATIC_REQUIRE_FALSE(r.empty());
    STATIC_REQUIRE(rubric::source_range{4, 4}.empty());
    STATIC_REQUIRE(rubric::source_range{5, 4}.size() == 0);
    CHECK(rubric::source_range{1, 2} < rubric::source_range{2, 2});
}

TEST_CASE("the list counts errors and warnings", "[diagnostic]") {
    diagnostic_list list;
    CHECK(list.empty());
    CHECK_FALSE(list.has_errors());
    list.warning("W0301", "x.rubric", {0, 1}, "unused input 备注");
    CHECK_FALSE(list.has_errors());
    list.error("E0203", "x.rubric", {5, 8}, "unknown input 预算数").note("declared inputs: 执行数");
    list.add({.code = "N0001", .severity = severity::note, .message = "rubric uses defaults"});
    list.error("E0204", "x.rubric", {9, 9}, "duplicate indicator");
    CHECK(list.size() == 4);
    CHECK(list.error_count() == 2);
    CHECK(list.warning_count() == 1);
    CHECK(list.count(severity::note) == 1);
    CHECK(list.has_errors());
    CHECK(list[1].notes.size() == 1);
    CHECK(list[1].severity == severity::error);
    CHECK(list[2].file.empty());

    diagnostic_list more;
    more.warning("W0302", "y.rubric", {0, 0}, "weights do not add up");
    more.append(list);
    CHECK(more.size() == 5);
    CHECK(more.warning_count() == 2);
    CHECK(more[0].code == "W0302");
    CHECK(more[4].code == "E0204");
}

TEST_CASE("sorting by position is stable", "[diagnostic]") {
    diagnostic_list list;
    list.error("E1", "b.rubric", {5, 6}, "b at 5");
    list.error("E2", "a.rubric", {10, 12}, "a at 10, first");
    list.warning("W3", "a.rubric", {3, 4}, "a at 3");
    list.error("E4", "a.rubric", {10, 11}, "a at 10, second");
    list.error("E5", "", {0, 0}, "no file");
    list.error("E6", "a.rubric", {0, 1}, "a at 0");
    list.sort_by_position();
    std::vector<std::string> codes;
    for (const diagnostic& d : list)
        codes.push_back(d.code);
    CHECK(codes == std::vector<std::string>{"E5", "E6", "W3", "E2", "E4", "E1"});
}

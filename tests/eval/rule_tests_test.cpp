// rule_tests_test.cpp — the runner of the tests written beside a rubric, and the generated checks: a wrong
// expectation fails with the expected and the actual value, a right one passes.
#include "scoring_support.hpp"

using namespace rubric;
using namespace rubric::testing;

namespace {

const char* rubric_with_tests = R"(rubric "t" {
  source "s"
  total 6
  policy { step_counting full_steps percent_steps percentage_points }
  indicator 进度 weight 6 {
    text "每降低1%扣1分"
    value x: percent
    target = 100%
    rule per_drop 1% deduct 1分
    acknowledge W0505 "no floor, on purpose"
  }
}
test "right" { given x = 95.5% expect score 进度 = 2分, total = 2 }
test "wrong" { given x = 95.5% expect score 进度 = 3分 }
test "rows" {
  table {
    | x    | score 进度 |
    | 100% | 6分        |
    | 99%  | 4分        |
  }
}
test "error expected" { expect error "x" }
)";

std::vector<std::string> outcome(const test_report& report) {
    std::vector<std::string> out;
    for (const test_case_result& c : report.cases) {
        std::string line = c.title + (c.row ? " row " + std::to_string(c.row) : "") + (c.passed() ? " ok" : "");
        for (const test_failure& f : c.failures)
            line += " | " + f.expectation + ": " + f.expected + " / " + f.actual;
        out.push_back(line);
    }
    return out;
}

} // namespace

TEST_CASE("rule tests: each test and each table row is a case, compared exactly") {
    const check_result checked = check(source_file("t.rubric", rubric_with_tests));
    REQUIRE(checked.rubric);
    const compiled_rubric compiled = compile(*checked.rubric);
    const test_report report = run_tests(*checked.rubric, compiled, language::en);
    CHECK(outcome(report) == std::vector<std::string>{
                                 "right ok",
                                 "wrong | score 进度: 3分 / 2",
                                 "rows row 1 ok",
                                 "rows row 2 | score 进度: 4分 / 5",
                                 "error expected ok",
                             });
    CHECK(report.passed() == 3);
    CHECK(report.failed() == 2);
}

TEST_CASE("generated checks: a rule that leaves [0, weight] is named with the value that shows it") {
    const check_result checked = check(source_file("t.rubric", rubric_with_tests));
    REQUIRE(checked.rubric);
    const test_report report = run_generated_checks(compile(*checked.rubric), language::en);
    CHECK(outcome(report) == std::vector<std::string>{
                                 "generated check: 进度 | a rule score within [0, 6]: [0, 6] / x = 90%: the rule "
                                 "gives -4"});
}

TEST_CASE("generated checks: the 大厂 2020 rules stay within their weights and never rise away from the target") {
    const test_report report = run_generated_checks(compile_file("rubrics/hebei/dachang-2020.rubric"));
    CHECK(report.cases.size() == 17); // every row whose value is one percent (数量: each item)
    CHECK(report.failed() == 0);
}

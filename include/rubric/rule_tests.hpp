// rule_tests.hpp — running the tests written beside a rubric (测试 … 给定 … 期望 …, 表格), and the checks the
// library generates for every indicator without being asked (README §13).
//
// A test gives values and expects results: an indicator's score, a group's subtotal, a value, the total, the
// grade, or an error. Each test (and each row of a table) is one case; a case passes when every expectation
// holds exactly. Generated checks score every indicator whose value is one input at the edges of its bands and
// steps and far beyond them: the score must stay within [0, weight] (within [−weight, 0] in a penalty block),
// and under a rule that only deducts, it must never rise as the value moves away from the target.
// Nothing here throws except std::bad_alloc.
#pragma once

#include <rubric/compiler.hpp>
#include <rubric/result.hpp>
#include <rubric/source.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rubric {

/// One expectation that did not hold.
struct test_failure {
    std::string expectation; ///< as a reader names it: “得分 支出进度率”, “总分”, “报错 "调整预算数"”
    std::string expected;
    std::string actual;
    std::string explanation; ///< how the actual came about (the node's explanation, or the errors)
};

/// One test, one row of a test's table, or one generated check.
struct test_case_result {
    std::string title;
    std::string file;          ///< where the test is written ("" for a generated check)
    source_range where{};      ///< the test's title, or the table row
    std::size_t row = 0;       ///< 1-based row of the test's table; 0 when the test has no table
    bool generated = false;
    std::vector<test_failure> failures;

    bool passed() const noexcept { return failures.empty(); }
};

struct test_report {
    std::vector<test_case_result> cases;

    std::size_t passed() const noexcept;
    std::size_t failed() const noexcept { return cases.size() - passed(); }
};

/// Runs the tests written in the checked file (a rubric's own tests, or a 测试集's) against `compiled`, the
/// compilation of the same checked rubric.
test_report run_tests(const checked_rubric& checked, const compiled_rubric& compiled,
                      language lang = language::zh);

/// The generated checks of every indicator and item whose value is one input (README §13).
test_report run_generated_checks(const compiled_rubric& compiled, language lang = language::zh);

} // namespace rubric

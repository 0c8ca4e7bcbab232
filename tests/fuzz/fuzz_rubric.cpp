// fuzz_rubric.cpp — libFuzzer target: any bytes as a rubric file, through every stage that takes one.
//
// The parser and the checker take anything; a file that checks is compiled, its own tests run and the
// generated checks too, so a rubric the fuzzer invents is also scored. Promises: check() gives a rubric
// exactly when it reports no error, and every diagnostic points inside the file and renders.
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <rubric/rubric.hpp>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rubric;
    const check_result checked =
        check(source_file("fuzz.rubric", std::string(reinterpret_cast<const char*>(data), size)));
    fuzz::require(checked.ok() == checked.rubric.has_value(), "check() gives a rubric exactly when it is ok");
    fuzz::require_renderable(checked.diagnostics, checked.sources);
    if (!checked.rubric) return 0;

    const compiled_rubric compiled = compile(*checked.rubric);
    for (const test_report& report : {run_tests(*checked.rubric, compiled), run_generated_checks(compiled)})
        for (const test_case_result& c : report.cases)
            fuzz::require(!c.title.empty(), "every test case has a title");
    return 0;
}

// demo_command.cpp — `rubric demo`: the exact number core on the rule that motivates it (seed 004,
// 支出进度率).
#include "cli/command.hpp"

#include <iostream>
#include <rubric/rubric.hpp>
#include <string>

namespace rubric::cli {
namespace {

decimal number(const char* text) {
    return *parse_decimal(text).value;
}

std::string column(std::string text, std::size_t width) {
    text.resize(std::max(text.size(), width), ' ');
    return text;
}

// 实际值为100%得满分,每降低1%扣权重分的10%,扣完为止 — counting every started step, as the table scores it.
int run_demo() {
    const decimal weight = 4, target = number("100%"), step = number("1%"), share = number("10%");
    std::cout << "支出进度率, weight 4: 实际值为100%得满分,每降低1%扣权重分的10%,扣完为止 (started steps)\n\n"
              << "actual    shortfall  steps  deduction  score\n";
    for (const char* actual_text : {"100%", "95.4%", "９５％", "94%", "89.99%"}) {
        const decimal actual = number(actual_text);
        const decimal shortfall = max(target - actual, 0);
        const decimal steps = (shortfall / step).ceiling();
        const decimal deduction = min(steps * weight * share, weight);
        std::cout << column(actual.format_percent(2), 10) << column((shortfall * 100).format(2) + "pp", 11)
                  << column(steps.format(0), 7) << column(deduction.format(2), 11)
                  << (weight - deduction).format(2) << '\n';
    }
    const decimal executed = number("8352.09万"), budget = number("8383.52万");
    std::cout << "\n预算完成率 = 8352.09万 / 8383.52万 = " << (executed / budget).to_string()
              << " (exact) = " << (executed / budget).format_percent(2)
              << " (四舍五入), not the 95% the table prints\n";
    return exit_ok;
}

} // namespace

command add_demo_command(CLI::App& parent) {
    CLI::App* app =
        parent.add_subcommand("demo", "Score seed 004's 支出进度率 rule exactly for a few actual values");
    return {app, run_demo};
}

} // namespace rubric::cli

// main.cpp — the smallest embedding of rubric: exact scoring arithmetic through the installed package.
#include <iostream>
#include <rubric/rubric.hpp>

int main() {
    // 预算执行率 of the national project template: 全年执行数 / 全年预算数 × 10, capped at 10, kept to 2
    // places.
    const auto executed = rubric::parse_decimal("8352.09万");
    const auto budget = rubric::parse_decimal("8383.52万");
    if (!executed || !budget) {
        std::cerr << executed.error << budget.error << '\n';
        return 1;
    }
    const rubric::decimal score = rubric::min(*executed.value / *budget.value * 10, 10);
    std::cout << "预算执行率 score: " << score.format(2) << " of 10 (exact " << score.to_string() << ")\n";
    return 0;
}

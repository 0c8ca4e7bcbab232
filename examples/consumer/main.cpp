// main.cpp — the smallest embedding of rubric through the installed package: a rubric compiled once, one unit's
// values bound and scored, the score explained.
#include <iostream>
#include <rubric/rubric.hpp>

namespace {

// 预算执行率 of the national project template: 全年执行数 / 全年预算数 × 10, kept within [0, 10].
constexpr const char* rubric_text = R"(评分表 "预算执行率" {
  来源 "财预〔2020〕10号"
  总分 10
  口径 { 舍入 指标 2位 四舍五入 }
  指标 预算执行率 权重 10 {
    原文 "预算执行率=全年执行数/全年预算数×100%，得分=预算执行率×10"
    输入 全年预算数: 金额 万元, 全年执行数: 金额 万元
    取值 预算执行率: 百分比 = 全年执行数 / 全年预算数
    规则 按比例
  }
})";

} // namespace

int main() {
    const rubric::check_result checked = rubric::check(rubric::source_file("预算执行率.rubric", rubric_text));
    if (!checked.rubric) {
        std::cerr << rubric::render_text(checked.diagnostics.items(), checked.sources);
        return 1;
    }
    const rubric::compiled_rubric compiled = rubric::compile(*checked.rubric);

    rubric::unit_values values;
    values.file = "unit";
    for (const auto& [key, text] : {std::pair{"全年执行数", "8352.09万元"}, std::pair{"全年预算数", "8383.52万元"}}) {
        rubric::value_entry entry;
        entry.key = key;
        entry.text = text;
        values.entries.push_back(entry);
    }
    const rubric::bind_result bound = rubric::bind(compiled, values);
    if (!bound.values) {
        std::cerr << rubric::render_text(bound.diagnostics.items(), std::span<const rubric::source_file>());
        return 1;
    }
    const rubric::result scored = rubric::evaluate(compiled, *bound.values);
    const std::size_t row = *compiled.find("预算执行率");
    const rubric::node_result& r = scored.nodes()[row];
    std::cout << "预算执行率 score: " << r.score.to_string() << " of 10 (exact " << r.unrounded.to_string() << ")\n"
              << scored.explain(row) << '\n';
    return 0;
}

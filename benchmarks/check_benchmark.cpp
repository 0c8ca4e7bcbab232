// check_benchmark.cpp — parse + check of a generated 200-indicator rubric (goal: under 2 ms).
//
// The rubric is shaped like the real tables: 4 first-level groups of 5 second-level groups of 10 indicators,
// each with published text, its own inputs, a derived value, a target and a step rule, plus grades and a
// policy block, so every checker pass has work to do.
#include <benchmark/benchmark.h>
#include <rubric/compiler.hpp>
#include <string>

namespace {

std::string generated_rubric(int groups, int subgroups, int indicators) {
    const int total = groups * subgroups * indicators;
    std::string text = "评分表 \"生成的评分表\" {\n  来源 \"benchmarks/check_benchmark.cpp\"\n  总分 " +
                       std::to_string(total) + "\n  等级 { 优: [" + std::to_string(total * 9 / 10) + ", " +
                       std::to_string(total) + "], 差: [0, " + std::to_string(total * 9 / 10) +
                       ") }\n"
                       "  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 指标 2位 四舍五入 }\n";
    int n = 0;
    for (int g = 0; g < groups; ++g) {
        text += "  分组 一级" + std::to_string(g) + " {\n";
        for (int s = 0; s < subgroups; ++s) {
            text += "    分组 二级" + std::to_string(g) + "_" + std::to_string(s) + " {\n";
            for (int i = 0; i < indicators; ++i, ++n) {
                const std::string k = std::to_string(n);
                text += "      指标 指标" + k +
                        " 权重 1 {\n"
                        "        原文 \"实际值为100%得满分,每降低1%扣权重分的10%,扣完为止\"\n"
                        "        输入 完成数" +
                        k + ": 金额 万元, 计划数" + k +
                        ": 金额 万元\n"
                        "        取值 完成率" +
                        k + ": 百分比 = 完成数" + k + " / 计划数" + k +
                        "\n"
                        "        目标 = 100%\n"
                        "        规则 每降低 1% 扣 10% 权重, 扣完为止\n"
                        "      }\n";
            }
            text += "    }\n";
        }
        text += "  }\n";
    }
    return text + "}\n";
}

void BM_parse_and_check_200_indicators(benchmark::State& state) {
    const std::string text = generated_rubric(4, 5, 10);
    std::size_t diagnostics = 0;
    for (auto _ : state) {
        const rubric::check_result result = rubric::check(rubric::source_file("generated.rubric", text));
        diagnostics = result.diagnostics.size();
        benchmark::DoNotOptimize(result.rubric);
    }
    state.counters["bytes"] = static_cast<double>(text.size());
    state.counters["diagnostics"] = static_cast<double>(diagnostics);
}
BENCHMARK(BM_parse_and_check_200_indicators)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();

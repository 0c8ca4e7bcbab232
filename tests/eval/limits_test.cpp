// limits_test.cpp — the size of numbers while scoring (grammar/README.md §18): amounts far beyond any table
// are exact, and a chain of formulas that would make exact arithmetic explode stops with an error of its
// indicator.
#include "scoring_support.hpp"

using namespace rubric;
using namespace rubric::testing;

namespace {

const std::string huge_amounts = R"(评分表 "大数" {
  来源 "测试"
  总分 10
  口径 { 舍入 指标 2位 四舍五入 }
  指标 预算执行率 权重 10 {
    原文 "执行数/预算数×10"
    输入 预算数: 金额 万元, 执行数: 金额 万元, 追加数: 金额 万元
    输入 调整后预算数: 金额 万元 = 预算数 + 追加数
    取值 执行率: 百分比 = 执行数 / 调整后预算数
    规则 按比例
  }
}
)";

} // namespace

TEST_CASE("limits: a 10^40 万元 amount is exact, not an overflow") {
    const compiled_rubric rubric = compile_text(huge_amounts);
    const std::string ten_to_40 = "1" + std::string(40, '0');
    const result r = evaluate(
        rubric, bind_ok(rubric, values({entry("预算数", ten_to_40 + "万元"), entry("追加数", "0.01万元"),
                                        entry("执行数", ten_to_40 + "万元")})));
    const std::size_t row = *rubric.find("预算执行率");
    // 10^44 元 / (10^44 + 100) 元 = 10^42 / (10^42 + 1), exactly; 10 times that rounds to 10.00.
    const std::string ratio = "1" + std::string(42, '0') + "/1" + std::string(41, '0') + "1";
    CHECK(r.detail(row).value->to_fraction_string() == ratio);
    CHECK(r.nodes()[row].unrounded.to_string() ==
          "1" + std::string(43, '0') + "/1" + std::string(41, '0') + "1");
    CHECK(r.nodes()[row].score.to_string() == "10");
    CHECK(r.total()->to_string() == "10");
}

TEST_CASE("limits: a number written longer than a number may be is a binding error, not a slow score") {
    const compiled_rubric rubric = compile_text(huge_amounts);
    CHECK(bind_errors(rubric, values({entry("预算数", std::string(39, '9') + "万元"), entry("追加数", "0"),
                                      entry("执行数", "1" + std::string(61, '0'))})) ==
          "V0203 “预算数”: \"" + std::string(39, '9') +
              "\": this number is too long: more than 38 significant digits\n"
              "V0203 “执行数”: \"1000000000000000000000000000000000000000…\": "
              "this number is too large: more than 60 digits before the decimal point\n");
}

TEST_CASE("limits: formulas squaring each other stop at the size limit with an error of their indicator") {
    // Each derived input squares the one before: x_n has 38·2^n digits. Without the limit x40 would have
    // 4·10^13 of them; with it, x7 = x6 * x6 (4864 digits) is the indicator's error.
    std::string text =
        "评分表 \"平方\" {\n 来源 \"测试\"\n 总分 10\n 指标 a 权重 5 {\n 原文 \"t\"\n 输入 x0: 数值\n";
    for (int i = 1; i <= 40; ++i)
        text += " 输入 x" + std::to_string(i) + ": 数值 = x" + std::to_string(i - 1) + " * x" +
                std::to_string(i - 1) + "\n";
    text += " 取值 v: 数值 = x40\n 目标 ≥ 0\n 规则 分档 { ≥ 0: 满分, < 0: 不得分 }\n }\n"
            " 指标 b 权重 5 {\n 原文 \"t\"\n 取值 y: 数值\n 目标 ≥ 0\n 规则 分档 { ≥ 0: 满分, < 0: 不得分 "
            "}\n }\n}\n";
    const compiled_rubric rubric = compile_text(text);
    const result r =
        evaluate(rubric, bind_ok(rubric, values({entry("x0", std::string(38, '9')), entry("y", "1")})));
    CHECK(score_of(rubric, r, "a") == "error: 数值过大，无法精确计算：x6 * x6 的结果超过约 3000 位数字");
    CHECK(r.error(*rubric.find("a"), language::en) ==
          "a number too large to compute exactly: x6 * x6 comes to more than about 3000 digits");
    CHECK(score_of(rubric, r, "b") == "5");
    CHECK_FALSE(r.complete());
}

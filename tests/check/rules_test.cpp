// rules_test.cpp — golden tests of the rule passes: reachable scores against the weight (bounds.cpp), band
// tables (bands.cpp), rule forms (rules.cpp) and implicit choices (policies.cpp): W0501–E0521, W0601–E0606,
// W0801. The seed cases: 000 政府采购执行率 (W0501, acknowledged) and 003 重点支出安排率 (bands).
#include "check_report.hpp"

#include <catch2/catch.hpp>
#include <string>

using rubric::testing::check_report;
using rubric::testing::check_text;

TEST_CASE("seed 000 政府采购执行率: weight 4, rule “为100%的计2分” (W0501)", "[rules]") {
    const std::string rubric = R"(评分表 "益阳市医保处 2017 部门整体支出绩效评价" {
  来源 "seed 000"
  总分 4
  口径 { 计步 按起算步数  舍入 指标 2位 四舍五入 }
  指标 政府采购执行率 权重 4 {
    原文 "政府采购执行率=(实际政府采购金额/政府采购预算数)×100%，为100%的计2分，每低于1个百分点扣0.5分，扣完为止"
    输入 实际政府采购金额: 金额 万元, 政府采购预算数: 金额 万元
    取值 政府采购执行率: 百分比 = 实际政府采购金额 / 政府采购预算数
    目标 = 100%
    规则 基础分 2分, 每低于 1个百分点 扣 0.5分, 扣完为止
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:10:8: warning[W0501]: the rule scores at most 2, but the weight of “政府采购执行率” is 4
   10 |     规则 基础分 2分, 每低于 1个百分点 扣 0.5分, 扣完为止
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
test.rubric:5:17: note: the weight is set here
    5 |   指标 政府采购执行率 权重 4 {
      |                            ^
)");
}

TEST_CASE("seed 000 政府采购执行率 acknowledged in place gives no warning", "[rules]") {
    const std::string rubric = R"(评分表 "益阳市医保处 2017 部门整体支出绩效评价" {
  来源 "seed 000"
  总分 4
  口径 { 计步 按起算步数  舍入 指标 2位 四舍五入 }
  指标 政府采购执行率 权重 4 {
    原文 "政府采购执行率=(实际政府采购金额/政府采购预算数)×100%，为100%的计2分，每低于1个百分点扣0.5分，扣完为止"
    输入 实际政府采购金额: 金额 万元, 政府采购预算数: 金额 万元
    取值 政府采购执行率: 百分比 = 实际政府采购金额 / 政府采购预算数
    目标 = 100%
    规则 基础分 2分, 每低于 1个百分点 扣 0.5分, 扣完为止
    确认 W0501 "原表权重 4 分而规则满分 2 分；照原表保留"
  }
}
)";
    const rubric::check_result result = check_text(rubric);
    CHECK(result.diagnostics.warning_count() == 0);
    CHECK(result.ok());
    // The warning stays in the list as a note that carries the reason.
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:10:8: note[W0501]: the rule scores at most 2, but the weight of “政府采购执行率” is 4 (acknowledged: 原表权重 4 分而规则满分 2 分；照原表保留)
   10 |     规则 基础分 2分, 每低于 1个百分点 扣 0.5分, 扣完为止
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
test.rubric:5:17: note: the weight is set here
    5 |   指标 政府采购执行率 权重 4 {
      |                            ^
)");
}

TEST_CASE("seed 003 重点支出安排率 as bands is clean", "[rules]") {
    const std::string rubric = R"(评分表 "岳阳市君山区医疗保障局 2022 整体支出自评" {
  来源 "seed 003"
  总分 5
  口径 { 舍入 指标 2位 四舍五入 }
  指标 重点支出安排率 权重 5 {
    原文 "重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。"
    取值 重点支出安排率: 百分比
    规则 分档 {
      ≥ 90%: 5分,
      [80%, 90%): 4分,
      [70%, 80%): 3分,
      [60%, 70%): 2分,
      < 60%: 不得分,
    }
  }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("the same bands with a gap (E0503)", "[rules]") {
    const std::string rubric = R"(评分表 "岳阳市君山区医疗保障局 2022 整体支出自评" {
  来源 "seed 003"
  总分 5
  口径 { 舍入 指标 2位 四舍五入 }
  指标 重点支出安排率 权重 5 {
    原文 "重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。"
    取值 重点支出安排率: 百分比
    规则 分档 {
      ≥ 90%: 5分,
      [80%, 90%): 4分,
      [70%, 80%): 3分,
      [60%, 65%): 2分,
      < 60%: 不得分,
    }
  }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:11:7: error[E0503]: no band covers values in [65%, 70%)
   11 |       [70%, 80%): 3分,
      |       ^^^^^^^^^^
)");
}

TEST_CASE("the same bands with an overlap (E0502)", "[rules]") {
    const std::string rubric = R"(评分表 "岳阳市君山区医疗保障局 2022 整体支出自评" {
  来源 "seed 003"
  总分 5
  口径 { 舍入 指标 2位 四舍五入 }
  指标 重点支出安排率 权重 5 {
    原文 "重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。"
    取值 重点支出安排率: 百分比
    规则 分档 {
      ≥ 90%: 5分,
      [80%, 90%]: 4分,
      [70%, 80%): 3分,
      [60%, 70%): 2分,
      < 60%: 不得分,
    }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:10:7: error[E0502]: bands overlap: the value 90% falls in both “≥ 90%” and “[80%, 90%]”
   10 |       [80%, 90%]: 4分,
      |       ^^^^^^^^^^
test.rubric:9:7: note: the earlier band
    9 |       ≥ 90%: 5分,
      |       ^^^^^
)");
}

TEST_CASE(
    "seed 003 预算调整率 in English: bands need the input's range, or they leave negative rates uncovered",
    "[rules]") {
    const std::string rubric = R"(rubric "budget adjustment" {
  source "seed 003"
  total 6
  policy { round indicator 2 places half_up }
  indicator 预算调整率 weight 3 {
    text "=0，计3分；0-10%（含），计2分；10%-20%（含），计1分；20%-30%（含），计0.5分；大于30%不得分"
    input 预算调整率: percent
    value 预算调整率
    rule bands { = 0: 3分, (0, 10%]: 2分, (10%, 20%]: 1分, (20%, 30%]: 0.5分, > 30%: zero }
  }
  indicator 预算调整率2 weight 3 {
    text "the same, with the domain declared"
    input 调整率: percent range ≥ 0
    value 调整率
    rule bands { = 0: 3分, (0, 10%]: 2分, (10%, 20%]: 1分, (20%, 30%]: 0.5分, > 30%: zero }
  }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:9:18: error[E0503]: no band covers values < 0
    9 |     rule bands { = 0: 3分, (0, 10%]: 2分, (10%, 20%]: 1分, (20%, 30%]: 0.5分, > 30%: zero }
      |                  ^^^
      = note: “预算调整率” can be below 0; if it cannot, declare its domain on the input, such as `范围`/`range` ≥ 0
)");
}

TEST_CASE("bands that never apply (W0504) and a band after 否则 (W0518)", "[rules]") {
    const std::string rubric = R"(评分表 "分档" {
  来源 "测试用例"
  总分 6
  口径 { 舍入 指标 2位 四舍五入 }
  输入 调整率: 百分比 范围 ≥ 0
  指标 预算调整率 权重 3 {
    原文 "调整率为0得满分"
    取值 调整率
    规则 分档 { = 0: 满分, < 0: 1分, [20%, 10%]: 1分, > 0: 不得分, 否则: 不得分 }
  }
  指标 完成率 权重 3 {
    原文 "完成率达标得满分"
    取值 完成率: 百分比
    规则 分档 { ≥ 100%: 满分, 否则: 不得分, < 100%: 1分 }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:22: warning[W0504]: this band never applies: “< 0” lies outside the values of “调整率” (≥ 0)
    9 |     规则 分档 { = 0: 满分, < 0: 1分, [20%, 10%]: 1分, > 0: 不得分, 否则: 不得分 }
      |                            ^^^
test.rubric:9:31: warning[W0504]: this band never applies: “[20%, 10%]” holds no value
    9 |     规则 分档 { = 0: 满分, < 0: 1分, [20%, 10%]: 1分, > 0: 不得分, 否则: 不得分 }
      |                                      ^^^^^^^^^^
test.rubric:9:57: warning[W0504]: `否则`/`otherwise` never applies: the bands before it cover every value of “调整率”
    9 |     规则 分档 { = 0: 满分, < 0: 1分, [20%, 10%]: 1分, > 0: 不得分, 否则: 不得分 }
      |                                                                    ^^^^
test.rubric:14:34: warning[W0518]: this band never applies: `否则`/`otherwise` comes before it
   14 |     规则 分档 { ≥ 100%: 满分, 否则: 不得分, < 100%: 1分 }
      |                                             ^^^^^^
)");
}

TEST_CASE("scores below 0 and above the weight without a bound (W0505, W0506)", "[rules]") {
    const std::string rubric = R"(rubric "bounds" {
  source "test case"
  total 12
  policy { step_counting started_steps  percent_steps percentage_points  round indicator 2 places half_up }
  indicator 资金使用合规性 weight 4 {
    text "每出现一例不符合要求的扣1分"
    value 不符合要求例数: count 例
    rule per_occurrence 1例 deduct 1分
  }
  indicator 满意度 weight 4 {
    text "基础分3分，每增加1%加1分，最多加2分"
    value 满意度: percent
    target = 90%
    rule base 3分, per_rise 1% add 1分 at_most 2分, until_zero
  }
  indicator 审计问题 weight 4 {
    text "每发现一项扣2分，最多扣6分"
    value 审计问题数: count 项
    rule per_occurrence 1项 deduct 2分 at_most 6分
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:8:10: warning[W0505]: the rule has no lower limit, so it can score below 0; “资金使用合规性” is kept at 0: write `扣完为止`/`until_zero` to say so
    8 |     rule per_occurrence 1例 deduct 1分
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
test.rubric:14:10: warning[W0506]: the rule can score as high as 5, above the weight 4 of “满意度”; it is kept at 4: write `封顶`/`cap_at` 4分 to say so
   14 |     rule base 3分, per_rise 1% add 1分 at_most 2分, until_zero
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
test.rubric:19:10: warning[W0505]: the rule can score as low as -2, below 0; “审计问题” is kept at 0: write `扣完为止`/`until_zero` to say so
   19 |     rule per_occurrence 1项 deduct 2分 at_most 6分
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("bounds that say what the clamp would do are clean", "[rules]") {
    const std::string rubric = R"(评分表 "界限" {
  来源 "测试用例"
  总分 15
  口径 { 计步 按整步  百分比步长 按百分点  舍入 指标 2位 四舍五入 }
  指标 满意度 权重 15 {
    原文 "每增加1%加1分,最多加5分;每减少1%减3分,直至减完"
    取值 满意度: 百分比
    目标 = 100%
    规则 基础分 10分, 每增加 1% 加 1分 最多 5分; 每减少 1% 减 3分, 直至减完
  }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("checklists: mixed gains and deductions (E0507), outcomes where none or all are needed (E0508)",
          "[rules]") {
    const std::string rubric = R"(评分表 "要点" {
  来源 "测试用例"
  总分 6
  口径 { 舍入 指标 2位 四舍五入 }
  指标 资产管理 权重 2 {
    原文 "资产保存完整得1分；配置不合理扣1分"
    规则 要点 { 1 "资产保存完整": 1分, 2 "资产配置合理": 扣 1分, 3 "资产处置规范": 1分 }
  }
  指标 资金使用合规性 权重 2 {
    原文 "具备要点1-2得100%权重分"
    规则 要点 全部具备 { 1: 1分, 2 }
  }
  指标 绩效目标合理性 权重 2 {
    原文 "①计1分；②计0.5分；③计0.5分"
    规则 要点 { ① "符合总体规划": 1分, ② "符合部门职责": 0.5分, ③ "符合中长期规划" }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:7:29: error[E0507]: a checklist gives points for items met or deducts for items not met, not both: “2” deducts
    7 |     规则 要点 { 1 "资产保存完整": 1分, 2 "资产配置合理": 扣 1分, 3 "资产处置规范": 1分 }
      |                                        ^
test.rubric:7:13: note: “1” gives points
    7 |     规则 要点 { 1 "资产保存完整": 1分, 2 "资产配置合理": 扣 1分, 3 "资产处置规范": 1分 }
      |                 ^
test.rubric:11:21: error[E0508]: items of a `全部具备`/`all_or_nothing` list take no outcome: it gives the full weight only when every item is met
   11 |     规则 要点 全部具备 { 1: 1分, 2 }
      |                             ^^^
test.rubric:15:47: error[E0508]: “③” has no outcome: give it one (such as 1分), or give the list a default with `各`/`each`
   15 |     规则 要点 { ① "符合总体规划": 1分, ② "符合部门职责": 0.5分, ③ "符合中长期规划" }
      |                                                                 ^
)");
}

TEST_CASE("a level map missing levels (E0509) and a judged range above the weight (E0510)", "[rules]") {
    const std::string rubric = R"x(评分表 "档次" {
  来源 "测试用例"
  总分 10
  口径 { 舍入 指标 2位 四舍五入 }
  档次 达成度 { 达成, 基本达成, 部分达成, 未达成 }
  指标 完成情况 权重 5 {
    原文 "达成得满分，基本达成得80%"
    取值 完成情况: 达成度
    规则 按档次 { 达成: 满分, 基本达成: 80% 权重 }
  }
  指标 经济效益 权重 5 {
    原文 "按经济效益实现程度计算得分(5分)"
    规则 评定 [60%, 120%] 权重
  }
}
)x";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:8: error[E0509]: `按档次`/`by_level` gives no outcome for “部分达成” and “未达成” of “达成度”: add them, or `否则`/`otherwise`
    9 |     规则 按档次 { 达成: 满分, 基本达成: 80% 权重 }
      |          ^^^^^^
test.rubric:13:11: error[E0510]: the judged range “[60%, 120%]” of the weight reaches 6, above the weight 5 of “经济效益”
   13 |     规则 评定 [60%, 120%] 权重
      |               ^^^^^^^^^^^
)");
}

TEST_CASE("steps and caps that are not positive (E0511, E0516); 起扣 on 每偏离 and options given twice "
          "(E0514, E0515)",
          "[rules]") {
    const std::string rubric = R"(评分表 "步长" {
  来源 "测试用例"
  总分 8
  口径 { 百分比步长 按百分点  舍入 指标 2位 四舍五入 }
  指标 支出进度率 权重 4 {
    原文 "每降低1%扣0.4分，最多扣4分"
    取值 支出进度率: 百分比
    目标 = 100%
    规则 每降低 0% 扣 0.4分 最多 0分 (按整步), 扣完为止
  }
  指标 预算调整率 权重 4 {
    原文 "偏离5%以上的，每增长或降低1%扣权重分的10%"
    取值 预算调整率: 百分比
    目标 = 0
    规则 每增长或降低 1% 扣 10% 权重 (起扣 5%, 按整步, 按起算步数, 按整步), 扣完为止
  }
}
)";
    CHECK(check_report(rubric) == R"(test.rubric:9:12: error[E0511]: a step must be positive; “0%” is not
    9 |     规则 每降低 0% 扣 0.4分 最多 0分 (按整步), 扣完为止
      |                 ^^
test.rubric:9:25: error[E0516]: a cap (`最多`/`at_most`) must be positive; “0分” is not
    9 |     规则 每降低 0% 扣 0.4分 最多 0分 (按整步), 扣完为止
      |                                  ^^^
test.rubric:15:28: error[E0514]: `起扣`/`from` does not apply to `每偏离`/`per_deviation`: write the tolerance as a target interval, such as 目标 [95%, 105%]
   15 |     规则 每增长或降低 1% 扣 10% 权重 (起扣 5%, 按整步, 按起算步数, 按整步), 扣完为止
      |                                       ^^^^
test.rubric:15:40: error[E0515]: `按起算步数`/`started_steps` contradicts `按整步`/`full_steps`: a clause counts its steps one way
   15 |     规则 每增长或降低 1% 扣 10% 权重 (起扣 5%, 按整步, 按起算步数, 按整步), 扣完为止
      |                                                        ^^^^^^^^^^
test.rubric:15:35: note: given here first
   15 |     规则 每增长或降低 1% 扣 10% 权重 (起扣 5%, 按整步, 按起算步数, 按整步), 扣完为止
      |                                                ^^^^^^
test.rubric:15:47: error[E0515]: `按整步`/`full_steps` is given twice in this clause
   15 |     规则 每增长或降低 1% 扣 10% 权重 (起扣 5%, 按整步, 按起算步数, 按整步), 扣完为止
      |                                                                    ^^^^^^
test.rubric:15:35: note: given here first
   15 |     规则 每增长或降低 1% 扣 10% 权重 (起扣 5%, 按整步, 按起算步数, 按整步), 扣完为止
      |                                                ^^^^^^
)");
}

TEST_CASE("a clause that never applies (W0512)", "[rules]") {
    const std::string rubric = R"(rubric "never" {
  source "test case"
  total 8
  policy { step_counting started_steps  percent_steps percentage_points  round indicator 2 places half_up }
  indicator 群众满意度 weight 4 {
    text "满意度≥95%，每超过1%扣1分"
    value 群众满意度: percent
    target ≥ 95%
    rule per_rise 1% deduct 1分, until_zero
  }
  input 增长率: percent range ≥ 0
  indicator 增长 weight 4 {
    text "增长率为0得满分，每低于1%扣1分"
    value 增长率
    target = 0
    rule per_drop 1% deduct 1分, until_zero
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:10: warning[W0512]: this clause never applies: “per_rise” counts steps above the target, and the target “≥ 95%” has no upper end; to count from a threshold, write `起扣`/`from`
    9 |     rule per_rise 1% deduct 1分, until_zero
      |          ^^^^^^^^^^^^^^^^^^^^^^
test.rubric:16:10: warning[W0512]: this clause never applies: “增长率” is never below 0 (its values: ≥ 0)
   16 |     rule per_drop 1% deduct 1分, until_zero
      |          ^^^^^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("items without 汇总, 汇总 without items, a single item (E0513); a rule missing (E0521)",
          "[rules]") {
    const std::string rubric = R"(评分表 "分项" {
  来源 "测试用例"
  总分 12
  口径 { 舍入 指标 2位 四舍五入 }
  指标 数量 权重 4 {
    原文 "实际值为100%得满分"
    分项 电子屏 { 取值 电子屏完成率: 百分比; 目标 ≥ 100%; 规则 按比例 }
    分项 专家 { 取值 专家完成率: 百分比; 目标 ≥ 100%; 规则 按比例 }
  }
  指标 质量 权重 4 {
    原文 "按质量评定"
    分项 验收 { 取值 验收合格率: 百分比; 目标 ≥ 100%; 规则 按比例 }
    汇总 平均
  }
  指标 时效 权重 4 {
    原文 "按时完成"
    汇总 最低
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:6: error[E0513]: “数量” has items but no `汇总`/`combine`: say how their scores combine (平均, 最低, 最高, 全部达标 or 择一)
    5 |   指标 数量 权重 4 {
      |        ^^^^
test.rubric:12:8: error[E0513]: “质量” has a single item: items are several rows under one weight; write its clauses in the indicator
   12 |     分项 验收 { 取值 验收合格率: 百分比; 目标 ≥ 100%; 规则 按比例 }
      |          ^^^^
test.rubric:15:6: error[E0521]: “时效” has no rule: add `规则`/`rule`
   15 |   指标 时效 权重 4 {
      |        ^^^^
test.rubric:17:5: error[E0513]: `汇总`/`combine` combines items, but “时效” has none
   17 |     汇总 最低
      |     ^^^^
)");
}

TEST_CASE("completion ratio against an interval (E0517), cases after 否则 (W0518), cases without 否则 "
          "(E0520), two 基础分 (E0519)",
          "[rules]") {
    const std::string rubric = R"(评分表 "情形" {
  来源 "测试用例"
  总分 16
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 指标 2位 四舍五入 }
  指标 偏差率 权重 4 {
    原文 "偏差率在95%-105%之间得满分"
    取值 偏差率: 百分比
    目标 [95%, 105%]
    规则 按完成比例
  }
  指标 资金结余 权重 4 {
    原文 "无结余，4分；否则不得分"
    输入 本年结余: 金额 万元
    规则 情形 { 当 本年结余 = 0: 满分, 否则: 不得分, 当 本年结余 < 10万元: 2分 }
  }
  指标 上年结转 权重 4 {
    原文 "结余不超过上年结转，4分"
    输入 结余: 金额 万元, 上年结转: 金额 万元
    规则 情形 { 当 结余 ≤ 上年结转: 满分 }
  }
  指标 满意度 权重 4 {
    原文 "基础分3分"
    取值 满意度: 百分比
    目标 = 100%
    规则 基础分 3分, 基础分 4分, 每降低 1% 扣 1分, 扣完为止
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:9:8: error[E0517]: `按完成比例`/`completion_ratio` reads its direction from the target's comparator (≥ or ≤), but the target of “偏差率” is an interval
    9 |     规则 按完成比例
      |          ^^^^^^^^^^
test.rubric:14:40: warning[W0518]: this case never applies: `否则`/`otherwise` comes before it
   14 |     规则 情形 { 当 本年结余 = 0: 满分, 否则: 不得分, 当 本年结余 < 10万元: 2分 }
      |                                                         ^^^^^^^^^^^^^^^^^
test.rubric:19:8: error[E0520]: `情形`/`cases` must end with `否则`/`otherwise`, so that every unit gets a score
   19 |     规则 情形 { 当 结余 ≤ 上年结转: 满分 }
      |          ^^^^
test.rubric:25:16: error[E0519]: `基础分`/`base` is given twice in this rule
   25 |     规则 基础分 3分, 基础分 4分, 每降低 1% 扣 1分, 扣完为止
      |                      ^^^^^^
test.rubric:25:8: note: first given here
   25 |     规则 基础分 3分, 基础分 4分, 每降低 1% 扣 1分, 扣完为止
      |          ^^^^^^
)");
}

TEST_CASE("a penalty block: deductions deeper than the weight, and a bonus without a cap", "[rules]") {
    const std::string rubric = R"(评分表 "加减分" {
  来源 "测试用例"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  指标 履职 权重 4 { 原文 "按履职情况评定"; 规则 评定 }
  加分 附加分 最多 2分 {
    指标 工作经验被推广 权重 2 {
      原文 "每推广一次加1分"
      取值 推广次数: 计数 次
      规则 每出现 1次 加 1分
    }
  }
  减分 减分指标 最多 10分 {
    指标 审计发现问题 权重 10 {
      原文 "每发现一项扣2分"
      取值 审计问题数: 计数 项
      规则 每发现 1项 扣 2分
    }
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:10:10: warning[W0506]: the rule has no upper limit, so it can score above the weight 2 of “工作经验被推广”; it is kept at 2: write `封顶`/`cap_at` 2分 to say so
   10 |       规则 每出现 1次 加 1分
      |            ^^^^^^^^^^^^^^^^^
test.rubric:17:10: warning[W0505]: the rule has no lower limit, so it can deduct more than the weight 10 of “审计发现问题”; it is kept at -10: write `保底`/`floor_at` -10分 to say so
   17 |       规则 每发现 1项 扣 2分
      |            ^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("a domain that bounds the deductions proves the floor without 扣完为止", "[rules]") {
    const std::string rubric = R"(评分表 "界限" {
  来源 "测试用例"
  总分 4
  口径 { 计步 按整步  百分比步长 按百分点  舍入 指标 2位 四舍五入 }
  输入 支出进度率: 百分比 范围 [95%, 100%]
  指标 支出进度率 权重 4 {
    原文 "每降低1%扣权重分的10%"
    取值 支出进度率
    目标 = 100%
    规则 每降低 1% 扣 10% 权重
  }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("a domain that lets deductions pass 0: the lowest score, exactly", "[rules]") {
    const std::string rubric = R"(评分表 "界限" {
  来源 "测试用例"
  总分 4
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 指标 2位 四舍五入 }
  输入 支出进度率: 百分比 范围 [90.5%, 100%]
  指标 支出进度率 权重 4 {
    原文 "每降低1%扣0.45分"
    取值 支出进度率
    目标 = 100%
    规则 每降低 1% 扣 0.45分
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:10:8: warning[W0505]: the rule can score as low as -0.5, below 0; “支出进度率” is kept at 0: write `扣完为止`/`until_zero` to say so
   10 |     规则 每降低 1% 扣 0.45分
      |          ^^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("a score formula naming an input twice is not judged (no proof, no warning)", "[rules]") {
    const std::string rubric = R"(rubric "formula" {
  source "test case"
  total 4
  policy { round indicator 2 places half_up }
  input 系数: number range [-1, 1]
  indicator 系数得分 weight 4 {
    text "得分=系数×系数×权重"
    rule score = 系数 × 系数 × weight
  }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("a score formula in points whose range leaves [0, weight] (W0505, W0506)", "[rules]") {
    const std::string rubric = R"(rubric "formula" {
  source "test case"
  total 8
  policy { round indicator 2 places half_up }
  input 考核得分: number range [-10, 110], 考核指标分值: number range [100, 100]
  indicator 实际完成率 weight 8 {
    text "考核得分/指标分值*8分"
    rule score = 考核得分 / 考核指标分值 × weight
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:8:10: warning[W0505]: the rule can score as low as -0.8, below 0; “实际完成率” is kept at 0: write `扣完为止`/`until_zero` to say so
    8 |     rule score = 考核得分 / 考核指标分值 × weight
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
test.rubric:8:10: warning[W0506]: the rule can score as high as 8.8, above the weight 8 of “实际完成率”; it is kept at 8: write `封顶`/`cap_at` 8分 to say so
    8 |     rule score = 考核得分 / 考核指标分值 × weight
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("step counting and percent steps left implicit (W0601, W0602), no rounding policy (W0603)",
          "[policies]") {
    const std::string rubric = R"(评分表 "口径" {
  来源 "测试用例"
  总分 8
  指标 支出进度率 权重 4 {
    原文 "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止"
    取值 支出进度率: 百分比
    目标 = 100%
    规则 每降低 1% 扣 10% 权重, 扣完为止
  }
  指标 资金使用合规性 权重 4 {
    原文 "每出现一例不符合要求的扣1分，扣完为止"
    取值 不符合要求例数: 计数 例
    规则 每出现 1例 扣 1分, 扣完为止
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:1:5: warning[W0603]: no rounding policy: scores are kept exact, and reports print them to 2 places 四舍五入; say where to round in `口径`/`policy`, such as “舍入 指标 2位 四舍五入”
    1 | 评分表 "口径" {
      |        ^^^^^^
test.rubric:8:8: warning[W0601]: step counting is not stated: write `按比例计步`/`pro_rata`, `按整步`/`full_steps` or `按起算步数`/`started_steps` in the clause's options or in `口径`/`policy` (assuming `按比例计步`/`pro_rata`)
    8 |     规则 每降低 1% 扣 10% 权重, 扣完为止
      |          ^^^^^^^^^^^^^^^^^^^^^
test.rubric:8:12: warning[W0602]: “1%” on a percent is percentage points or relative: write `按百分点`/`percentage_points` or `按相对值`/`relative` in the clause's options or in `口径`/`policy` (assuming `按百分点`/`percentage_points`)
    8 |     规则 每降低 1% 扣 10% 权重, 扣完为止
      |                 ^^
)");
}

TEST_CASE("the same choices made per clause need no policy", "[policies]") {
    const std::string rubric = R"(rubric "policy" {
  source "test case"
  total 4
  policy { round total 1 places half_up }
  indicator 支出进度率 weight 4 {
    text "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止"
    value 支出进度率: percent
    target = 100%
    rule per_drop 1% deduct 10% weight (started_steps, percentage_points), until_zero
  }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE(
    "a completion ratio against a bare target (W0604), policy entries given twice (E0606), ranking (W0801)",
    "[policies]") {
    const std::string rubric = R"(rubric "policies" {
  source "test case"
  total 8
  policy { step_counting full_steps  step_counting started_steps  round indicator 2 places half_up  round indicator 1 places down }
  indicator 代缴人数 weight 4 {
    text "代缴18067人"
    value 代缴人数: count 人
    target 1.8067万人
    rule completion_ratio
  }
  indicator 征缴排名 weight 4 {
    text "排名前5名得满分，每位次按0.25分递减"
    value 征缴完成率: percent
    rule rank higher_better top 5 full, per_place deduct 0.25分, until_zero
  }
}
)";
    CHECK(check_report(rubric) ==
          R"(test.rubric:4:38: error[E0606]: `计步`/`step_counting` is given twice: a policy entry is set once
    4 |   policy { step_counting full_steps  step_counting started_steps  round indicator 2 places half_up  round indicator 1 places down }
      |                                      ^^^^^^^^^^^^^
test.rubric:4:12: note: first given here
    4 |   policy { step_counting full_steps  step_counting started_steps  round indicator 2 places half_up  round indicator 1 places down }
      |            ^^^^^^^^^^^^^
test.rubric:4:101: error[E0606]: `舍入`/`round` for `指标`/`indicator` is given twice: a policy entry is set once
    4 |   policy { step_counting full_steps  step_counting started_steps  round indicator 2 places half_up  round indicator 1 places down }
      |                                                                                                     ^^^^^
test.rubric:4:67: note: first given here
    4 |   policy { step_counting full_steps  step_counting started_steps  round indicator 2 places half_up  round indicator 1 places down }
      |                                                                   ^^^^^
test.rubric:8:12: warning[W0604]: `按完成比例`/`completion_ratio` takes its direction from the target's comparator, but “1.8067万人” has none: write ≥ (higher is better) or ≤ (lower is better) (assuming ≥)
    8 |     target 1.8067万人
      |            ^^^^^^^^^^
test.rubric:14:10: warning[W0801]: “征缴排名” ranks units against each other: scoring it needs a cohort of units scored together
   14 |     rule rank higher_better top 5 full, per_place deduct 0.25分, until_zero
      |          ^^^^
)");
}

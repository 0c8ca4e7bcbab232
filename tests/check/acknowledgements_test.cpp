// acknowledgements_test.cpp — golden tests of `确认 CODE "理由"`: only warnings, and only with a reason.
#include "check_report.hpp"

#include <catch2/catch.hpp>
#include <string>

using rubric::testing::check_report;

TEST_CASE("acknowledging an error code, and a warning without a reason (E0902, E0903)",
          "[acknowledgements]") {
    const std::string rubric = R"(评分表 "确认" {
  来源 "测试"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  指标 政府采购执行率 权重 4 {
    确认 E0401 "原表如此"
    确认 W0410 ""
    规则 评定
  }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:5:6: note[W0410]: indicator “政府采购执行率” has no 原文; keep the rule as published beside it: 原文 "…" (acknowledged: )
    5 |   指标 政府采购执行率 权重 4 {
      |        ^^^^^^^^^^^^^^
test.rubric:6:8: error[E0902]: E0401 is an error, and only a warning (W…) can be acknowledged; fix what it reports
    6 |     确认 E0401 "原表如此"
      |          ^^^^^
test.rubric:7:14: error[E0903]: the acknowledgement of W0410 gives no reason; say why the rubric keeps it
    7 |     确认 W0410 ""
      |                ^^
)");
}

// templates_test.cpp — golden tests of imports and extension (templates.cpp, and the tree collect.cpp
// builds): a rubric 基于 a template amends its tree; imports bring libraries' definitions, prefixed with
// 作为.
#include "check/model.hpp"
#include "check_report.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using rubric::testing::check_report;
using rubric::testing::check_text;

namespace {

// The national project form (财预〔2020〕10号), cut down: weights fixed, groups left empty, one rule 待定.
const std::string project_template = R"(模板 "项目支出绩效自评表（财预〔2020〕10号）" {
  来源 "财预〔2020〕10号"
  总分 100
  等级 { 优: [90, 100], 良: [80, 90), 中: [60, 80), 差: [0, 60) }
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 总分 2位 四舍五入  不适用 折算 }
  指标 预算执行率 权重 10 {
    原文 "全年执行数/全年预算数×10"
    输入 全年预算数: 金额 万元, 全年执行数: 金额 万元
    取值 预算执行率: 百分比 = 全年执行数 / 全年预算数
    规则 按比例
  }
  分组 产出指标 权重 50 { 分组 数量指标 { } 分组 质量指标 { } }
  分组 效益指标 权重 30 {
    指标 社会效益 权重 30 { 原文 "由各省自行制定" 规则 待定 "由各省自行制定" }
  }
  分组 满意度指标 权重 10 { 分组 服务对象满意度指标 { } }
}
)";

// A project's rubric that extends it (README §12).
const std::string miyi = R"(评分表 "米易县医疗保障事务中心 医保专项工作经费 2019" 基于 "project-2020.rubric" {
  年度 2019
  覆盖 分组 产出指标.数量指标 {
    指标 个人缴费人数 权重 30 {
      原文 "实际缴费人数/计划人数×权重"
      取值 个人缴费人数: 计数 人
      目标 ≥ 18.8万人
      规则 按完成比例
    }
  }
  覆盖 分组 产出指标.质量指标 {
    指标 资金到位率 权重 20 { 原文 "按比例" 取值 资金到位率: 百分比 规则 按比例 }
  }
  覆盖 指标 预算执行率 {
    说明 "本项目按执行数与预算数计算，保留整数百分比"
    取值 预算执行率: 百分比 = 舍入(全年执行数 / 全年预算数, 0, 四舍五入)
  }
  覆盖 指标 效益指标.社会效益 {
    取值 参保率: 百分比
    目标 ≥ 95%
    规则 每降低 1% 扣 1分, 扣完为止
  }
  覆盖 分组 满意度指标.服务对象满意度指标 {
    指标 群众满意度 权重 10 { 原文 "按比例" 取值 群众满意度: 百分比 规则 按比例 }
  }
}
)";

const std::string library_a = R"(规则库 "甲库" {
  来源 "甲"
  定义 规则 低于目标扣权重 (比例: 百分比 = 10%) { 每降低 1% 扣 比例 权重, 扣完为止 }
  档次 知晓程度 { 普遍知晓, 未普遍知晓 }
}
)";

const std::string library_b = R"(规则库 "乙库" {
  来源 "乙"
  定义 规则 低于目标扣权重 (比例: 百分比 = 20%) { 每降低 1% 扣 比例 权重, 扣完为止 }
}
)";

} // namespace

TEST_CASE("a template with empty groups and a rule left 待定 checks clean", "[templates]") {
    const std::string rubric = R"(模板 "项目支出绩效自评表（财预〔2020〕10号）" {
  来源 "财预〔2020〕10号"
  总分 100
  等级 { 优: [90, 100], 良: [80, 90), 中: [60, 80), 差: [0, 60) }
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 总分 2位 四舍五入  不适用 折算 }
  指标 预算执行率 权重 10 {
    原文 "全年执行数/全年预算数×10"
    输入 全年预算数: 金额 万元, 全年执行数: 金额 万元
    取值 预算执行率: 百分比 = 全年执行数 / 全年预算数
    规则 按比例
  }
  分组 产出指标 权重 50 { 分组 数量指标 { } 分组 质量指标 { } }
  分组 效益指标 权重 30 {
    指标 社会效益 权重 30 { 原文 "由各省自行制定" 规则 待定 "由各省自行制定" }
  }
  分组 满意度指标 权重 10 { 分组 服务对象满意度指标 { } }
}
)";
    CHECK(check_report(rubric) == "");
}

TEST_CASE("a rubric that fills and amends its template checks clean", "[templates]") {
    const std::string rubric =
        R"(评分表 "米易县医疗保障事务中心 医保专项工作经费 2019" 基于 "project-2020.rubric" {
  年度 2019
  覆盖 分组 产出指标.数量指标 {
    指标 个人缴费人数 权重 30 {
      原文 "实际缴费人数/计划人数×权重"
      取值 个人缴费人数: 计数 人
      目标 ≥ 18.8万人
      规则 按完成比例
    }
  }
  覆盖 分组 产出指标.质量指标 {
    指标 资金到位率 权重 20 { 原文 "按比例" 取值 资金到位率: 百分比 规则 按比例 }
  }
  覆盖 指标 预算执行率 {
    说明 "本项目按执行数与预算数计算，保留整数百分比"
    取值 预算执行率: 百分比 = 舍入(全年执行数 / 全年预算数, 0, 四舍五入)
  }
  覆盖 指标 效益指标.社会效益 {
    取值 参保率: 百分比
    目标 ≥ 95%
    规则 每降低 1% 扣 1分, 扣完为止
  }
  覆盖 分组 满意度指标.服务对象满意度指标 {
    指标 群众满意度 权重 10 { 原文 "按比例" 取值 群众满意度: 百分比 规则 按比例 }
  }
}
)";
    CHECK(check_report(rubric, {{"project-2020.rubric", project_template}}) == "");
}

TEST_CASE("覆盖 of nodes the base lacks or of the wrong kind, a base node written again, the template's 待定 "
          "and empty groups (E0703, E0704, E0705, E0408)",
          "[templates]") {
    const std::string rubric = R"(评分表 "某项目 2019" 基于 "project-2020.rubric" {
  覆盖 分组 产出指标.数量指标 {
    指标 个人缴费人数 权重 30 { 原文 "按比例" 取值 个人缴费人数: 计数 人 规则 按比例 }
  }
  覆盖 指标 产出指标.质量 { 规则 评定 }
  覆盖 分组 预算执行率 { 说明 "…" }
  指标 预算执行率 权重 10 { 原文 "按比例" 规则 评定 }
  覆盖 分组 满意度指标.服务对象满意度指标 {
    指标 群众满意度 权重 10 { 原文 "按比例" 取值 群众满意度: 百分比 规则 按比例 }
  }
}
)";
    CHECK(
        check_report(rubric, {{"project-2020.rubric", project_template}}) ==
        R"(test.rubric:1:19: error[E0705]: the template leaves the rule of “效益指标.社会效益” 待定; give it with 覆盖 指标 效益指标.社会效益 { 规则 … }
    1 | 评分表 "某项目 2019" 基于 "project-2020.rubric" {
      |                           ^^^^^^^^^^^^^^^^^^^^^
project-2020.rubric:14:37: note: left 待定 here
   14 |     指标 社会效益 权重 30 { 原文 "由各省自行制定" 规则 待定 "由各省自行制定" }
      |                                                        ^^^^^^^^^^^^^^^^^^^^^
test.rubric:1:19: error[E0408]: group “产出指标.质量指标” has no indicators; add them with 覆盖 分组 产出指标.质量指标 { 指标 … }
    1 | 评分表 "某项目 2019" 基于 "project-2020.rubric" {
      |                           ^^^^^^^^^^^^^^^^^^^^^
project-2020.rubric:12:34: note: the template's empty group
   12 |   分组 产出指标 权重 50 { 分组 数量指标 { } 分组 质量指标 { } }
      |                                                  ^^^^^^^^
test.rubric:5:9: error[E0703]: the base has no indicator “产出指标.质量” to amend
    5 |   覆盖 指标 产出指标.质量 { 规则 评定 }
      |             ^^^^^^^^^^^^^
      = note: did you mean “产出指标.质量指标”?
test.rubric:6:9: error[E0703]: “预算执行率” is an indicator in the base, not a group; write 覆盖 指标
    6 |   覆盖 分组 预算执行率 { 说明 "…" }
      |             ^^^^^^^^^^
project-2020.rubric:6:6: note: the base's “预算执行率” is here
    6 |   指标 预算执行率 权重 10 {
      |        ^^^^^^^^^^
test.rubric:7:6: error[E0704]: the base already has the indicator “预算执行率”; write 覆盖 指标 to amend it
    7 |   指标 预算执行率 权重 10 { 原文 "按比例" 规则 评定 }
      |        ^^^^^^^^^^
project-2020.rubric:6:6: note: the base's “预算执行率” is here
    6 |   指标 预算执行率 权重 10 {
      |        ^^^^^^^^^^
)");
}

TEST_CASE("待定 left in a rubric, in the rubric and in its template (E0705)", "[templates]") {
    const std::string rubric = R"(rubric "pending" extends "project-2020.rubric" {
  override group 产出指标.数量指标 {
    indicator 个人缴费人数 weight 30 { text "按比例" rule pending "以后再定" }
  }
  override group 产出指标.质量指标 {
    indicator 资金到位率 weight 20 { text "按比例" value 资金到位率: percent rule proportional }
  }
  override group 满意度指标.服务对象满意度指标 {
    indicator 群众满意度 weight 10 { text "按比例" value 群众满意度: percent rule proportional }
  }
}
)";
    CHECK(
        check_report(rubric, {{"project-2020.rubric", project_template}}) ==
        R"(test.rubric:1:26: error[E0705]: the template leaves the rule of “效益指标.社会效益” 待定; give it with 覆盖 指标 效益指标.社会效益 { 规则 … }
    1 | rubric "pending" extends "project-2020.rubric" {
      |                          ^^^^^^^^^^^^^^^^^^^^^
project-2020.rubric:14:37: note: left 待定 here
   14 |     指标 社会效益 权重 30 { 原文 "由各省自行制定" 规则 待定 "由各省自行制定" }
      |                                                        ^^^^^^^^^^^^^^^^^^^^^
test.rubric:3:50: error[E0705]: the rule of “产出指标.数量指标.个人缴费人数” is left 待定; a 评分表 must give it (待定 is for a 模板)
    3 |     indicator 个人缴费人数 weight 30 { text "按比例" rule pending "以后再定" }
      |                                                           ^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("覆盖 nested inside 覆盖 searches under the amended group (E0703)", "[templates]") {
    const std::string rubric = R"(rubric "nested overrides" extends "project-2020.rubric" {
  override group 产出指标 {
    override group 数量指标 {
      indicator 个人缴费人数 weight 30 { text "按比例" value 个人缴费人数: count 人 rule proportional }
    }
    override group 质量指标 {
      indicator 资金到位率 weight 20 { text "按比例" value 资金到位率: percent rule proportional }
    }
    override indicator 时效指标 { rule judged }
  }
  override indicator 社会效益 weight 30 { rule judged }
  override group 满意度指标.服务对象满意度指标 {
    indicator 群众满意度 weight 10 { text "按比例" value 群众满意度: percent rule proportional }
  }
}
)";
    CHECK(check_report(rubric, {{"project-2020.rubric", project_template}}) ==
          R"(test.rubric:9:24: error[E0703]: the base has no indicator “时效指标” to amend
    9 |     override indicator 时效指标 { rule judged }
      |                        ^^^^^^^^
)");
}

TEST_CASE("importing a template, extending a library, a name two imports define (E0706, E0707)",
          "[templates]") {
    const std::string rubric = R"(导入 "lib_a.rubric"
导入 "lib_b.rubric"
导入 "project-2020.rubric"
评分表 "两个导入" 基于 "lib_a.rubric" {
  来源 "测试"
  总分 4
  口径 { 计步 按起算步数  百分比步长 按百分点  舍入 总分 2位 四舍五入 }
  档次 知晓程度 { 普遍知晓, 基本知晓 }
  指标 支出进度率 权重 4 {
    原文 "每降低1%扣权重分的10%"
    取值 支出进度率: 百分比
    目标 = 100%
    规则 低于目标扣权重
  }
}
)";
    CHECK(
        check_report(rubric, {{"lib_a.rubric", library_a},
                              {"lib_b.rubric", library_b},
                              {"project-2020.rubric", project_template}}) ==
        R"(test.rubric:2:4: error[E0707]: “lib_a.rubric” and “lib_b.rubric” both define the named rule “低于目标扣权重”; import one of them 作为 a prefix
    2 | 导入 "lib_b.rubric"
      |      ^^^^^^^^^^^^^^
lib_a.rubric:3:9: note: defined here
    3 |   定义 规则 低于目标扣权重 (比例: 百分比 = 10%) { 每降低 1% 扣 比例 权重, 扣完为止 }
      |             ^^^^^^^^^^^^^^
lib_b.rubric:3:9: note: and here
    3 |   定义 规则 低于目标扣权重 (比例: 百分比 = 20%) { 每降低 1% 扣 比例 权重, 扣完为止 }
      |             ^^^^^^^^^^^^^^
test.rubric:3:4: error[E0706]: “project-2020.rubric” is a 模板, and only a 规则库 can be imported; a 模板 or 评分表 is extended with 基于
    3 | 导入 "project-2020.rubric"
      |      ^^^^^^^^^^^^^^^^^^^^^
test.rubric:4:15: error[E0706]: “lib_a.rubric” is a 规则库, and 基于 extends a 模板 or 评分表; import a 规则库 with 导入
    4 | 评分表 "两个导入" 基于 "lib_a.rubric" {
      |                        ^^^^^^^^^^^^^^
test.rubric:8:6: error[E0707]: the level set “知晓程度” is also defined by the imported “lib_a.rubric”; rename one of them, or import the file 作为 a prefix
    8 |   档次 知晓程度 { 普遍知晓, 基本知晓 }
      |        ^^^^^^^^
lib_a.rubric:4:6: note: defined here
    4 |   档次 知晓程度 { 普遍知晓, 未普遍知晓 }
      |        ^^^^^^^^
)");
}

TEST_CASE("libraries imported 作为 a prefix: their rules are called by the prefixed name", "[templates]") {
    const std::string rubric = R"(import "lib_a.rubric" as 甲
import "lib_b.rubric" as 乙
rubric "aliases" {
  source "test"
  total 8
  policy { step_counting started_steps  percent_steps percentage_points  round total 2 places half_up }
  indicator 支出进度率 weight 4 {
    text "每降低1%扣权重分的10%"
    value 支出进度率: percent
    target = 100%
    rule 甲.低于目标扣权重
  }
  indicator 一般性支出压减率 weight 4 {
    text "每降低1%扣权重分的20%"
    value 压减率: percent
    target = 100%
    rule 乙.低于目标扣权重
  }
}
)";
    CHECK(check_report(rubric, {{"lib_a.rubric", library_a}, {"lib_b.rubric", library_b}}) == "");
}

TEST_CASE("a dotted name and 覆盖 in a rubric that extends nothing (E0215, E0703)", "[templates]") {
    const std::string rubric = R"(评分表 "点号" {
  来源 "测试"
  总分 4
  口径 { 舍入 总分 2位 四舍五入 }
  分组 产出 {
    指标 产出.数量 权重 4 { 原文 "t" 规则 评定 }
  }
  覆盖 指标 产出.数量 { 规则 评定 }
}
)";
    CHECK(
        check_report(rubric) ==
        R"(test.rubric:6:8: error[E0215]: “产出.数量” is a dotted name; only a rubric that extends a template (基于) writes one, to reach a node of the base
    6 |     指标 产出.数量 权重 4 { 原文 "t" 规则 评定 }
      |          ^^^^^^^^^
test.rubric:8:3: error[E0703]: 覆盖 amends a node of the template a rubric extends, and this file extends none (基于 "…"); write the node without 覆盖
    8 |   覆盖 指标 产出.数量 { 规则 评定 }
      |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("a test suite's paths resolve against the rubric it names (E0204)", "[templates]") {
    const std::string rubric = R"(测试集 针对 "miyi.rubric" {
  测试 "个人缴费人数" {
    给定 个人缴费人数 = 19万人, 全年预算数 = 100万元, 全年执行数 = 98万元
    期望 得分 个人缴费人数 = 30分, 得分 数量指标.参保人数 = 20分
  }
}
)";
    CHECK(check_report(rubric, {{"miyi.rubric", miyi}, {"project-2020.rubric", project_template}}) ==
          R"(test.rubric:4:28: error[E0204]: there is no indicator or group “数量指标.参保人数”
    4 |     期望 得分 个人缴费人数 = 30分, 得分 数量指标.参保人数 = 20分
      |                                         ^^^^^^^^^^^^^^^^^
)");
}

TEST_CASE("the amended tree: the template's nodes, the rubric's added, 覆盖 replacing clause by clause",
          "[templates]") {
    const rubric::check_result result = check_text(miyi, {{"project-2020.rubric", project_template}});
    REQUIRE(result.rubric);
    const rubric::detail::checked_model& model = result.rubric->model();
    std::vector<std::string> paths;
    for (const rubric::detail::node& n : model.nodes) {
        std::string path;
        for (const std::string& part : n.path)
            path += (path.empty() ? "" : ".") + part;
        paths.push_back(path + " " + (n.weight ? n.weight->to_string() : "-"));
    }
    CHECK(paths == std::vector<std::string>{"预算执行率 10", "产出指标 50", "产出指标.数量指标 -",
                                            "产出指标.数量指标.个人缴费人数 30", "产出指标.质量指标 -",
                                            "产出指标.质量指标.资金到位率 20", "效益指标 30",
                                            "效益指标.社会效益 30", "满意度指标 10",
                                            "满意度指标.服务对象满意度指标 -",
                                            "满意度指标.服务对象满意度指标.群众满意度 10"});

    // 预算执行率 keeps the template's 原文, 输入 and 规则 and takes the rubric's 说明 and 取值 (file 1 is the
    // template).
    const rubric::detail::node& amended = model.nodes[0];
    REQUIRE(amended.indicator->items.size() == 5);
    CHECK(amended.item_files == std::vector<std::size_t>{1, 1, 1, 0, 0});
    CHECK(amended.where.file == 0);
    const auto* value = boost::get<rubric::ast::value_clause>(&amended.indicator->items[4]);
    REQUIRE(value);
    CHECK(value->formula.has_value());
    CHECK(boost::get<rubric::ast::rule_clause>(&amended.indicator->items[2]));
}

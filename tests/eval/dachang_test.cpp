// dachang_test.cpp — the Hebei 大厂 2020 table (rubrics/hebei/dachang-2020.rubric) scored end to end with the
// actual values it published, and the figures that disagree with its published self-scores.
#include "scoring_support.hpp"

using namespace rubric;
using namespace rubric::testing;

namespace {

std::vector<value_entry> published() {
    std::vector<value_entry> v = {
        entry("预算完成率", "95%"),       entry("预算调整率", "0%"),       entry("支出进度率", "95.4%"),
        entry("三公经费变动率", "0%"),    entry("结转结余变动率", "0%"),   entry("政府采购执行率", "100%"),
        entry("在职人员控制率", "100%"),  entry("绩效目标审核通过率", "100%"),
        entry("绩效管理工作覆盖率", "100%"), entry("电子屏购置完成率", "100%"),
        entry("聘请专家完成率", "100%"),  entry("工作内容完成率", "100%"), entry("重点工作质量达标率", "100%"),
        entry("重点工作完成及时率", "100%"), entry("一般性支出压减率", "0%"), entry("政策知晓率", "普遍知晓"),
        entry("群众满意度", "95%"),       entry("效益.经济效益", "", value_kind::not_applicable),
    };
    const std::pair<const char*, int> checklists[] = {{"财务管理制度健全性", 3}, {"资金使用合规性", 5},
                                                      {"资产管理规范性", 6},     {"预决算信息公开性", 2},
                                                      {"基础信息完备性", 3},     {"绩效信息公开性", 2},
                                                      {"绩效管理制度健全性", 3}, {"重点工作制度健全性", 3}};
    for (const auto& [name, count] : checklists)
        for (int i = 1; i <= count; ++i)
            v.push_back(entry(std::string(name) + "." + std::to_string(i), "具备"));
    return v;
}

} // namespace

TEST_CASE("大厂 2020: the published actual values score 91, grade 优") {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    const result r = evaluate(rubric, bind_ok(rubric, values(published())));
    REQUIRE(r.complete());
    CHECK(r.total()->to_string() == "91");
    CHECK(r.grade() == "优");
    CHECK(score_of(rubric, r, "部门管理") == "36");
    CHECK(score_of(rubric, r, "部门产出") == "40");
    CHECK(score_of(rubric, r, "部门效果") == "15");
    CHECK(score_of(rubric, r, "支出进度率") == "2");
    CHECK(score_of(rubric, r, "群众满意度") == "5");
    CHECK(score_of(rubric, r, "效益") == "10");
    CHECK(score_of(rubric, r, "绩效信息公开性") == "1");
}

TEST_CASE("大厂 2020: 支出进度率 explained in Chinese and English") {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    const result r = evaluate(rubric, bind_ok(rubric, values(published())));
    CHECK(explanation(rubric, r, "支出进度率") ==
          "实际值 95.4%，目标 100%；低于目标 4.6 个百分点；每起算 1 个百分点扣权重的 10%（0.4 分），计 5 步，扣 2 分，"
          "得 2 分（满分 4）。");
    CHECK(explanation(rubric, r, "支出进度率", language::en) ==
          "Actual 95.4%, target 100%; 4.6 percentage points below the target; per started percentage point "
          "deduct 10% of the weight (0.4): 5 steps, deducts 2, scores 2 of 4.");
}

TEST_CASE("大厂 2020: the figures behind 支出进度率 and 群众满意度") {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    const result r = evaluate(rubric, bind_ok(rubric, values(published())));
    const node_detail d = r.detail(*rubric.find("支出进度率"));
    CHECK(d.value->to_string() == "0.954");
    CHECK(d.value_text == "95.4%");
    CHECK(d.target_text == "100%");
    CHECK(d.met == false);
    REQUIRE(d.steps.size() == 1);
    CHECK(d.steps[0].direction == step_direction::below);
    CHECK(d.steps[0].deviation.to_string() == "0.046");
    CHECK(d.steps[0].counting == step_counting::started_steps);
    CHECK(d.steps[0].steps.to_string() == "5");
    CHECK(d.steps[0].per_step.to_string() == "0.4");
    CHECK(d.steps[0].moved.to_string() == "2");
    CHECK(d.rule_score->to_string() == "2");
    const node_detail satisfaction = r.detail(*rubric.find("群众满意度"));
    CHECK(satisfaction.target_text == "≥100%");
    CHECK(satisfaction.steps.at(0).moved.to_string() == "5");
    CHECK(explanation(rubric, r, "效益") == "各分项得分：经济效益 不适用、社会效益 10；取平均，得 10 分（满分 10）。");
    CHECK(explanation(rubric, r, "效益.经济效益") == "不适用：不计入汇总。");
}

TEST_CASE("大厂 2020: the raw figures 8352.09 / 8383.52 give 预算完成率 99.63%, 3.6 points, total 92.6") {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    std::vector<value_entry> v = published();
    v.push_back(entry("预算完成数", "8352.09万元"));
    v.push_back(entry("调整预算数", "8383.52万元"));
    const result r = evaluate(rubric, bind_ok(rubric, values(v)));
    CHECK(score_of(rubric, r, "预算完成率") == "3.6");
    CHECK(r.total()->to_string() == "92.6");
}

TEST_CASE("大厂 2020: a missing figure is an error of its indicator only; the total is incomplete") {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    std::vector<value_entry> v = published();
    v.erase(v.begin()); // 预算完成率
    v.push_back(entry("预算完成数", "8352.09万元"));
    const result r = evaluate(rubric, bind_ok(rubric, values(v)));
    CHECK_FALSE(r.complete());
    CHECK_FALSE(r.total());
    CHECK(score_of(rubric, r, "预算完成率") == "error: 缺少取值：预算完成率（或其原始数字 调整预算数）");
    CHECK(score_of(rubric, r, "支出进度率") == "2");
}

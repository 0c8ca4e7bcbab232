// audit_test.cpp — the 大厂 2020 table's published self-scores audited against its rules: every difference
// brief §5 lists for this table, and nothing else.
#include "scoring_support.hpp"

#include <fstream>
#include <sstream>

using namespace rubric;
using namespace rubric::testing;

namespace {

audit_report audit_example(const std::string& file, language lang = language::zh) {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    std::ifstream in(std::string(RUBRIC_SOURCE_DIR) + "/examples/" + file, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    const values_result read = read_values_json(source_file(file, text.str()));
    REQUIRE(read.values);
    const bound_values bound = bind_ok(rubric, *read.values);
    const result scored = evaluate(rubric, bound);
    return audit(rubric, bound, scored, lang);
}

std::vector<std::string> findings(const audit_report& report) {
    std::vector<std::string> out;
    for (const audit_finding& f : report.findings)
        out.push_back(std::string(to_string(f.kind)) + " " + f.message);
    return out;
}

} // namespace

TEST_CASE("audit: 大厂 2020 with its published values: 群众满意度, 绩效信息公开性 and the totals") {
    const audit_report report = audit_example("dachang-2020.values.json");
    CHECK_FALSE(report.holds());
    CHECK(findings(report) == std::vector<std::string>{
                                  "above_weight 绩效信息公开性：自评 2 分，超过权重 1 分",
                                  "score_differs 绩效信息公开性：自评 2 分，按规则 1 分（差 1）",
                                  "score_differs 群众满意度：自评 9.5 分，按规则 5 分（差 4.5）",
                                  "total_mismatch 自评总分 96.5 分，但各行自评得分之和为 86.5 分（未填自评得分：效益）",
                                  "total_differs 自评总分 96.5 分，按规则 91 分（差 5.5）",
                              });
    CHECK(report.claimed_total->to_string() == "96.5");
    CHECK(report.recomputed_total->to_string() == "91");
    CHECK(report.claimed_grade == "优");
    CHECK(report.recomputed_grade == "优");
}

TEST_CASE("audit: 大厂 2020 with the table's own budget figures: 预算完成率 95% is contradicted") {
    const audit_report report = audit_example("dachang-2020-figures.values.json");
    CHECK(findings(report) == std::vector<std::string>{
                                  "score_differs 预算完成率：自评 2 分，按规则 3.6 分（差 -1.6）",
                                  "above_weight 绩效信息公开性：自评 2 分，超过权重 1 分",
                                  "score_differs 绩效信息公开性：自评 2 分，按规则 1 分（差 1）",
                                  "score_differs 群众满意度：自评 9.5 分，按规则 5 分（差 4.5）",
                                  "total_mismatch 自评总分 96.5 分，但各行自评得分之和为 86.5 分（未填自评得分：效益）",
                                  "total_differs 自评总分 96.5 分，按规则 92.6 分（差 3.9）",
                                  "raw_figures_differ 预算完成率：填报 95%，但按原始数字（调整预算数 8383.52万元、预算完成数 "
                                  "8352.09万元）计算 预算完成数 / 调整预算数 = ≈99.63%",
                              });
}

TEST_CASE("audit: lines carry the claimed and recomputed scores with their difference") {
    const audit_report report = audit_example("dachang-2020.values.json", language::en);
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    const std::size_t row = *rubric.find("群众满意度");
    const auto line = std::find_if(report.lines.begin(), report.lines.end(),
                                   [&](const audit_line& l) { return l.node == row; });
    REQUIRE(line != report.lines.end());
    CHECK(line->claimed->to_string() == "9.5");
    CHECK(line->recomputed->to_string() == "5");
    CHECK(line->difference->to_string() == "4.5");
    CHECK_FALSE(line->holds);
    CHECK(report.findings.back().message == "the claimed total 96.5, the rules give 91 (difference 5.5)");
}

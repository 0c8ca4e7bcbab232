// threads_test.cpp — one compiled rubric scored from several threads at once gives exactly the results of
// scoring the same units one after another (also run under ThreadSanitizer).
#include "scoring_support.hpp"

#include <random>
#include <thread>

using namespace rubric;
using namespace rubric::testing;

namespace {

// A unit of the 大厂 table with random actual values (fixed seed): percents with up to two places (the derived
// rates between -10% and 20% above or below their targets), checklist items and levels met or not.
unit_values random_unit(const compiled_rubric& rubric, std::mt19937& random) {
    std::vector<value_entry> v;
    std::uniform_int_distribution<int> hundredths(8000, 11000); // 80.00% to 110.00%
    std::bernoulli_distribution met(0.85);
    for (const input_info& in : rubric.inputs()) {
        if (in.checklist_item) v.push_back(entry(in.name, met(random) ? "具备" : "不具备"));
        else if (in.kind == input_kind::level) v.push_back(entry(in.name, in.levels[met(random) ? 0 : 1]));
        else if (in.kind == input_kind::percent && in.name.find("率") != std::string::npos && !in.derived)
            v.push_back(entry(in.name, (decimal(hundredths(random)) / 100).to_string() + "%"));
    }
    for (const char* derived : {"预算完成率", "预算调整率", "支出进度率", "三公经费变动率", "结转结余变动率",
                                "政府采购执行率", "在职人员控制率", "绩效目标审核通过率", "绩效管理工作覆盖率",
                                "重点工作质量达标率", "重点工作完成及时率", "一般性支出压减率"})
        v.push_back(entry(derived, (decimal(hundredths(random) - 9000) / 100).to_string() + "%"));
    return values(std::move(v));
}

// Every node's score and the total, as one line.
std::string fingerprint(const result& r) {
    std::string out = r.total() ? r.total()->to_string() : "incomplete";
    for (const node_result& n : r.nodes())
        out += " " + n.score.to_string();
    return out;
}

} // namespace

TEST_CASE("scoring from four threads at once matches scoring one unit after another") {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    std::mt19937 random(20201231);
    std::vector<bound_values> units;
    while (units.size() < 200) {
        const unit_values v = random_unit(rubric, random);
        units.push_back(bind_ok(rubric, v));
    }
    std::vector<std::string> expected;
    for (const bound_values& u : units)
        expected.push_back(fingerprint(evaluate(rubric, u)));

    std::vector<std::vector<std::string>> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] {
            result scratch; // reused: the fast path allocates nothing
            for (int round = 0; round < 5; ++round)
                for (const bound_values& u : units) {
                    evaluate(rubric, u, scratch);
                    if (round == 4) seen[t].push_back(fingerprint(scratch));
                }
        });
    for (std::thread& t : threads)
        t.join();
    for (const std::vector<std::string>& s : seen)
        CHECK(s == expected);
}

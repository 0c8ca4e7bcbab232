// scoring_benchmark.cpp — the whole pipeline on a real table (rubrics/hebei/dachang-2020.rubric): compiling
// it, and scoring units with it, against a hand-written int64 scorer of the same table in the same run.
//
// Benchmarks:
// - BM_check_and_compile: check() (parse + every check) and compile() of the rubric text;
// - BM_compile: compile() alone, from the checked rubric;
// - BM_rubric_evaluate: rubric::evaluate(compiled, bound, result) into one reused result, for every unit of
//   a pool of 1,000 pre-bound generated units in turn;
// - BM_rubric_evaluate_same_unit: the same on the pool's first unit 1,000 times (its values stay in cache);
// - BM_int64_hand_written: the same units scored by the table's rules written out by hand in int64 fixed
//   point.
// One iteration of the last three scores 1,000 units, so their time per iteration in µs is ns per unit.
//
// The pool: every percentage the table asks for drawn at random (fixed seed) with one or two decimal places,
// in plausible ranges (completion rates 80%–110%, change rates −20%–10%, …); every checklist item 具备 with
// probability 0.85, else 不具备; 政策知晓率 普遍知晓 with probability 0.9; 效益.经济效益 not applicable (as
// in the published table). Before anything is timed, every unit is scored both ways and every indicator's
// score, the three first-level subtotals, the total and the grade must agree exactly (the run aborts
// otherwise); the published values must give 91, 优 both ways.
//
// Heap allocations are counted by replacing global operator new in this binary; allocs_per_unit is the count
// over the timed loop divided by the units scored (the goal is 0: a result that has held a result of the same
// rubric is reused without allocating). A final table gives ns/unit, the ratio and the goals.
#include "allocation_counting.hpp"
#include "time_units.hpp"

#include <algorithm>
#include <array>
#include <benchmark/benchmark.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <rubric/rubric.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

constexpr const char* rubric_path = "rubrics/hebei/dachang-2020.rubric";
constexpr std::size_t pool_size = 1'000;

[[noreturn]] void die(const std::string& message) {
    std::cerr << "scoring_benchmark: " << message << '\n';
    std::exit(2);
}

// ---- The table's figures, as the generator draws them. ----

// The percentages a unit reports, in hundredths of a percentage point (95.43% → 9543): exact for values with
// at most two decimal places in percent, which is all the generator writes.
enum figure : std::size_t {
    预算完成率,
    预算调整率,
    支出进度率,
    三公经费变动率,
    结转结余变动率,
    政府采购执行率,
    在职人员控制率,
    绩效目标审核通过率,
    绩效管理工作覆盖率,
    电子屏购置完成率,
    聘请专家完成率,
    工作内容完成率,
    重点工作质量达标率,
    重点工作完成及时率,
    一般性支出压减率,
    群众满意度,
    figure_count
};

struct figure_spec {
    const char* name; // the value's name in the rubric
    int low, high;    // the generator's range, in hundredths of a percentage point
};
constexpr std::array<figure_spec, figure_count> figure_specs = {{
    {"预算完成率", 8000, 11000},
    {"预算调整率", -1000, 1000},
    {"支出进度率", 8000, 11000},
    {"三公经费变动率", -2000, 1000},
    {"结转结余变动率", -2000, 1000},
    {"政府采购执行率", 8000, 11000},
    {"在职人员控制率", 8000, 11000},
    {"绩效目标审核通过率", 8000, 11000},
    {"绩效管理工作覆盖率", 8000, 11000},
    {"电子屏购置完成率", 8000, 11000},
    {"聘请专家完成率", 8000, 11000},
    {"工作内容完成率", 8000, 11000},
    {"重点工作质量达标率", 8000, 11000},
    {"重点工作完成及时率", 8000, 11000},
    {"一般性支出压减率", -1000, 1000},
    {"群众满意度", 8000, 11000},
}};

// The checklist indicators, in the order of the table, and how many items each has; item k of checklist c is
// bit (first bit of c) + k − 1 of unit_figures::items.
struct checklist_spec {
    const char* name;
    int items;
};
constexpr std::array<checklist_spec, 8> checklist_specs = {{
    {"财务管理制度健全性", 3},
    {"资金使用合规性", 5},
    {"资产管理规范性", 6},
    {"预决算信息公开性", 2},
    {"基础信息完备性", 3},
    {"绩效信息公开性", 2},
    {"绩效管理制度健全性", 3},
    {"重点工作制度健全性", 3},
}};

struct unit_figures {
    std::array<std::int64_t, figure_count> percent{}; // hundredths of a percentage point
    std::uint32_t items = 0;                          // checklist items 具备, one bit each (27 bits)
    bool aware = false;                               // 政策知晓率 = 普遍知晓
};

// ---- The hand-written scorer: the table's rules in int64 fixed point. ----

// Scores in 1/10000 of a point; inputs in 1/10000 (hundredths of a percentage point). Every figure below is
// exact at these scales for the generated inputs: a started step of 1 percentage point is 100 input units, a
// deduction is an integer number of steps times 10% (or 20%) of an integer weight, so every step rule's score
// is a whole number of 1/10000 points; only 数量's mean of three can leave the scale, and it is rounded from
// the exact sum (below).
namespace hand {

constexpr std::int64_t point = 10'000;      // 1 point
constexpr std::int64_t percent_point = 100; // 1 percentage point of input
constexpr std::int64_t hundred_percent = 10'000;

// Indicators in the order of the table; the index into hand_result::indicator.
constexpr std::array<const char*, 23> indicator_names = {
    "预算完成率",         "预算调整率",
    "支出进度率",         "“三公经费”变动率",
    "结转结余变动率",     "财务管理制度健全性",
    "资金使用合规性",     "政府采购执行率",
    "资产管理规范性",     "在职人员控制率",
    "预决算信息公开性",   "基础信息完备性",
    "绩效信息公开性",     "绩效目标审核通过率",
    "绩效管理制度健全性", "绩效管理工作覆盖率",
    "重点工作制度健全性", "数量",
    "重点工作质量达标率", "重点工作完成及时率",
    "一般性支出压减率",   "效益",
    "群众满意度",
};
constexpr std::array<const char*, 3> subtotal_names = {"部门管理", "部门产出", "部门效果"};
constexpr std::array<const char*, 4> grade_names = {"优", "良", "中", "差"};

struct hand_result {
    std::array<std::int64_t, 23> indicator{}; // rounded to 2 places, in 1/10000 points
    std::array<std::int64_t, 3> subtotal{};
    std::int64_t total = 0;
    int grade = 0; // index into grade_names
};

// Started steps of 1 percentage point in a non-negative deviation.
constexpr std::int64_t started_steps(std::int64_t deviation) {
    return (deviation + percent_point - 1) / percent_point;
}
// 每降低/每增加/每增长或降低 1% 扣 share 权重, 扣完为止; share in percent of the weight.
constexpr std::int64_t deduct(std::int64_t deviation, std::int64_t weight, std::int64_t share) {
    return std::max(weight * point - started_steps(deviation) * (weight * point * share / 100),
                    std::int64_t{0});
}
constexpr std::int64_t below(std::int64_t actual, std::int64_t target, std::int64_t weight,
                             std::int64_t share = 10) {
    return deduct(std::max(target - actual, std::int64_t{0}), weight, share);
}
constexpr std::int64_t above(std::int64_t actual, std::int64_t target, std::int64_t weight,
                             std::int64_t share = 10) {
    return deduct(std::max(actual - target, std::int64_t{0}), weight, share);
}
constexpr std::int64_t off(std::int64_t actual, std::int64_t target, std::int64_t weight,
                           std::int64_t share = 10) {
    return deduct(actual > target ? actual - target : target - actual, weight, share);
}
// 舍入 指标 2位 四舍五入, of a non-negative score in 1/10000 points.
constexpr std::int64_t round2(std::int64_t score) {
    return (score + 50) / 100 * 100;
}

inline void score(const unit_figures& u, hand_result& out) {
    const auto& v = u.percent;
    const auto has = [&](int bit) { return (u.items >> bit & 1u) != 0; };
    auto& s = out.indicator;
    // 资金投入
    s[0] = round2(below(v[预算完成率], hundred_percent, 4));
    s[1] = round2(off(v[预算调整率], 0, 4));
    s[2] = round2(below(v[支出进度率], hundred_percent, 4));
    s[3] = round2(above(v[三公经费变动率], 0, 4));
    s[4] = round2(above(v[结转结余变动率], 0, 4));
    // 财务管理: 财务管理制度健全性 (bits 0–2: gate, 50%, 50% of weight 1), 资金使用合规性 (bits 3–7: all
    // or nothing, weight 3)
    s[5] = has(0) ? (has(1) ? point / 2 : 0) + (has(2) ? point / 2 : 0) : 0;
    s[6] = (u.items >> 3 & 0x1fu) == 0x1fu ? 3 * point : 0;
    // 采购管理
    s[7] = round2(below(v[政府采购执行率], hundred_percent, 3));
    // 资产管理规范性 (bits 8–13: gate, then 20% of 1 each)
    s[8] = has(8) ? (has(9) + has(10) + has(11) + has(12) + has(13)) * (point / 5) : 0;
    // 人员管理
    s[9] = round2(above(v[在职人员控制率], hundred_percent, 1));
    // 信息管理: 预决算信息公开性 (bits 14–15: 50% of 2 each), 基础信息完备性 (16–18: gate, 50%, 50% of 1),
    // 绩效信息公开性 (19–20: 50% of 1 each)
    s[10] = (has(14) ? point : 0) + (has(15) ? point : 0);
    s[11] = has(16) ? (has(17) ? point / 2 : 0) + (has(18) ? point / 2 : 0) : 0;
    s[12] = (has(19) ? point / 2 : 0) + (has(20) ? point / 2 : 0);
    // 绩效管理: 绩效管理制度健全性 (bits 21–23: gate, 50%, 50% of 2)
    s[13] = round2(below(v[绩效目标审核通过率], hundred_percent, 2));
    s[14] = has(21) ? (has(22) ? point : 0) + (has(23) ? point : 0) : 0;
    s[15] = round2(below(v[绩效管理工作覆盖率], hundred_percent, 2));
    // 重点工作制度健全性 (bits 24–26: 30%, 30%, 40% of 1)
    s[16] = (has(24) ? 3 * point / 10 : 0) + (has(25) ? 3 * point / 10 : 0) + (has(26) ? 4 * point / 10 : 0);
    // 数量: the mean of three items, each scored at the whole weight 15, rounded half-up to 2 places from the
    // exact mean sum/3: hundredths = floor(sum / 300 + 1/2) = (sum + 150) / 300.
    const std::int64_t sum = below(v[电子屏购置完成率], hundred_percent, 15) +
                             below(v[聘请专家完成率], hundred_percent, 15) +
                             below(v[工作内容完成率], hundred_percent, 15);
    s[17] = (sum + 150) / 300 * 100;
    s[18] = round2(below(v[重点工作质量达标率], hundred_percent, 10));
    s[19] = round2(below(v[重点工作完成及时率], hundred_percent, 10));
    s[20] = round2(below(v[一般性支出压减率], 0, 5, 20));
    // 效益: 经济效益 not applicable, so the mean of the applicable items is 社会效益's: 满分 when 普遍知晓.
    s[21] = u.aware ? 10 * point : 0;
    s[22] = round2(below(v[群众满意度], hundred_percent, 10));

    std::int64_t management = 0, output = 0;
    for (std::size_t i = 0; i < 17; ++i)
        management += s[i];
    for (std::size_t i = 17; i < 21; ++i)
        output += s[i];
    out.subtotal = {management, output, s[21] + s[22]};
    // 舍入 总分 2位 四舍五入: a sum of hundredths already.
    out.total = round2(management + output + out.subtotal[2]);
    out.grade = out.total >= 90 * point ? 0 : out.total >= 80 * point ? 1 : out.total >= 60 * point ? 2 : 3;
}

} // namespace hand

// ---- The pool. ----

std::string read_rubric_text() {
    const std::string path = std::string(RUBRIC_SOURCE_DIR) + "/" + rubric_path;
    std::ifstream in(path, std::ios::binary);
    if (!in) die("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

rubric::checked_rubric check_or_die(const std::string& text) {
    rubric::check_result checked = rubric::check(rubric::source_file(rubric_path, text));
    if (!checked.rubric)
        die(rubric_path + std::string(" does not check:\n") +
            rubric::render_text(checked.diagnostics.items(), checked.sources));
    return *checked.rubric;
}

rubric::value_entry entry(std::string key, std::string text,
                          rubric::value_kind kind = rubric::value_kind::input) {
    rubric::value_entry e;
    e.kind = kind;
    e.key = std::move(key);
    e.text = std::move(text);
    return e;
}

// 9543 → "95.43%", -250 → "-2.5%" (as many places as the generator drew).
std::string percent_text(std::int64_t hundredths, bool one_place) {
    const std::int64_t magnitude = hundredths < 0 ? -hundredths : hundredths;
    char text[32];
    if (one_place)
        std::snprintf(text, sizeof text, "%s%lld.%lld%%", hundredths < 0 ? "-" : "",
                      static_cast<long long>(magnitude / 100), static_cast<long long>(magnitude / 10 % 10));
    else
        std::snprintf(text, sizeof text, "%s%lld.%02lld%%", hundredths < 0 ? "-" : "",
                      static_cast<long long>(magnitude / 100), static_cast<long long>(magnitude % 100));
    return text;
}

// A unit's values as a values file would give them.
rubric::unit_values values_of(const unit_figures& u, const std::array<bool, figure_count>& one_place) {
    rubric::unit_values out;
    out.file = "generated.values";
    for (std::size_t f = 0; f < figure_count; ++f)
        out.entries.push_back(entry(figure_specs[f].name, percent_text(u.percent[f], one_place[f])));
    int bit = 0;
    for (const checklist_spec& c : checklist_specs)
        for (int k = 1; k <= c.items; ++k, ++bit)
            out.entries.push_back(entry(std::string(c.name) + "." + std::to_string(k),
                                        (u.items >> bit & 1u) ? "具备" : "不具备"));
    out.entries.push_back(entry("政策知晓率", u.aware ? "普遍知晓" : "未普遍知晓"));
    out.entries.push_back(entry("效益.经济效益", "", rubric::value_kind::not_applicable));
    return out;
}

struct pool {
    std::string text; // the rubric's text
    std::optional<rubric::checked_rubric> checked;
    std::optional<rubric::compiled_rubric> compiled;
    std::vector<unit_figures> figures;       // the hand-written scorer's input
    std::vector<rubric::bound_values> bound; // the same units bound to the compiled rubric
    std::int64_t total_sum = 0;              // Σ totals in 1/10000 points, both ways
};

// Scores a unit both ways; returns what disagrees ("" when nothing does).
std::string disagreement(const rubric::compiled_rubric& compiled, const rubric::bound_values& bound,
                         const unit_figures& figures, std::int64_t* total) {
    const rubric::result r = rubric::evaluate(compiled, bound);
    hand::hand_result h;
    hand::score(figures, h);
    if (total) *total = h.total;
    const auto exact = [](std::int64_t tenthousandths) {
        return rubric::decimal::fraction(tenthousandths, hand::point);
    };
    const auto text = [](std::int64_t tenthousandths) {
        return rubric::decimal::fraction(tenthousandths, hand::point).to_string();
    };
    std::string out;
    const auto compare = [&](const char* name, std::int64_t expected) {
        const std::optional<std::size_t> node = compiled.find(name);
        if (!node) {
            out += std::string(" no node ") + name + ";";
            return;
        }
        const rubric::node_result& n = r.nodes()[*node];
        if (n.status == rubric::node_status::error)
            out += std::string(" ") + name + ": rubric error " + r.error(*node) + ", hand " + text(expected) +
                   ";";
        else if (n.score != exact(expected))
            out += std::string(" ") + name + ": rubric " + n.score.to_string() + ", hand " + text(expected) +
                   ";";
    };
    for (std::size_t i = 0; i < hand::indicator_names.size(); ++i)
        compare(hand::indicator_names[i], h.indicator[i]);
    for (std::size_t i = 0; i < hand::subtotal_names.size(); ++i)
        compare(hand::subtotal_names[i], h.subtotal[i]);
    if (!r.total())
        out += " rubric total incomplete;";
    else if (*r.total() != exact(h.total))
        out += " total: rubric " + r.total()->to_string() + ", hand " + text(h.total) + ";";
    if (r.grade() != std::optional<std::string_view>(hand::grade_names[static_cast<std::size_t>(h.grade)]))
        out += std::string(" grade: rubric ") + std::string(r.grade().value_or("none")) + ", hand " +
               hand::grade_names[static_cast<std::size_t>(h.grade)] + ";";
    return out;
}

const pool& the_pool() {
    // Built on first use, so --benchmark_list_tests does not pay for it.
    static const pool built = [] {
        pool p;
        p.text = read_rubric_text();
        p.checked = check_or_die(p.text);
        p.compiled = rubric::compile(*p.checked);

        // The published values (the rubric's test 全表): 91, 优, both ways.
        {
            unit_figures published;
            std::array<bool, figure_count> one_place{};
            published.percent.fill(10'000);
            published.percent[预算完成率] = 9'500;
            published.percent[支出进度率] = 9'540;
            published.percent[群众满意度] = 9'500;
            for (const figure f : {预算调整率, 三公经费变动率, 结转结余变动率, 一般性支出压减率})
                published.percent[f] = 0;
            published.items = (1u << 27) - 1;
            published.aware = true;
            const rubric::bind_result bound = rubric::bind(*p.compiled, values_of(published, one_place));
            if (!bound.values)
                die("the published values do not bind:\n" +
                    rubric::render_text(bound.diagnostics.items(), std::span<const rubric::source_file>()));
            std::int64_t total = 0;
            const std::string wrong = disagreement(*p.compiled, *bound.values, published, &total);
            if (!wrong.empty()) die("the published values score differently:" + wrong);
            if (total != 91 * hand::point) die("the published values do not score 91");
        }

        // mt19937_64 is fully specified; uniform_int_distribution is not, so reduce with % (negligible bias).
        std::mt19937_64 rng(20201231);
        for (std::size_t i = 0; i < pool_size; ++i) {
            unit_figures u;
            std::array<bool, figure_count> one_place{};
            for (std::size_t f = 0; f < figure_count; ++f) {
                const figure_spec& spec = figure_specs[f];
                one_place[f] = rng() % 2 == 0;
                if (one_place[f]) { // tenths of a percentage point, low/10 … high/10
                    const auto span = static_cast<std::uint64_t>((spec.high - spec.low) / 10 + 1);
                    u.percent[f] = (spec.low / 10 + static_cast<std::int64_t>(rng() % span)) * 10;
                } else {
                    const auto span = static_cast<std::uint64_t>(spec.high - spec.low + 1);
                    u.percent[f] = spec.low + static_cast<std::int64_t>(rng() % span);
                }
            }
            for (int bit = 0; bit < 27; ++bit)
                if (rng() % 100 < 85) u.items |= 1u << bit;
            u.aware = rng() % 10 < 9;

            const rubric::bind_result bound = rubric::bind(*p.compiled, values_of(u, one_place));
            if (!bound.values)
                die("unit " + std::to_string(i) + " does not bind:\n" +
                    rubric::render_text(bound.diagnostics.items(), std::span<const rubric::source_file>()));
            std::int64_t total = 0;
            const std::string wrong = disagreement(*p.compiled, *bound.values, u, &total);
            if (!wrong.empty())
                die("unit " + std::to_string(i) + ": rubric and the hand-written scorer disagree:" + wrong);
            p.total_sum += total;
            p.figures.push_back(u);
            p.bound.push_back(*bound.values);
        }
        return p;
    }();
    return built;
}

// ---- Benchmarks. ----

double per(std::uint64_t count, double over) {
    return static_cast<double>(count) / over;
}

void BM_check_and_compile(benchmark::State& state) {
    const pool& p = the_pool();
    std::size_t nodes = 0;
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        rubric::check_result checked = rubric::check(rubric::source_file(rubric_path, p.text));
        const rubric::compiled_rubric compiled = rubric::compile(*checked.rubric);
        nodes = compiled.nodes().size();
        benchmark::DoNotOptimize(nodes);
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;
    state.counters["bytes"] = static_cast<double>(p.text.size());
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["allocs"] = per(allocations, static_cast<double>(state.iterations()));
}

void BM_compile(benchmark::State& state) {
    const pool& p = the_pool();
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        const rubric::compiled_rubric compiled = rubric::compile(*p.checked);
        benchmark::DoNotOptimize(&compiled);
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;
    state.counters["allocs"] = per(allocations, static_cast<double>(state.iterations()));
}

void report_units(benchmark::State& state, std::uint64_t allocations) {
    const double units = static_cast<double>(state.iterations()) * static_cast<double>(pool_size);
    state.SetItemsProcessed(static_cast<std::int64_t>(units));
    state.counters["allocs_per_unit"] = per(allocations, units);
}

// One timed pass over the pool; out of line so that a profile shows exactly one pass.
[[gnu::noinline]] void evaluate_all(const rubric::compiled_rubric& compiled,
                                    const std::vector<rubric::bound_values>& bound, rubric::result& out) {
    for (const rubric::bound_values& unit : bound)
        rubric::evaluate(compiled, unit, out);
}

void BM_rubric_evaluate(benchmark::State& state) {
    const pool& p = the_pool();
    rubric::result out;
    rubric::evaluate(*p.compiled, p.bound.front(), out); // sizes out: later evaluations reuse its storage
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        evaluate_all(*p.compiled, p.bound, out);
        benchmark::ClobberMemory();
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;
    report_units(state, allocations);
    // The last unit's total, checked against the hand-written scorer: the timed loop scored for real.
    hand::hand_result h;
    hand::score(p.figures.back(), h);
    if (out.total() != rubric::decimal::fraction(h.total, hand::point))
        state.SkipWithError("rubric's last total differs from the hand-written scorer's");
}

// The same evaluation, 1,000 times on the pool's first unit: its values stay in cache, so the difference to
// BM_rubric_evaluate is what reading 1,000 units' bound values from memory costs.
void BM_rubric_evaluate_same_unit(benchmark::State& state) {
    const pool& p = the_pool();
    const std::vector<rubric::bound_values> same(pool_size, p.bound.front());
    rubric::result out;
    rubric::evaluate(*p.compiled, same.front(), out);
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        evaluate_all(*p.compiled, same, out);
        benchmark::ClobberMemory();
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;
    report_units(state, allocations);
}

// The hand-written scorer writes every indicator, the subtotals, the total and the grade into one reused
// result, as rubric::evaluate does; DoNotOptimize keeps each unit's result from being optimized away.
[[gnu::noinline]] std::int64_t score_all(const std::vector<unit_figures>& figures, hand::hand_result& out) {
    std::int64_t sum = 0;
    for (const unit_figures& unit : figures) {
        hand::score(unit, out);
        benchmark::DoNotOptimize(out);
        sum += out.total;
    }
    return sum;
}

void BM_int64_hand_written(benchmark::State& state) {
    const pool& p = the_pool();
    hand::hand_result out;
    std::int64_t sum = 0;
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        sum = score_all(p.figures, out);
        benchmark::DoNotOptimize(sum);
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;
    report_units(state, allocations);
    if (sum != p.total_sum) state.SkipWithError("the hand-written scorer's sum of totals changed");
}

BENCHMARK(BM_check_and_compile)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_compile)->Unit(benchmark::kMicrosecond);
// µs per pass over 1,000 units = ns per unit.
BENCHMARK(BM_rubric_evaluate)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_rubric_evaluate_same_unit)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_int64_hand_written)->Unit(benchmark::kMicrosecond);

// ---- Reporting: the default display (so --benchmark_format etc. still work) plus a ratio table. ----

// Forwards everything to the default display reporter and remembers, per benchmark, CPU ns per iteration and
// the allocation counter: the median aggregate when repetitions produced one, else the mean of the plain
// runs.
class ratio_reporter : public benchmark::BenchmarkReporter {
public:
    ratio_reporter() : display_(benchmark::CreateDefaultDisplayReporter()) {}

    bool ReportContext(const Context& context) override { return display_->ReportContext(context); }
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs) {
            if (run.error_occurred) continue;
            figures& f = figures_[run.run_name.function_name];
            const double ns = rubric::bench::nanoseconds(run.GetAdjustedCPUTime(), run.time_unit);
            double allocs = 0;
            for (const char* name : {"allocs_per_unit", "allocs"})
                if (const auto found = run.counters.find(name); found != run.counters.end())
                    allocs = found->second;
            if (run.run_type == Run::RT_Aggregate) {
                if (run.aggregate_name == "median") {
                    f.median_ns = ns;
                    f.median_allocs = allocs;
                }
            } else {
                f.sum_ns += ns;
                f.sum_allocs += allocs;
                ++f.runs;
            }
        }
        display_->ReportRuns(runs);
    }
    void Finalize() override { display_->Finalize(); }

    // The table goes to stdout under the console format, to stderr otherwise (keeps JSON/CSV parseable).
    void print_table() const {
        if (figures_.empty()) return;
        std::ostream& out =
            dynamic_cast<benchmark::ConsoleReporter*>(display_) != nullptr ? std::cout : std::cerr;
        char line[200];
        const auto compile_line = [&](const char* name, const char* label) {
            const std::optional<std::pair<double, double>> f = get(name);
            if (!f) return;
            std::snprintf(line, sizeof line, "%-30s %10.1f µs %10.0f allocations\n", label, f->first / 1e3,
                          f->second);
            out << line;
        };
        out << "\n大厂 2020 (" << rubric_path << ")\n";
        compile_line("BM_check_and_compile", "check + compile of the text");
        compile_line("BM_compile", "compile of the checked rubric");

        const std::optional<std::pair<double, double>> hand = get("BM_int64_hand_written");
        const std::optional<std::pair<double, double>> exact = get("BM_rubric_evaluate");
        const double units = static_cast<double>(pool_size);
        out << "\nscoring one unit                 ns/unit   ratio to int64   allocs/unit\n";
        if (hand) {
            std::snprintf(line, sizeof line, "%-30s %9.1f %15.2fx %13.3f\n", "int64 hand-written",
                          hand->first / units, 1.0, hand->second);
            out << line;
        }
        if (exact) {
            char ratio[32] = "-";
            if (hand) std::snprintf(ratio, sizeof ratio, "%.2fx", exact->first / hand->first);
            std::snprintf(line, sizeof line, "%-30s %9.1f %16s %13.3f\n", "rubric::evaluate",
                          exact->first / units, ratio, exact->second);
            out << line;
            const double ns = exact->first / units;
            if (const std::optional<std::pair<double, double>> same = get("BM_rubric_evaluate_same_unit")) {
                std::snprintf(line, sizeof line, "%-30s %9.1f %15.2fx %13.3f\n",
                              "  the same unit 1,000 times", same->first / units,
                              hand ? same->first / hand->first : 0.0, same->second);
                out << line;
            }
            std::snprintf(line, sizeof line, "goal: rubric::evaluate under 1 µs per unit: %.0f ns, %s\n", ns,
                          ns < 1000 ? "met" : "MISSED");
            out << line;
            if (hand) {
                std::snprintf(line, sizeof line, "goal: rubric::evaluate within 10x of int64: %.1fx, %s\n",
                              exact->first / hand->first,
                              exact->first <= 10 * hand->first ? "met" : "MISSED");
                out << line;
            }
            std::snprintf(line, sizeof line, "goal: 0 allocations per evaluation: %.3f, %s\n", exact->second,
                          exact->second == 0 ? "met" : "MISSED");
            out << line;
        }
    }

private:
    struct figures {
        std::optional<double> median_ns, median_allocs;
        double sum_ns = 0, sum_allocs = 0;
        int runs = 0;
    };

    // (CPU ns per iteration, allocations counter) of a benchmark.
    std::optional<std::pair<double, double>> get(const std::string& name) const {
        const auto found = figures_.find(name);
        if (found == figures_.end()) return std::nullopt;
        const figures& f = found->second;
        if (f.median_ns) return std::pair(*f.median_ns, f.median_allocs.value_or(0));
        if (f.runs == 0) return std::nullopt;
        return std::pair(f.sum_ns / f.runs, f.sum_allocs / f.runs);
    }

    benchmark::BenchmarkReporter* display_; // owned by the benchmark library
    std::map<std::string, figures> figures_;
};

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.print_table();
    benchmark::Shutdown();
    return 0;
}

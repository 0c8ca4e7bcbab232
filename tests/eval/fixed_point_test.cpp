// fixed_point_test.cpp — the fixed-point scorer (plan/fixed_point.hpp, eval/fixed_point_evaluate.cpp) is only
// faster: on every rubric of the corpus, with the example values and with generated units (rates on and off
// their targets, checklist items met or not, levels, items marked not applicable, values left out or dividing
// by zero), it gives exactly the interpreter's node results, total and grade, or leaves the unit to it.
#include "eval/evaluate.hpp"
#include "eval/explain.hpp"
#include "scoring_support.hpp"

#include <filesystem>
#include <random>

using namespace rubric;
using namespace rubric::testing;

namespace {

std::string node_line(const node_result& r) {
    return std::string(to_string(r.status)) + " " + r.max.to_string() + " " + r.score.to_string() + " " +
           r.unrounded.to_string() + (r.zeroed ? " zeroed" : "");
}

// Everything scoring decides, one line per node, then the total; the same text both ways or the test shows
// where they part.
std::string outcome(const compiled_rubric& rubric, const detail::trace& t) {
    std::string out;
    for (std::size_t i = 0; i < t.nodes.size(); ++i)
        out += rubric.nodes()[i].name + ": " + node_line(detail::outcome_of(t, i)) + "\n";
    out += t.complete
               ? "complete " + t.total.to_string() + " (" + t.unrounded_total.to_string() + ") bonus " +
                     t.bonus.to_string() + " penalty " + t.penalty.to_string() + " grade " +
                     (t.grade ? std::to_string(*t.grade) : "-") + (t.rescaled ? " rescaled" : "")
               : "incomplete";
    return out;
}

struct both_ways {
    std::string fastest, interpreter;
    bool fixed_point = false; ///< the fixed-point scorer took the unit
};

both_ways score_both_ways(const compiled_rubric& rubric, const bound_values& unit) {
    detail::trace fast, slow;
    detail::evaluate_into(fast, rubric.shared_program(), unit.shared_state(), detail::scorer::fastest);
    detail::evaluate_into(slow, rubric.shared_program(), unit.shared_state(), detail::scorer::interpreter);
    return {outcome(rubric, fast), outcome(rubric, slow), !fast.recorded};
}

std::string joined(const std::vector<std::string>& path) {
    std::string out;
    for (const std::string& name : path)
        out += (out.empty() ? "" : ".") + name;
    return out;
}

// A unit for `rubric`: every input given a value of its kind (a derived one mostly computed from its raw
// figures, or in one unit of three reported without them) and a target where the unit gives it, in one unit
// of five one input left out, in one of ten one item not applicable.
unit_values generated(const compiled_rubric& rubric, std::mt19937& rng) {
    const auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
    const auto number = [&](int low, int high, int places) {
        const int scale = places == 0 ? 1 : places == 1 ? 10 : 100;
        const long v =
            low * scale + static_cast<long>(rng() % static_cast<unsigned>((high - low) * scale + 1));
        std::string text = std::to_string(v < 0 ? -v : v);
        if (places > 0) {
            text.insert(0, static_cast<std::size_t>(std::max(0, places + 1 - static_cast<int>(text.size()))),
                        '0');
            text.insert(text.size() - static_cast<std::size_t>(places), ".");
        }
        return (v < 0 ? "-" : "") + text;
    };
    const std::span<const input_info> inputs = rubric.inputs();
    const std::size_t left_out = chance(20) ? rng() % inputs.size() : inputs.size();
    const bool reported = chance(33);
    std::vector<bool> raw(inputs.size());
    for (const detail::plan::input_slot& slot : rubric.program().inputs)
        for (const detail::plan::index r : slot.raw)
            raw[r] = true;
    std::vector<value_entry> entries;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        const input_info& in = inputs[k];
        if (k == left_out || (reported ? raw[k] && !in.derived : in.derived && chance(70))) continue;
        switch (in.kind) {
        case input_kind::percent:
            entries.push_back(
                entry(in.name, number(chance(20) ? -20 : 70, 120, static_cast<int>(rng() % 3)) + "%"));
            break;
        case input_kind::quantity:
            entries.push_back(entry(
                in.name,
                number(0, chance(1) ? 0 : 500, in.unit.find("元") != std::string::npos ? 2 : 0) + in.unit));
            break;
        case input_kind::boolean:
            entries.push_back(entry(in.name, chance(85) ? "是" : "否"));
            break;
        case input_kind::level:
            entries.push_back(entry(in.name, in.levels[rng() % in.levels.size()]));
            break;
        case input_kind::date:
            break;
        }
    }
    // A percent target the rubric leaves to the unit (由单位填报).
    for (const detail::plan::subject& s : rubric.program().subjects)
        if (s.target.kind == detail::plan::target_kind::supplied && s.value_type.percent && chance(90))
            entries.push_back(entry(joined(rubric.nodes()[s.node].path),
                                    (chance(30) ? "≤" : "") + number(80, 100, 0) + "%", value_kind::target));
    std::vector<std::string> items;
    for (const node_info& n : rubric.nodes())
        if (n.kind == node_kind::item) items.push_back(joined(n.path));
    if (!items.empty() && chance(10))
        entries.push_back(entry(items[rng() % items.size()], "", value_kind::not_applicable, "test"));
    return values(std::move(entries));
}

// Every shape the fast form takes: derived inputs and defaults, steps below, either way and per occurrence,
// bands, levels, cases on 达标, the four kinds of checklist, a target the unit gives, items combined by mean,
// lowest and all met (not applicable: full), a group in a group, bonus and penalty blocks with caps, rounding
// of indicators (half even), groups (half up) and the total (half down), a grade table.
const char* const every_shape = R"(rubric "fixed point features" {
  source "test"
  total 100
  grade { A: [90, 103], B: [75, 90), C: [60, 75), D: [0, 60) }
  policy {
    step_counting started_steps
    percent_steps percentage_points
    round indicator 1 places half_even
    round group 0 places half_up
    round total 0 places half_down
    missing error
    not_applicable forbidden
  }
  levels 程度 { 好, 中, 差 }
  input 预算: amount 万元, 支出: amount 万元, 调整: amount 万元 default 0万元
  group g1 weight 40 {
    indicator 执行率 weight 10 {
      text "r"
      value 执行率: percent = (支出 - 调整) / 预算
      target ≥ 95%
      rule per_drop 1% deduct 10% weight, until_zero
    }
    indicator 偏离 weight 10 {
      text "r"
      value 偏离度: percent
      target = 0
      rule per_deviation 2% deduct 1.5分 at_most 6分, until_zero
    }
    indicator 满意 weight 10 {
      text "r"
      value 满意度: percent
      rule bands { ≥ 95%: full, [85%, 95%): 7.5分, [70%, 85%): 5分, < 70%: zero }
    }
    indicator 评级 weight 10 {
      text "r"
      value 评价: 程度
      target 好
      rule by_level { 好: full, 中: 60% weight, 差: zero }
    }
  }
  group g2 weight 60 {
    group 制度类 weight 20 {
      indicator 制度 weight 10 { text "r" rule checklist { 1: gate, 2: 3分, 3: 7分 } }
      indicator 问题项 weight 10 { text "r" rule checklist { 1: deduct 4分, 2: deduct 4分, 3: deduct 4分 } }
    }
    indicator 季度 weight 10 { text "r" rule checklist each 2.5分 { 一, 二, 三, 四 } }
    indicator 合规 weight 5 { text "r" rule checklist all_or_nothing { 1, 2 } }
    indicator 自报 weight 5 {
      text "r"
      value 完成率: percent
      target ≥ supplied_by_unit
      rule per_drop 1% deduct 1分, until_zero
    }
    indicator 均值项 weight 10 {
      text "r"
      not_applicable full
      item i1 { value v1: percent; target = 100%; rule per_drop 1% deduct 1分, until_zero }
      item i2 { value v2: percent; target = 100%; rule per_drop 1% deduct 1分, until_zero }
      item i3 { value v3: percent; target = 100%; rule per_drop 1% deduct 1分, until_zero }
      combine mean
    }
    indicator 最低项 weight 5 {
      text "r"
      not_applicable full
      item j1 { value w1: percent; target ≥ 90%; rule per_drop 1% deduct 0.5分, until_zero }
      item j2 { value w2: percent; target ≥ 90%; rule per_drop 1% deduct 0.5分, until_zero }
      combine lowest
    }
    indicator 全达标项 weight 5 {
      text "r"
      not_applicable full
      item k1 { value u1: percent; target ≥ 80% }
      item k2 { value u2: percent; target ≥ 80%; rule per_drop 1% deduct 1分, until_zero }
      combine all_met
    }
  }
  bonus 附加 at_most 3分 {
    indicator 推广 weight 3 { text "r" value 推广次数: count 次 rule per_occurrence 1次 add 1分, cap_at 3分 }
    indicator 表彰 weight 2 { text "r" value 表彰: 程度 target 好 rule cases { when met: full, otherwise: zero } }
  }
  penalty 扣分 at_most 4分 {
    indicator 审计问题 weight 5 { text "r" value 问题数: count 项 rule per_occurrence 1项 deduct 0.01分, floor_at -5分 }
  }
})";

// Scores `count` generated units of `rubric` both ways, requiring the same outcome; returns how many bound
// and how many the fixed-point scorer took.
std::pair<int, int> compare_generated(const compiled_rubric& rubric, const std::string& name, int count,
                                      std::mt19937& rng) {
    int bound = 0, fast = 0;
    for (int k = 0; k < count; ++k) {
        const bind_result b = bind(rubric, generated(rubric, rng));
        if (!b.values) continue;
        ++bound;
        const both_ways scored = score_both_ways(rubric, *b.values);
        INFO(name << ", unit " << k);
        REQUIRE(scored.fastest == scored.interpreter);
        fast += scored.fixed_point;
    }
    return {bound, fast};
}

std::vector<std::string> corpus() {
    std::vector<std::string> out;
    for (const auto& e :
         std::filesystem::recursive_directory_iterator(std::string(RUBRIC_SOURCE_DIR) + "/rubrics"))
        if (e.path().extension() == ".rubric" && e.path().string().find(".tests.") == std::string::npos)
            out.push_back(std::filesystem::relative(e.path(), RUBRIC_SOURCE_DIR).string());
    std::sort(out.begin(), out.end());
    return out;
}

// The published values of the 大厂 2020 table, as examples/ gives them.
unit_values dachang_example() {
    const values_result read = read_values_json(
        source_file("dachang-2020.values.json", repository_file("examples/dachang-2020.values.json")));
    REQUIRE(read.values);
    return *read.values;
}

} // namespace

TEST_CASE("fixed point: which rubrics of the corpus have the fast form") {
    std::string which;
    for (const std::string& path : corpus())
        which += path + (compile_file(path).program().fixed ? ": fixed point\n" : ": interpreter\n");
    CHECK(which == "rubrics/hebei/dachang-2020.rubric: fixed point\n"
                   "rubrics/hunan/junshan-2022.rubric: interpreter\n"
                   "rubrics/hunan/yiyang-2017.rubric: interpreter\n"
                   "rubrics/national/project-2020.rubric: interpreter\n"
                   "rubrics/sichuan/miyi-2019-daijiao-pingjia.rubric: interpreter\n"
                   "rubrics/sichuan/miyi-2019-daijiao.rubric: interpreter\n"
                   "rubrics/sichuan/miyi-2019-zhuanxiang.rubric: interpreter\n");
}

TEST_CASE("fixed point: the 大厂 2020 example values, scored in fixed point and explained as the interpreter "
          "does") {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    const bound_values unit = bind_ok(rubric, dachang_example());
    const both_ways scored = score_both_ways(rubric, unit);
    CHECK(scored.fixed_point);
    CHECK(scored.fastest == scored.interpreter);
    const result r = evaluate(rubric, unit);
    CHECK(r.total()->to_string() == "91");
    CHECK(*r.grade() == "优");
    // Explanations and details read records the fixed-point scorer does not write: evaluated again on demand.
    detail::trace slow;
    detail::evaluate_into(slow, rubric.shared_program(), unit.shared_state(), detail::scorer::interpreter);
    for (std::size_t i = 0; i < rubric.nodes().size(); ++i)
        for (const language lang : {language::zh, language::en}) {
            INFO(rubric.nodes()[i].name);
            CHECK(r.explain(i, lang) == detail::explain_node(slow, i, lang));
        }
}

TEST_CASE("fixed point: generated units score exactly as the interpreter scores them, on every rubric") {
    std::mt19937 rng(20261124);
    for (const std::string& path : corpus()) {
        const compiled_rubric rubric = compile_file(path);
        const auto [bound, fast] = compare_generated(rubric, path, 400, rng);
        INFO(path);
        CHECK(bound > 200);
        // 大厂: every unit without a missing value (one in five), a division by zero or an item marked not
        // applicable (which it forbids, so those do not bind).
        if (rubric.program().fixed) CHECK(fast > bound / 2);
    }
}

TEST_CASE("fixed point: every shape the fast form takes scores as the interpreter scores it") {
    // As written (groups rounded: the node pass sums them), and without rounding groups (then groups are
    // summed when read, and the total adds what they hold).
    std::string unrounded_groups = every_shape;
    const std::string group_rounding = "    round group 0 places half_up\n";
    unrounded_groups.erase(unrounded_groups.find(group_rounding), group_rounding.size());
    for (const std::string& text : {std::string(every_shape), unrounded_groups}) {
        const compiled_rubric rubric = compile_text(text);
        REQUIRE(rubric.program().fixed);
        const std::vector<detail::plan::fixed_point::node>& nodes = rubric.program().fixed->nodes;
        CHECK(std::ranges::count_if(nodes, [](const auto& n) { return n.summed_on_read; }) ==
              (text == every_shape ? 0 : 3));
        std::mt19937 rng(7);
        const auto [bound, fast] = compare_generated(rubric, "every shape", 3000, rng);
        CHECK(bound > 2000);
        CHECK(fast > bound / 2);
    }
}

TEST_CASE(
    "fixed point: a reused result reads the nodes of its last evaluation, whichever scorer wrote them") {
    const compiled_rubric rubric = compile_file("rubrics/hebei/dachang-2020.rubric");
    const bound_values published = bind_ok(rubric, dachang_example());
    unit_values without = dachang_example();
    std::erase_if(without.entries, [](const value_entry& e) { return e.key == "群众满意度"; });
    const bound_values missing = bind_ok(rubric, without);
    const std::size_t row = *rubric.find("群众满意度"), quantity = *rubric.find("数量");

    result r;
    CHECK(r.nodes().empty());
    evaluate(rubric, published, r); // fixed point
    CHECK(!r.record().recorded);
    CHECK(node_line(r.nodes()[row]) == "scored 10 5 5");
    CHECK(node_line(r.nodes()[quantity]) == "scored 15 15 15");
    evaluate(rubric, missing, r); // the interpreter: 群众满意度 cannot be scored
    CHECK(r.record().recorded);
    CHECK(r.nodes()[row].status == node_status::error);
    CHECK(node_line(r.nodes()[quantity]) == "scored 15 15 15");
    evaluate(rubric, published, r);
    CHECK(node_line(r.nodes()[row]) == "scored 10 5 5");

    // Iterating gives what indexing gives, node by node; the view is a range for the standard algorithms.
    static_assert(std::input_iterator<node_results::iterator>);
    static_assert(std::ranges::input_range<node_results>);
    // Every node is scored but 经济效益, which the published table leaves not applicable.
    CHECK(std::ranges::count_if(r.nodes(), [](const node_result& n) {
              return n.status == node_status::scored;
          }) == static_cast<std::ptrdiff_t>(rubric.nodes().size()) - 1);
    std::string iterated, indexed;
    std::size_t count = 0;
    for (const node_result& n : r.nodes())
        iterated += node_line(n) + "\n", indexed += node_line(r.nodes()[count++]) + "\n";
    CHECK(count == rubric.nodes().size());
    CHECK(r.nodes().size() == count);
    CHECK(iterated == indexed);
}

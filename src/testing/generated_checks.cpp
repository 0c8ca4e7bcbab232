// generated_checks.cpp — checks no one has to write: every row whose value is one input is scored at the
// edges of its bands and steps and far beyond them; its score must stay within its range, and a rule that only
// deducts must never give more as the value moves away from the target (README §13).
#include "eval/explain.hpp"
#include "plan/program.hpp"

#include <algorithm>
#include <rubric/rule_tests.hpp>

namespace rubric {
namespace {

using namespace detail::plan;

class checker_run {
public:
    checker_run(const compiled_rubric& compiled, language lang)
        : compiled_(compiled), p_(compiled.program()), zh_(lang == language::zh), lang_(lang) {}

    test_report run() {
        for (const subject& s : p_.subjects)
            check(s);
        return std::move(report_);
    }

private:
    std::optional<decimal> constant(index at) const {
        if (at == none || p_.expressions[at].code != op::constant) return std::nullopt;
        return p_.expressions[at].value;
    }

    // The row's target and edges, and the steps its clauses count in.
    void edges(const subject& s, std::vector<decimal>& points, std::vector<decimal>& steps,
               std::optional<decimal>& reference, bool& deducts_only) const {
        for (index at : {s.target.value, s.target.low, s.target.high})
            if (const auto v = constant(at)) points.push_back(*v);
        if (s.target.kind == target_kind::compare) reference = constant(s.target.value);
        deducts_only = false;
        std::visit([&](const auto& rule) { rule_edges(rule, points, steps, deducts_only); }, p_.rules[s.rule]);
    }

    void rule_edges(const step_rule& r, std::vector<decimal>& points, std::vector<decimal>& steps,
                    bool& deducts_only) const {
        deducts_only = !r.clauses.empty();
        for (const step_clause& c : r.clauses) {
            deducts_only = deducts_only && c.verb == ast::step_verb::deduct && c.on == none &&
                           c.direction != ast::step_direction::per_occurrence;
            if (const auto from = constant(c.from)) points.push_back(*from);
            if (const auto step = constant(c.step); step && !c.relative) steps.push_back(*step);
        }
    }
    void rule_edges(const band_table& t, std::vector<decimal>& points, std::vector<decimal>&, bool&) const {
        for (const band& b : t.bands)
            if (b.values)
                for (index at : {b.values->low, b.values->high})
                    if (const auto v = constant(at)) points.push_back(*v);
    }
    template <class Other>
    void rule_edges(const Other&, std::vector<decimal>&, std::vector<decimal>&, bool&) const {}

    // A value as a values file writes it, in the input's unit; nullopt when it does not end (never here).
    static std::optional<std::string> written(const decimal& v, const input_slot& in) {
        const checker::value_type& t = in.type;
        const decimal shown = t.percent ? v * 100 : t.unit_scale.is_zero() ? v : v / t.unit_scale;
        const std::string text = shown.to_string();
        if (text.find('/') != std::string::npos) return std::nullopt;
        return text + (t.percent ? "%" : t.unit_text == "%" ? "" : t.unit_text);
    }

    void check(const subject& s) {
        if (s.value_slot == none || s.rule == none || s.reads.size() != 1 || s.reads[0] != s.value_slot) return;
        const input_slot& in = p_.inputs[s.value_slot];
        if (in.type.kind != checker::type_kind::quantity || in.checklist_node) return;
        const node_info& info = p_.info[s.node];
        if (!p_.nodes[s.node].weight) return; // depends on the unit's category
        const decimal weight = *p_.nodes[s.node].weight;

        std::vector<decimal> points, steps;
        std::optional<decimal> reference;
        bool deducts_only = false;
        edges(s, points, steps, reference, deducts_only);
        if (points.empty()) points.push_back(0);
        if (steps.empty()) steps.push_back(decimal::fraction(1, 100));
        std::vector<decimal> samples;
        for (const decimal& c : points) {
            const decimal far = (c.abs() + 1) * 1000000;
            for (const decimal& x : {c, c + far, c - far, c + decimal::fraction(1, 10000), c - decimal::fraction(1, 10000)})
                samples.push_back(x);
            for (const decimal& step : steps)
                for (int k : {1, 2, 5, 10, 100}) {
                    samples.push_back(c + step * k);
                    samples.push_back(c - step * k);
                }
        }
        std::sort(samples.begin(), samples.end());
        samples.erase(std::unique(samples.begin(), samples.end()), samples.end());

        test_case_result out;
        out.generated = true;
        std::string path;
        for (const std::string& part : info.path)
            path += (path.empty() ? "" : ".") + part;
        out.title = (zh_ ? "生成检查：" : "generated check: ") + path;
        const decimal low = s.penalty ? -weight : decimal(0), high = s.penalty ? decimal(0) : weight;
        std::vector<std::pair<decimal, decimal>> scored; // value → score, ascending values
        std::optional<decimal> nearest;
        test_failure broken;
        for (const decimal& v : samples) {
            if (!in.domain.contains(v)) continue;
            const std::optional<std::string> text = written(v, in);
            if (!text) continue;
            unit_values values;
            value_entry e;
            e.key = in.name;
            e.text = *text;
            values.entries.push_back(e);
            const bind_result bound = bind(compiled_, values);
            if (!bound.values) continue;
            const result r = evaluate(compiled_, *bound.values);
            const node_result& n = r.nodes()[s.node];
            if (n.status != node_status::scored) continue;
            // The rule's own score, before the row is kept within its range: a rule that leaves the range
            // relies on that silent clamp, which the rubric should say (扣完为止, 封顶).
            const decimal rule_score = r.detail(s.node).rule_score.value_or(n.score);
            // Of the values that break the range, the one nearest the target shows it best.
            const decimal distance = (v - points.front()).abs();
            if ((rule_score < low || rule_score > high) && (!nearest || distance < *nearest)) {
                nearest = distance;
                broken = test_failure{zh_ ? "规则得分在 [" + low.to_string() + ", " + high.to_string() + "] 内"
                                          : "a rule score within [" + low.to_string() + ", " + high.to_string() + "]",
                                      "[" + low.to_string() + ", " + high.to_string() + "]",
                                      in.name + " = " + *text + (zh_ ? " 时规则得 " : ": the rule gives ") +
                                          rule_score.to_string(),
                                      r.explain(s.node, lang_)};
            }
            scored.emplace_back(v, n.score);
        }
        if (nearest) out.failures.push_back(std::move(broken));
        if (deducts_only && reference) monotone(in, *reference, scored, out);
        report_.cases.push_back(std::move(out));
    }

    // Moving away from the target never raises the score of a rule that only deducts.
    void monotone(const input_slot& in, const decimal& reference, const std::vector<std::pair<decimal, decimal>>& scored,
                  test_case_result& out) const {
        for (std::size_t i = 1; i < scored.size(); ++i) {
            const auto& [a, score_a] = scored[i - 1];
            const auto& [b, score_b] = scored[i];
            const bool below = b <= reference, above = a >= reference;
            const bool rises = (below && score_a > score_b) || (above && score_b > score_a);
            if (!rises) continue;
            const auto& [near, far] = below ? std::pair(scored[i], scored[i - 1]) : std::pair(scored[i - 1], scored[i]);
            out.failures.push_back(
                {zh_ ? "离目标越远得分不升" : "no higher score further from the target",
                 zh_ ? "不高于 " + near.second.to_string() : "at most " + near.second.to_string(),
                 in.name + " = " + *written(far.first, in) + (zh_ ? " 时得 " : " scores ") + far.second.to_string() +
                     (zh_ ? "，而 " : ", but ") + *written(near.first, in) + (zh_ ? " 时得 " : " scores ") +
                     near.second.to_string(),
                 {}});
            return;
        }
    }

    const compiled_rubric& compiled_;
    const detail::program& p_;
    bool zh_;
    language lang_;
    test_report report_;
};

} // namespace

test_report run_generated_checks(const compiled_rubric& compiled, language lang) {
    return checker_run(compiled, lang).run();
}

} // namespace rubric

// audit.cpp — a unit's claims against its recomputed result (audit.hpp): line by line, then the claims that
// cannot hold whatever the values, then the reported values that the unit's own raw figures contradict.
#include "eval/evaluate.hpp"
#include "eval/explain.hpp"
#include "eval/trace.hpp"

#include <rubric/audit.hpp>

namespace rubric {
namespace {

using detail::number;

// Decimal places of the number in a value as written: 2 for “99.63%”, 0 for “95%”.
int places_written(std::string_view text) {
    const std::size_t dot = text.find('.');
    if (dot == std::string_view::npos) return 0;
    int places = 0;
    for (std::size_t i = dot + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        ++places;
    return places;
}

class auditor {
public:
    auditor(const compiled_rubric& rubric, const bound_values& values, const result& scored, language lang)
        : p_(rubric.program()), unit_(values.state()), scored_(scored), zh_(lang == language::zh) {}

    audit_report run() {
        lines();
        sums();
        totals();
        raw_figures();
        return std::move(report_);
    }

private:
    const std::string& name(std::size_t node) const { return p_.info[node].name; }

    void find(finding_kind kind, std::optional<std::size_t> node, std::string message) {
        report_.findings.push_back({kind, node, std::move(message)});
    }

    // ------------------------------------------------------------------------------------ lines

    void lines() {
        const node_results results = scored_.nodes();
        for (std::size_t i = 0; i < p_.info.size(); ++i) {
            const std::optional<detail::claim>& claim = unit_.claims[i];
            if (!claim && p_.info[i].kind != node_kind::indicator) continue;
            audit_line line;
            line.node = i;
            const node_result& r = results[i];
            if (r.status != node_status::error) line.recomputed = r.score;
            if (claim) {
                line.claimed = claim->score;
                impossible(i, claim->score, r);
                if (line.recomputed) {
                    line.difference = claim->score - *line.recomputed;
                    line.holds = line.difference->is_zero();
                    if (!line.holds)
                        find(finding_kind::score_differs, i,
                             zh_ ? name(i) + "：自评 " + number(claim->score) + " 分，按规则 " + number(r.score) +
                                       " 分（差 " + number(*line.difference) + "）"
                                 : name(i) + ": claimed " + number(claim->score) + ", the rule gives " +
                                       number(r.score) + " (difference " + number(*line.difference) + ")");
                } else {
                    line.holds = false; // unverified, not a difference: the reason is the row's error
                }
            }
            report_.lines.push_back(std::move(line));
        }
    }

    // A claim no values can make right: above the weight, or below what the line can lose.
    void impossible(std::size_t i, const decimal& claimed, const node_result& r) {
        const bool penalty = in_penalty(i);
        const decimal low = penalty ? -r.max : decimal(0);
        const decimal high = penalty ? decimal(0) : r.max;
        if (claimed > high)
            find(finding_kind::above_weight, i,
                 zh_ ? name(i) + "：自评 " + number(claimed) + " 分，超过权重 " + number(r.max) + " 分"
                     : name(i) + ": the claimed " + number(claimed) + " is above its weight " + number(r.max));
        else if (claimed < low)
            find(finding_kind::above_weight, i,
                 zh_ ? name(i) + "：自评 " + number(claimed) + " 分，低于 " + number(low) + " 分"
                     : name(i) + ": the claimed " + number(claimed) + " is below " + number(low));
    }

    bool in_penalty(std::size_t i) const {
        for (std::optional<std::size_t> at = i; at; at = p_.info[*at].parent)
            if (p_.info[*at].kind == node_kind::penalty) return true;
        return false;
    }

    // ------------------------------------------------------------------------------------ sums of claims

    /// What the claims say a node scores: its own claim, else (a group) the sum of its children's; the names of
    /// the lines without any claim are collected in `unclaimed`.
    std::optional<decimal> claimed_sum(std::size_t i, std::vector<std::string>& unclaimed) const {
        if (unit_.claims[i]) return unit_.claims[i]->score;
        if (p_.info[i].kind == node_kind::indicator || p_.info[i].kind == node_kind::item ||
            p_.info[i].children.empty()) {
            unclaimed.push_back(name(i));
            return std::nullopt;
        }
        return children_sum(i, unclaimed);
    }

    std::optional<decimal> children_sum(std::size_t i, std::vector<std::string>& unclaimed) const {
        std::optional<decimal> sum;
        for (std::size_t child : p_.info[i].children)
            if (const std::optional<decimal> c = claimed_sum(child, unclaimed)) sum = sum.value_or(0) + *c;
        return sum;
    }

    std::string listed(const std::vector<std::string>& names) const {
        std::string out;
        for (const std::string& n : names)
            out += (out.empty() ? "" : zh_ ? "、" : ", ") + n;
        return out;
    }

    void sums() {
        for (std::size_t i = 0; i < p_.info.size(); ++i) {
            const node_kind kind = p_.info[i].kind;
            if (!unit_.claims[i] || kind == node_kind::indicator || kind == node_kind::item) continue;
            std::vector<std::string> unclaimed;
            const std::optional<decimal> sum = children_sum(i, unclaimed);
            if (!sum || !unclaimed.empty() || *sum == unit_.claims[i]->score) continue;
            find(finding_kind::subtotal_mismatch, i,
                 zh_ ? name(i) + "：自评小计 " + number(unit_.claims[i]->score) + " 分，但各行自评得分之和为 " +
                           number(*sum) + " 分"
                     : name(i) + ": the claimed subtotal " + number(unit_.claims[i]->score) +
                           " is not the sum of its claimed lines, " + number(*sum));
        }
    }

    // ------------------------------------------------------------------------------------ totals, grades

    std::optional<std::size_t> grade_of(const decimal& total) const {
        for (std::size_t g = 0; g < p_.grades.size(); ++g)
            if (detail::in_constant_range(p_, p_.grades[g].values, total)) return g;
        return std::nullopt;
    }

    void totals() {
        report_.recomputed_total = scored_.total();
        if (const std::optional<std::string_view> g = scored_.grade()) report_.recomputed_grade = std::string(*g);
        if (unit_.claimed_grade) report_.claimed_grade = p_.grade_names[*unit_.claimed_grade];
        if (!unit_.claimed_total) {
            grades(std::nullopt);
            return;
        }
        const decimal& claimed = unit_.claimed_total->score;
        report_.claimed_total = claimed;
        // The claimed lines add up to the claimed total (before any 折算, which only the rules can do).
        const detail::trace* t = scored_.record();
        if (!(t && t->rescaled)) {
            std::vector<std::string> unclaimed;
            std::optional<decimal> sum;
            for (std::size_t i = 0; i < p_.info.size(); ++i)
                if (!p_.info[i].parent)
                    if (const std::optional<decimal> c = claimed_sum(i, unclaimed)) sum = sum.value_or(0) + *c;
            if (sum && *sum != claimed)
                find(finding_kind::total_mismatch, std::nullopt,
                     zh_ ? "自评总分 " + number(claimed) + " 分，但各行自评得分之和为 " + number(*sum) + " 分" +
                               (unclaimed.empty() ? "" : "（未填自评得分：" + listed(unclaimed) + "）")
                         : "the claimed total " + number(claimed) + " is not the sum of the claimed lines, " +
                               number(*sum) + (unclaimed.empty() ? "" : " (lines without a claim: " +
                                                                             listed(unclaimed) + ")"));
        }
        if (report_.recomputed_total && *report_.recomputed_total != claimed)
            find(finding_kind::total_differs, std::nullopt,
                 zh_ ? "自评总分 " + number(claimed) + " 分，按规则 " + number(*report_.recomputed_total) + " 分（差 " +
                           number(claimed - *report_.recomputed_total) + "）"
                     : "the claimed total " + number(claimed) + ", the rules give " +
                           number(*report_.recomputed_total) + " (difference " +
                           number(claimed - *report_.recomputed_total) + ")");
        grades(claimed);
    }

    void grades(const std::optional<decimal>& claimed_total) {
        if (!report_.claimed_grade) return;
        const std::string& claimed = *report_.claimed_grade;
        if (claimed_total)
            if (const std::optional<std::size_t> g = grade_of(*claimed_total); g && p_.grade_names[*g] != claimed)
                find(finding_kind::grade_mismatch, std::nullopt,
                     zh_ ? "自评等级 " + claimed + " 与自评总分 " + number(*claimed_total) + " 分所在的等级 " +
                               p_.grade_names[*g] + " 不符"
                         : "the claimed grade " + claimed + " is not the grade of the claimed total " +
                               number(*claimed_total) + ", " + p_.grade_names[*g]);
        if (report_.recomputed_grade && *report_.recomputed_grade != claimed)
            find(finding_kind::grade_differs, std::nullopt,
                 zh_ ? "自评等级 " + claimed + "，按规则 " + *report_.recomputed_grade
                     : "the claimed grade " + claimed + ", the rules give " + *report_.recomputed_grade);
    }

    // ------------------------------------------------------------------------------------ raw figures

    // A derived input the unit reported and could also be computed from its raw figures: the reported value
    // holds when it is the computed one as written, to the places written (rounded or cut).
    void raw_figures() {
        if (!scored_.record()) return;
        detail::trace scratch;
        const detail::trace* t = &detail::with_records(*scored_.record(), scratch);
        for (std::size_t slot = 0; slot < p_.inputs.size(); ++slot) {
            const detail::input_value& v = t->inputs[slot];
            if (v.source != detail::input_source::computed || !v.reported_too) continue;
            const detail::plan::input_slot& in = p_.inputs[slot];
            const std::string& written = unit_.input_texts[slot];
            const decimal scale = in.type.percent ? decimal(100) : in.type.unit_scale.is_zero() ? decimal(1)
                                                                                                 : 1 / in.type.unit_scale;
            const int places = places_written(written);
            const decimal computed = v.value * scale, reported = v.reported * scale;
            if (computed.round(places, rounding_mode::half_up) == reported ||
                computed.round(places, rounding_mode::down) == reported)
                continue;
            std::string figures;
            for (detail::plan::index raw : in.raw)
                figures += (figures.empty() ? "" : zh_ ? "、" : ", ") + p_.inputs[raw].name + " " +
                           unit_.input_texts[raw];
            const std::string value = detail::shown(v.value, in.type);
            find(finding_kind::raw_figures_differ, std::nullopt,
                 zh_ ? in.name + "：填报 " + written + "，但按原始数字（" + figures + "）计算 " + in.formula_text +
                           " = " + value
                     : in.name + ": reported " + written + ", but its raw figures (" + figures + ") give " +
                           in.formula_text + " = " + value);
        }
    }

    const detail::program& p_;
    const detail::unit_state& unit_;
    const result& scored_;
    bool zh_;
    audit_report report_;
};

} // namespace

bool audit_report::holds() const noexcept {
    for (const audit_line& line : lines)
        if (!line.holds) return false;
    return findings.empty();
}

std::string_view to_string(finding_kind kind) noexcept {
    switch (kind) {
    case finding_kind::score_differs: return "score_differs";
    case finding_kind::above_weight: return "above_weight";
    case finding_kind::subtotal_mismatch: return "subtotal_mismatch";
    case finding_kind::total_mismatch: return "total_mismatch";
    case finding_kind::total_differs: return "total_differs";
    case finding_kind::grade_mismatch: return "grade_mismatch";
    case finding_kind::grade_differs: return "grade_differs";
    case finding_kind::raw_figures_differ: return "raw_figures_differ";
    }
    return "score_differs";
}

audit_report audit(const compiled_rubric& rubric, const bound_values& values, const result& scored,
                   language lang) {
    return auditor(rubric, values, scored, lang).run();
}

} // namespace rubric

// explain.cpp — the words of a result: how each node's score came about, and why a node could not be scored,
// in Chinese and in English, from the trace (and the figures of replayable step clauses recomputed from it).
#include "eval/explain.hpp"

#include "check/overloaded.hpp"
#include "eval/step_clause.hpp"

#include <algorithm>

namespace rubric::detail {

std::string number(const decimal& d) {
    if (d.round(4, rounding_mode::half_up) == d) return d.to_string();
    return "≈" + d.format(2);
}

std::string shown(const decimal& v, const checker::value_type& t, const std::vector<std::string>& levels) {
    if (t.kind == checker::type_kind::level && !levels.empty()) {
        for (std::size_t i = 0; i < levels.size(); ++i)
            if (v == decimal(static_cast<long>(levels.size() - i))) return levels[i];
    }
    if (t.kind == checker::type_kind::boolean) return v.is_zero() ? "否" : "是";
    if (t.kind == checker::type_kind::date) return checker::show(v, t);
    if (t.kind != checker::type_kind::quantity || t.unit_scale.is_zero()) return number(v);
    if (t.percent || t.unit_text == "%") return number(v * 100) + "%";
    if (t.unit_text == "分") return number(v);
    return number(v / t.unit_scale) + t.unit_text;
}

namespace {

using checker::overloaded;
using namespace plan;

std::string_view symbol(ast::comparison_op op) {
    switch (op) {
    case ast::comparison_op::ge: return "≥";
    case ast::comparison_op::le: return "≤";
    case ast::comparison_op::ne: return "≠";
    case ast::comparison_op::eq: return "";
    case ast::comparison_op::gt: return ">";
    case ast::comparison_op::lt: return "<";
    }
    return "";
}

// A replayable clause's operands: the row's value and constants (it has neither `on` nor 起扣).
struct replayed_operands {
    const plan::step_clause& c;
    const program& p;
    const subject_record& r;

    const decimal* measured(decimal&) const { return &r.value; }
    const decimal* from(decimal&) const { return nullptr; }
    const decimal* step(decimal&) const { return &p.expressions[c.step].value; }
    const decimal* per_step(decimal&) const { return &*c.per_step.fixed; }
    const decimal* cap(decimal&) const { return &*c.at_most->fixed; }
    std::nullptr_t fail(fault_kind, plan::index) const { return nullptr; }
};

// A clause's figures: as evaluation recorded them, or recomputed for a replayable clause.
clause_record figures(const trace& t, const plan::subject& s, const subject_record& r, const plan::step_clause& c) {
    const clause_record& recorded = t.clauses[c.trace];
    if (!c.replayable || !recorded.reached) return recorded;
    clause_record out;
    out.reached = true;
    replayed_operands operands{c, *t.code, r};
    decimal moved;
    clause_points(c, s, r, operands, &out, moved);
    return out;
}

class writer {
public:
    writer(const trace& t, language lang) : t_(t), p_(*t.code), zh_(lang == language::zh) {}

    std::string node(std::size_t i) {
        const node_result& r = t_.nodes[i];
        const plan::node& n = p_.nodes[i];
        const node_marks& m = t_.unit->nodes[i];
        if (r.status == node_status::error) return error(i);
        if (r.status == node_status::not_applicable) return not_applicable(i);
        if (r.status == node_status::exempt)
            return zh_ ? "豁免（" + m.exemption_reason + "）：得满分 " + number(r.score) + " 分。"
                       : "Exempt (" + m.exemption_reason + "): full score " + number(r.score) + ".";
        std::string out;
        if (n.subject != none && t_.subjects[n.subject].failure) // scored 0 under 缺失值 不得分
            out = describe(t_.subjects[n.subject].failure, &p_.subjects[n.subject]) +
                  (zh_ ? "；按口径“缺失值 不得分”计 0 分（满分 " + number(r.max) + "）。"
                       : "; scored 0 under the policy “missing zero” (of " + number(r.max) + ").");
        else if (n.subject != none)
            out = subject(i, p_.subjects[n.subject], t_.subjects[n.subject]);
        else if (n.kind == rubric::node_kind::indicator)
            out = combined(i);
        else
            out = summed(i);
        if (r.zeroed)
            out += zh_ ? "一票否决：本项清零。" : " Vetoed: set to 0.";
        return out;
    }

    std::string error(std::size_t i) {
        const fault& f = t_.node_faults[i];
        if (f.kind == fault_kind::child_error) {
            const std::size_t child = f.at;
            return (zh_ ? "未能计分：" : "Not scored: ") + quoted(p_.info[child].name) + (zh_ ? " " : " ") +
                   error(child);
        }
        const plan::index subject = p_.nodes[i].subject;
        return describe(f, subject == none ? nullptr : &p_.subjects[subject]);
    }

    std::string describe(const fault& f, const plan::subject* s) {
        switch (f.kind) {
        case fault_kind::missing_input: return missing(s, f.at);
        case fault_kind::division_by_zero: {
            const std::string& formula = p_.texts[p_.expressions[f.at].text];
            return zh_ ? "除数为 0：" + formula + "（被除数 " + number(f.value) + "）"
                       : "division by zero in " + formula + " (dividend " + number(f.value) + ")";
        }
        case fault_kind::too_large: {
            const std::string& formula = p_.texts[p_.expressions[f.at].text];
            return zh_ ? "数值过大，无法精确计算：" + formula + " 的结果超过约 3000 位数字"
                       : "a number too large to compute exactly: " + formula +
                             " comes to more than about 3000 digits";
        }
        case fault_kind::zero_reference:
            return zh_ ? "参照值为 0，无法按相对值或步长计算" : "the reference is 0: a relative step cannot be counted";
        case fault_kind::value_is_bound: {
            const std::string& name = p_.inputs[f.at].name;
            return zh_ ? quoted(name) + " 只给出界限 " + t_.unit->input_texts[f.at] + "，此处需要确切数值"
                       : quoted(name) + " is given only as a bound, " + t_.unit->input_texts[f.at] +
                             ", where an exact value is needed";
        }
        case fault_kind::bound_undecided: {
            const std::string& name = p_.inputs[f.at].name;
            return zh_ ? quoted(name) + " 只给出界限 " + t_.unit->input_texts[f.at] + "，得分介于 " + number(f.value) +
                             " 与 " + number(f.other) + " 分之间，无法确定"
                       : quoted(name) + " is given only as a bound, " + t_.unit->input_texts[f.at] +
                             ", and the score lies anywhere between " + number(f.value) + " and " +
                             number(f.other);
        }
        case fault_kind::missing_target:
            return zh_ ? "缺少目标值（由单位填报）" : "the target (left to the unit) is not given";
        case fault_kind::missing_judged:
            return zh_ ? "缺少评价人评定的得分" : "the evaluator's score is not given";
        case fault_kind::judged_out_of_range:
            return zh_ ? "评价人评定的得分不在所适用档次的评定范围内"
                       : "the evaluator's score lies outside the range of the band that applies";
        case fault_kind::missing_choice:
            return zh_ ? "未选择考核的分项（择一）" : "no item is chosen (one of several)";
        case fault_kind::missing_category: {
            const std::string& set = p_.category_sets[f.at].first;
            return zh_ ? "缺少单位类别 " + quoted(set) + "，权重依此而定"
                       : "the unit's category " + quoted(set) + ", on which the weight depends, is not given";
        }
        case fault_kind::needs_cohort:
            return zh_ ? "排名规则需要同批被评单位，单个单位无法计分"
                       : "a ranking needs the cohort of units; one unit alone cannot be scored";
        case fault_kind::pending_rule:
            return zh_ ? "规则待定，无法计分" : "the rule is left pending and cannot score";
        case fault_kind::no_branch:
            return zh_ ? "没有适用的档次或情形" : "no band, case or level applies";
        case fault_kind::child_error:
        case fault_kind::none: break;
        }
        return {};
    }

    // Every missing input the row reads, at once; a derived input with its missing raw figures.
    std::string missing(const plan::subject* s, plan::index first) {
        std::vector<std::string> names;
        const auto add = [&](plan::index slot) {
            const input_slot& in = p_.inputs[slot];
            if (t_.inputs[slot].source != input_source::missing) return;
            std::string name = in.name;
            if (in.formula != none) {
                std::string raw;
                for (plan::index r : in.raw)
                    if (t_.inputs[r].source == input_source::missing)
                        raw += (raw.empty() ? "" : zh_ ? "、" : ", ") + p_.inputs[r].name;
                if (!raw.empty()) name += zh_ ? "（或其原始数字 " + raw + "）" : " (or its raw figures " + raw + ")";
            }
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        };
        if (first != none) add(first);
        if (s)
            for (plan::index slot : s->reads)
                add(slot);
        std::string list;
        for (const std::string& n : names)
            list += (list.empty() ? "" : zh_ ? "、" : ", ") + n;
        return (zh_ ? "缺少取值：" : "missing value: ") + list;
    }

private:
    std::string quoted(const std::string& s) const { return zh_ ? "“" + s + "”" : "“" + s + "”"; }

    std::string not_applicable(std::size_t i) {
        const std::string& reason = t_.unit->nodes[i].not_applicable_reason;
        std::string why;
        if (!reason.empty()) why = zh_ ? "（" + reason + "）" : " (" + reason + ")";
        return (zh_ ? "不适用" : "Not applicable") + why + effect_of_not_applicable(i);
    }

    std::string effect_of_not_applicable(std::size_t i) {
        const node_result& r = t_.nodes[i];
        if (p_.nodes[i].kind == rubric::node_kind::item)
            return zh_ ? "：不计入汇总。" : ": left out of the combination.";
        switch (p_.nodes[i].not_applicable) {
        case ast::na_effect::full:
            return zh_ ? "：按满分 " + number(r.score) + " 分计。" : ": scores its weight, " + number(r.score) + ".";
        case ast::na_effect::share:
            return zh_ ? "：权重 " + number(r.max) + " 分给同级适用指标。"
                       : ": its weight " + number(r.max) + " goes to the applicable siblings.";
        case ast::na_effect::rescale:
            return zh_ ? "：总分按适用指标折算。" : ": the total is rescaled over the applicable weight.";
        case ast::na_effect::forbidden: break;
        }
        return ".";
    }

    std::string points(const decimal& d) const { return number(d) + (zh_ ? " 分" : ""); }

    // “1 step”, “5 steps”, “4.6 percentage points”.
    static std::string counted(const decimal& n, const std::string& noun) {
        return number(n) + " " + noun + (n == decimal(1) ? "" : "s");
    }

    // The score as the rubric rounds it, with the exact value beside it when rounding changed it.
    std::string ending(const node_result& r) const {
        std::string rounded;
        if (r.score != r.unrounded) {
            const std::string exact = r.unrounded.round(6, rounding_mode::half_up) == r.unrounded
                                          ? r.unrounded.to_string()
                                          : "≈" + r.unrounded.format(6);
            rounded = zh_ ? "，舍入前 " + exact : ", " + exact + " before rounding";
        }
        return zh_ ? "得 " + number(r.score) + " 分（满分 " + number(r.max) + rounded + "）。"
                   : "scores " + number(r.score) + " of " + number(r.max) + rounded + ".";
    }

    std::string subject(std::size_t i, const plan::subject& s, const subject_record& r) {
        const node_result& result = t_.nodes[i];
        std::string out;
        const std::vector<std::string>* levels =
            s.value_slot != none ? &p_.inputs[s.value_slot].levels : nullptr;
        if (r.has_value) {
            const std::string value =
                r.value_bound ? t_.unit->input_texts[s.value_slot] : shown(r.value, s.value_type, levels ? *levels : std::vector<std::string>{});
            out += (zh_ ? "实际值 " : "Actual ") + value;
            if (s.value_slot != none && t_.inputs[s.value_slot].source == input_source::computed) {
                const input_value& in = t_.inputs[s.value_slot];
                out += zh_ ? "（由原始数字计算" : " (computed from the raw figures";
                if (in.reported_too)
                    out += zh_ ? "；单位填报 " + shown(in.reported, s.value_type) : "; the unit reported " +
                                                                                   shown(in.reported, s.value_type);
                out += zh_ ? "）" : ")";
            }
            if (s.value_slot != none && t_.inputs[s.value_slot].source == input_source::fallback)
                out += zh_ ? "（缺省值）" : " (default)";
        }
        if (r.has_target) {
            out += out.empty() ? "" : zh_ ? "，" : ", ";
            if (s.target.kind == target_kind::interval)
                out += (zh_ ? "目标 " : "target ") + s.target.text;
            else
                out += (zh_ ? "目标 " : "target ") + std::string(symbol(r.target_op.value_or(ast::comparison_op::eq))) +
                       shown(r.target, s.value_type, levels ? *levels : std::vector<std::string>{});
        } else if (s.target.kind == target_kind::text) {
            out += std::string(out.empty() ? "" : zh_ ? "，" : ", ") + (zh_ ? "目标 " : "target ") + s.target.text;
        }
        if (r.value_bound)
            out += zh_ ? "（无论在此界限内取何值，得分相同）" : " (every value within the bound scores the same)";
        if (!out.empty()) out += zh_ ? "；" : "; ";
        if (s.rule == none)
            out += zh_ ? (r.met ? "达到目标，" : "未达到目标，") : (r.met ? "meets the target, " : "misses the target, ");
        else
            out += rule(s, r, s.rule);
        if (r.clamp_changed)
            out += zh_ ? "限于 0 至满分，" : "kept within 0 and the weight, ";
        return out + ending(result);
    }

    std::string rule(const plan::subject& s, const subject_record& r, plan::index at) {
        return std::visit(
            overloaded{
                [&](const step_rule& x) { return steps(s, r, x); },
                [&](const band_table& x) {
                    if (r.branch_rule != at) return std::string();
                    const band& b = x.bands[r.branch];
                    std::string out = b.values ? (zh_ ? "落在 " + b.values->text + " 档，" : "in the band " +
                                                                                          b.values->text + ", ")
                                               : (zh_ ? "其余情形，" : "otherwise, ");
                    return out + outcome(s, r, b.result);
                },
                [&](const case_table& x) {
                    if (r.branch_rule != at) return std::string();
                    const case_clause& c = x.cases[r.branch];
                    std::string out = c.condition != none ? (zh_ ? "符合“" + c.text + "”，" : "when " + c.text + ", ")
                                                          : (zh_ ? "不符合前述情形，" : "otherwise, ");
                    return out + outcome(s, r, c.result);
                },
                [&](const level_map& x) {
                    if (r.branch_rule != at) return std::string();
                    const bool otherwise = r.branch >= x.by_level.size();
                    std::string out = otherwise ? (zh_ ? "其余档次，" : "another level, ") : std::string();
                    return out + outcome(s, r, otherwise ? *x.otherwise : *x.by_level[r.branch]);
                },
                [&](const proportional& x) {
                    const bool inverse = x.kind == ast::proportional_kind::inverse_proportional ||
                                         (x.kind == ast::proportional_kind::completion_ratio && r.target_op &&
                                          (*r.target_op == ast::comparison_op::le ||
                                           *r.target_op == ast::comparison_op::lt));
                    if (!r.has_target)
                        return std::string(zh_ ? (inverse ? "按反比例（权重 ÷ 实际值）计分，" : "按比例（权重 × 实际值）计分，")
                                               : (inverse ? "inversely proportional (weight ÷ actual), "
                                                          : "proportional (weight × actual), "));
                    if (inverse && r.met && x.kind == ast::proportional_kind::completion_ratio)
                        return std::string(zh_ ? "达到目标，" : "meets the target, ");
                    return std::string(zh_ ? (inverse ? "按反比例（权重 × 目标 ÷ 实际值）计分，"
                                                      : "按比例（权重 × 实际值 ÷ 目标）计分，")
                                           : (inverse ? "inversely proportional (weight × target ÷ actual), "
                                                      : "proportional (weight × actual ÷ target), "));
                },
                [&](const score_formula& x) {
                    return zh_ ? "按公式 " + x.text + " 计 " + points(r.rule_score) + "，"
                               : "by the formula " + x.text + ", " + number(r.rule_score) + ", ";
                },
                [&](const checklist& x) { return items(x, r); },
                [&](const judged&) {
                    const node_marks& m = t_.unit->nodes[s.node];
                    std::string out = zh_ ? "评价人评定 " + points(r.rule_score) : "judged " + number(r.rule_score);
                    if (!m.judged_reason.empty())
                        out += zh_ ? "（理由：" + m.judged_reason + "）" : " (reason: " + m.judged_reason + ")";
                    return out + (zh_ ? "，" : ", ");
                },
                [&](const unscorable&) { return std::string(); },
            },
            p_.rules[at]);
    }

    std::string outcome(const plan::subject& s, const subject_record& r, const plan::outcome& o) {
        switch (o.kind) {
        case outcome_kind::full: return zh_ ? "得满分，" : "full score, ";
        case outcome_kind::zero: return zh_ ? "不得分，" : "no score, ";
        case outcome_kind::amount: return zh_ ? "计 " + points(r.rule_score) + "，" : number(r.rule_score) + ", ";
        case outcome_kind::nested: return rule(s, r, o.rule);
        case outcome_kind::judged: {
            const node_marks& m = t_.unit->nodes[s.node];
            std::string out = zh_ ? "评价人评定 " + points(r.rule_score) : "judged " + number(r.rule_score);
            if (!m.judged_reason.empty())
                out += zh_ ? "（理由：" + m.judged_reason + "）" : " (reason: " + m.judged_reason + ")";
            return out + (zh_ ? "，" : ", ");
        }
        }
        return {};
    }

    std::string items(const checklist& x, const subject_record& r) {
        std::string missing;
        for (const check_item& item : x.items)
            if (value_of(t_, item.slot).is_zero())
                missing += (missing.empty() ? "" : zh_ ? "、" : ", ") + item.label;
        std::string out = zh_ ? "具备要点 " + std::to_string(r.checklist_met) + "/" + std::to_string(x.items.size())
                              : std::to_string(r.checklist_met) + " of " + std::to_string(x.items.size()) +
                                    " checklist items met";
        if (!missing.empty()) out += zh_ ? "（不具备 " + missing + "）" : " (not met: " + missing + ")";
        if (r.gate_failed) out += zh_ ? "，未具备门槛要点，不得分" : ", a gate item is not met: no score";
        if (x.mode == ast::checklist_mode::all_or_nothing && r.checklist_met != x.items.size())
            out += zh_ ? "，须全部具备" : ", all are required";
        return out + (zh_ ? "，" : ", ");
    }

    // “1 percentage point” reads “percentage point” after “per started”.
    static std::string unit_step(const std::string& step) {
        return step.starts_with("1 ") ? step.substr(2) : step;
    }

    std::string step_text(const step_clause& c, const decimal& step) const {
        const checker::value_type& t = c.step_type;
        const bool points_of_percent = !c.relative && (t.percent || t.unit_text == "%");
        if (points_of_percent) return zh_ ? number(step * 100) + " 个百分点" : counted(step * 100, "percentage point");
        if (c.relative) return number(step * 100) + (zh_ ? "%（相对值）" : "% (relative)");
        return shown(step, t);
    }

    std::string steps(const plan::subject& s, const subject_record& r, const step_rule& x) {
        std::string out;
        const node_result& result = t_.nodes[s.node];
        if (x.base || s.from_zero)
            out += zh_ ? "基础分 " + points(r.base) + "；" : "base " + number(r.base) + "; ";
        for (const step_clause& c : x.clauses) {
            const clause_record cr = figures(t_, s, r, c);
            if (!cr.reached) continue;
            out += deviation(c, cr);
            if (cr.deviation.is_zero()) {
                out += zh_ ? "，不扣分；" : ", nothing moves; ";
                continue;
            }
            const bool deduct = c.verb == ast::step_verb::deduct;
            const std::string step = step_text(c, cr.step);
            std::string each;
            switch (c.counting) {
            case ast::step_counting::started_steps: each = zh_ ? "每起算 " + step : "per started " + unit_step(step); break;
            case ast::step_counting::full_steps: each = zh_ ? "每满 " + step : "per full " + unit_step(step); break;
            case ast::step_counting::pro_rata: each = zh_ ? "每 " + step + "（按比例计步）" : "per " + step + " pro rata"; break;
            }
            std::string per;
            if (c.per_step.of_weight) {
                const decimal share = result.max.is_zero() ? decimal(0) : cr.per_step / result.max;
                per = zh_ ? std::string(deduct ? "扣" : "加") + "权重的 " + number(share * 100) + "%（" + points(cr.per_step) + "）"
                          : std::string(deduct ? "deduct " : "add ") + number(share * 100) + "% of the weight (" +
                                number(cr.per_step) + ")";
            } else {
                per = zh_ ? std::string(deduct ? "扣 " : "加 ") + points(cr.per_step)
                          : std::string(deduct ? "deduct " : "add ") + number(cr.per_step);
            }
            out += zh_ ? "；" + each + per + "，计 " + number(cr.steps) + " 步，" + (deduct ? "扣 " : "加 ") +
                             points(cr.moved)
                       : "; " + each + " " + per + ": " + counted(cr.steps, "step") + ", " +
                             (deduct ? "deducts " : "adds ") + number(cr.moved);
            if (cr.capped) out += zh_ ? "（已达上限）" : " (at its cap)";
            out += zh_ ? "，" : ", ";
        }
        if (r.bounded) out += zh_ ? "扣完为止或按上下限计，" : "bounded by the rule, ";
        return out;
    }

    std::string deviation(const step_clause& c, const clause_record& cr) const {
        const checker::value_type& t = c.step_type;
        const bool percent_points = t.percent || t.unit_text == "%";
        const decimal shown_deviation = cr.deviation;
        std::string amount = percent_points && !c.relative
                                 ? (zh_ ? number(shown_deviation * 100) + " 个百分点"
                                        : counted(shown_deviation * 100, "percentage point"))
                                 : shown(shown_deviation, t);
        if (c.relative && cr.has_reference && !cr.reference.is_zero())
            amount += zh_ ? "（相对值 " + number(shown_deviation / cr.reference.abs() * 100) + "%）"
                          : " (relative " + number(shown_deviation / cr.reference.abs() * 100) + "%)";
        if (!cr.has_reference) return zh_ ? "无参照值" : "no reference";
        const std::string from = c.from != none ? (zh_ ? "起扣点 " : "the threshold ") : (zh_ ? "目标" : "the target");
        switch (c.direction) {
        case ast::step_direction::per_drop:
            return cr.deviation.is_zero() ? (zh_ ? "未低于" + from : "not below " + from)
                                          : (zh_ ? "低于" + from + " " + amount : amount + " below " + from);
        case ast::step_direction::per_rise:
            return cr.deviation.is_zero() ? (zh_ ? "未高于" + from : "not above " + from)
                                          : (zh_ ? "高于" + from + " " + amount : amount + " above " + from);
        case ast::step_direction::per_deviation:
            return cr.deviation.is_zero() ? (zh_ ? "未偏离" + from : "on " + from)
                                          : (zh_ ? "偏离" + from + " " + amount : amount + " off " + from);
        case ast::step_direction::per_occurrence:
            return zh_ ? "发生 " + shown(cr.measured, t) : shown(cr.measured, t) + " occurred";
        }
        return {};
    }

    std::string combined(std::size_t i) {
        const plan::node& n = p_.nodes[i];
        std::string parts;
        for (std::size_t child : p_.info[i].children) {
            const node_result& c = t_.nodes[child];
            parts += (parts.empty() ? "" : zh_ ? "、" : ", ") + p_.info[child].name + " " +
                     (c.status == node_status::not_applicable ? (zh_ ? "不适用" : "n/a") : number(c.unrounded));
        }
        std::string how;
        switch (n.combine.value_or(ast::combine_mode::mean)) {
        case ast::combine_mode::mean: how = zh_ ? "取平均" : "the mean"; break;
        case ast::combine_mode::lowest: how = zh_ ? "取最低" : "the lowest"; break;
        case ast::combine_mode::highest: how = zh_ ? "取最高" : "the highest"; break;
        case ast::combine_mode::all_met: how = zh_ ? "须全部达标" : "all must meet their targets"; break;
        case ast::combine_mode::one_of: how = zh_ ? "取所选分项" : "the chosen item"; break;
        }
        return (zh_ ? "各分项得分：" + parts + "；" + how + "，" : "Items: " + parts + "; " + how + ", ") +
               ending(t_.nodes[i]);
    }

    std::string summed(std::size_t i) {
        const node_result& r = t_.nodes[i];
        return zh_ ? "小计 " + number(r.unrounded) + " 分（满分 " + number(r.max) + "）。"
                   : "Subtotal " + number(r.unrounded) + " of " + number(r.max) + ".";
    }

    const trace& t_;
    const program& p_;
    bool zh_;
};

} // namespace

std::string explain_node(const trace& t, std::size_t node, language lang) {
    return writer(t, lang).node(node);
}

std::string error_of(const trace& t, std::size_t node, language lang) {
    if (t.nodes[node].status != node_status::error) return {};
    return writer(t, lang).error(node);
}

node_detail detail_of(const trace& t, std::size_t node) {
    node_detail out;
    const program& p = *t.code;
    const plan::index at = p.nodes[node].subject;
    if (at == none) return out;
    const plan::subject& s = p.subjects[at];
    const subject_record& r = t.subjects[at];
    const std::vector<std::string> no_levels;
    const std::vector<std::string>& levels = s.value_slot != none ? p.inputs[s.value_slot].levels : no_levels;
    if (r.failure.kind == fault_kind::bound_undecided) {
        out.value_text = t.unit->input_texts[s.value_slot]; // only the bound is known, not a value in it
    } else if (r.has_value) {
        out.value = r.value;
        out.value_text = r.value_bound ? t.unit->input_texts[s.value_slot] : shown(r.value, s.value_type, levels);
    }
    if (r.has_target) {
        out.target = r.target;
        out.target_text = s.target.kind == target_kind::interval
                              ? s.target.text
                              : std::string(symbol(r.target_op.value_or(ast::comparison_op::eq))) +
                                    shown(r.target, s.value_type, levels);
        if (r.has_value) out.met = r.met;
    } else if (s.target.kind == target_kind::text) {
        out.target_text = s.target.text;
    }
    if (r.failure) return out;
    out.rule_score = r.rule_score;
    // The branch and the steps of the rule that applied, nested rules included.
    for (plan::index rule = s.rule; rule != none;) {
        plan::index next = none;
        std::visit(overloaded{
                       [&](const band_table& x) {
                           if (r.branch_rule != rule) return;
                           const band& b = x.bands[r.branch];
                           out.branch = b.values ? b.values->text : "否则";
                           if (b.result.kind == outcome_kind::nested) next = b.result.rule;
                       },
                       [&](const case_table& x) {
                           if (r.branch_rule != rule) return;
                           const case_clause& c = x.cases[r.branch];
                           out.branch = c.condition != none ? c.text : "否则";
                           if (c.result.kind == outcome_kind::nested) next = c.result.rule;
                       },
                       [&](const level_map& x) {
                           if (r.branch_rule != rule) return;
                           out.branch = r.branch < levels.size() ? levels[r.branch] : "否则";
                           const std::optional<plan::outcome>& o =
                               r.branch < x.by_level.size() ? x.by_level[r.branch] : x.otherwise;
                           if (o && o->kind == outcome_kind::nested) next = o->rule;
                       },
                       [&](const step_rule& x) {
                           for (const step_clause& c : x.clauses) {
                               const clause_record cr = figures(t, s, r, c);
                               if (!cr.reached) continue;
                               step_detail d;
                               switch (c.direction) {
                               case ast::step_direction::per_drop: d.direction = step_direction::below; break;
                               case ast::step_direction::per_rise: d.direction = step_direction::above; break;
                               case ast::step_direction::per_deviation: d.direction = step_direction::either_way; break;
                               case ast::step_direction::per_occurrence: d.direction = step_direction::occurrences; break;
                               }
                               d.deducts = c.verb == ast::step_verb::deduct;
                               if (cr.has_reference) d.reference = cr.reference;
                               d.deviation = cr.deviation;
                               d.relative = c.relative;
                               d.step = cr.step;
                               d.counting = c.counting == ast::step_counting::started_steps ? step_counting::started_steps
                                            : c.counting == ast::step_counting::full_steps  ? step_counting::full_steps
                                                                                            : step_counting::pro_rata;
                               d.steps = cr.steps;
                               d.per_step = cr.per_step;
                               d.moved = cr.moved;
                               d.capped = cr.capped;
                               out.steps.push_back(std::move(d));
                           }
                       },
                       [](const auto&) {},
                   },
                   p.rules[rule]);
        rule = next;
    }
    return out;
}

std::string veto_error(const trace& t, std::size_t veto, language lang) {
    return writer(t, lang).describe(t.vetoes[veto].failure, nullptr);
}

} // namespace rubric::detail

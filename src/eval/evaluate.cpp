// evaluate.cpp — scoring one unit (README §15): inputs, then every scored row, then groups innermost first,
// then the total and the grade. Everything is written into the trace's arrays, sized once per program.
#include "eval/evaluate.hpp"

#include "check/overloaded.hpp"
#include "eval/integer_steps.hpp"
#include "eval/step_clause.hpp"
#include "number/number_limits.hpp"

#include <algorithm>

namespace rubric::detail {
namespace {

using checker::overloaded;
using namespace plan;

const decimal zero;
const decimal one = 1;

bool compare(ast::comparison_op op, const decimal& a, const decimal& b) {
    switch (op) {
    case ast::comparison_op::ge: return a >= b;
    case ast::comparison_op::le: return a <= b;
    case ast::comparison_op::ne: return a != b;
    case ast::comparison_op::eq: return a == b;
    case ast::comparison_op::gt: return a > b;
    case ast::comparison_op::lt: return a < b;
    }
    return false;
}

class evaluator {
public:
    evaluator(const program& code, const unit_state& unit, trace& out) : p_(code), u_(unit), t_(out) {}

    void run() {
        weights();
        inputs();
        for (std::size_t i = 0; i < p_.subjects.size(); ++i)
            subject(i);
        for (std::size_t i = 0; i < p_.vetoes.size(); ++i)
            veto(i);
        for (std::size_t i = p_.nodes.size(); i-- > 0;)
            node(i);
        total();
    }

private:
    // ------------------------------------------------------------------------------------ faults

    std::nullptr_t fail(fault_kind kind, index at = none) {
        fault_.kind = kind;
        fault_.at = at;
        return nullptr;
    }

    // ------------------------------------------------------------------------------------ step 1: weights

    // Fixed weights are written once per program (prepare); only weights by the unit's category, and the sums
    // above them, change here.
    void weights() {
        for (const std::size_t i : p_.varying_weights) {
            const plan::node& n = p_.nodes[i];
            decimal& max = t_.nodes[i].max;
            if (sums_children(n)) {
                max = 0;
                for (std::size_t child : p_.info[i].children)
                    max += t_.nodes[child].max;
                continue;
            }
            const std::optional<std::size_t>& category = u_.categories[n.category_set];
            max = weight_missing(i) ? decimal(0) : *n.by_category[*category];
        }
    }

    // A weight by category that the unit's category does not give.
    bool weight_missing(std::size_t i) const {
        const plan::node& n = p_.nodes[i];
        if (n.weight || n.by_category.empty()) return false;
        const std::optional<std::size_t>& category = u_.categories[n.category_set];
        return !category || !n.by_category[*category];
    }

    fault weight_fault(std::size_t i) const {
        return fault::of(fault_kind::missing_category, static_cast<index>(p_.nodes[i].category_set));
    }

    // ------------------------------------------------------------------------------------ step 2: inputs

    // Only the source is reset: the other fields are read only for the sources that set them.
    void inputs() {
        // Defaults of raw figures first, then derived inputs, computed from their raw figures when all of
        // them are there (the computed value wins over a reported one), then the defaults of derived inputs.
        for (std::size_t i = 0; i < p_.inputs.size(); ++i) {
            input_value& v = t_.inputs[i];
            if (u_.given[i] == given_as::number) {
                v.source = input_source::reported;
            } else {
                v.source = input_source::missing;
                if (p_.inputs[i].formula == none) fallback(i);
            }
        }
        for (const index i : p_.derived) {
            const input_slot& slot = p_.inputs[i];
            input_value& v = t_.inputs[i];
            // A raw figure that could not be computed fails this one too, for the same reason (a division by
            // zero three derived inputs down is reported as such, not as a missing value).
            const auto failed = std::find_if(slot.raw.begin(), slot.raw.end(), [&](index raw) {
                return t_.inputs[raw].source == input_source::failed;
            });
            if (failed != slot.raw.end()) {
                if (v.source == input_source::missing) {
                    v.source = input_source::failed;
                    v.failure = t_.inputs[*failed].failure;
                }
                continue;
            }
            const bool all_raw = std::all_of(slot.raw.begin(), slot.raw.end(), [&](index raw) {
                return t_.inputs[raw].source != input_source::missing;
            });
            if (!all_raw) continue;
            decimal scratch;
            const decimal* computed = eval(slot.formula, scratch);
            if (!computed) {
                if (v.source == input_source::missing) {
                    v.source = input_source::failed;
                    v.failure = fault_;
                }
                continue;
            }
            v.reported_too = v.source == input_source::reported;
            if (v.reported_too) v.reported = u_.inputs[i];
            v.source = input_source::computed;
            v.value = *computed;
        }
        for (const index i : p_.derived)
            fallback(i);
    }

    void fallback(std::size_t i) {
        input_value& v = t_.inputs[i];
        if (v.source == input_source::missing && p_.inputs[i].fallback) {
            v.source = input_source::fallback;
            v.value = *p_.inputs[i].fallback;
        }
    }

    const decimal* input(index slot) {
        const input_value& v = t_.inputs[slot];
        switch (v.source) {
        case input_source::reported:
        case input_source::computed:
        case input_source::fallback: return &value_of(t_, slot);
        case input_source::failed: fault_ = v.failure; return nullptr;
        case input_source::missing: break;
        }
        if (u_.given[slot] == given_as::bound) return fail(fault_kind::value_is_bound, slot);
        return fail(fault_kind::missing_input, slot);
    }

    // ------------------------------------------------------------------------------------ expressions

    // Values are passed as pointers, nullptr when there is none (fault_ says why): a constant, an input or a
    // figure of the row is not copied, and a value that has to be computed is written into the caller's
    // `scratch`. A scratch is a local of the caller, never a field that a result could point into.

    static const decimal* truth(bool b) { return b ? &one : &zero; }

    // A computed value that outgrows number_limits.hpp's bound is the formula's error, so no chain of
    // formulas can make exact arithmetic explode (grammar/README.md §18).
    const decimal* within_limits(const decimal& value, index at) {
        if (value.on_fast_path() || !detail::too_large_to_compute(value)) [[likely]]
            return &value;
        fault_ = fault::of(fault_kind::too_large, at);
        return nullptr;
    }

    // A constant or a reported input, what most operands are, is read here; anything else is computed by
    // compute(), kept out of line.
    const decimal* eval(index at, decimal& scratch) {
        const expression& e = p_.expressions[at];
        if (e.code == op::constant) return &e.value;
        if (e.code == op::input && t_.inputs[e.a].source == input_source::reported) return &u_.inputs[e.a];
        return compute(at, scratch);
    }

    [[gnu::noinline]] const decimal* compute(index at, decimal& scratch) {
        const expression& e = p_.expressions[at];
        switch (e.code) {
        case op::constant: return &e.value;
        case op::input: return input(e.a);
        case op::value:
            if (!r_ || !r_->has_value) return fail(fault_kind::missing_input, s_ ? s_->value_slot : none);
            return &r_->value;
        case op::target:
            if (!r_ || !r_->has_target) return fail(fault_kind::missing_target);
            return &r_->target;
        case op::weight: return weight_;
        case op::met:
            if (!r_ || !r_->has_value || !r_->has_target) return fail(fault_kind::missing_target);
            return truth(r_->met);
        case op::negate:
        case op::not_:
        case op::abs:
        case op::round: {
            decimal x;
            const decimal* a = eval(e.a, x);
            if (!a) return a;
            if (e.code == op::not_) return truth(a->is_zero());
            scratch = e.code == op::negate ? -*a : e.code == op::abs ? a->abs() : a->round(e.places, e.mode);
            return &scratch;
        }
        case op::and_:
        case op::or_: {
            decimal x;
            const decimal* a = eval(e.a, x);
            if (!a) return a;
            if (e.code == op::and_ ? a->is_zero() : !a->is_zero()) return truth(e.code == op::or_);
            const decimal* b = eval(e.b, x);
            if (!b) return b;
            return truth(!b->is_zero());
        }
        case op::min:
        case op::max: {
            decimal x;
            for (index k = 0; k < e.b; ++k) {
                const decimal* v = eval(p_.arguments[e.a + k], x);
                if (!v) return v;
                if (k == 0 || (e.code == op::min ? *v < scratch : *v > scratch)) scratch = *v;
            }
            return e.b == 0 ? nullptr : &scratch;
        }
        default: break;
        }
        decimal x, y;
        const decimal* a = eval(e.a, x);
        if (!a) return a;
        const decimal* b = eval(e.b, y);
        if (!b) return b;
        switch (e.code) {
        case op::add:
            scratch = *a + *b;
            return within_limits(scratch, at);
        case op::subtract:
            scratch = *a - *b;
            return within_limits(scratch, at);
        case op::multiply:
            scratch = *a * *b;
            return within_limits(scratch, at);
        case op::divide:
            if (b->is_zero()) {
                fault_ = fault::of(fault_kind::division_by_zero, at, *a);
                return nullptr;
            }
            scratch = *a / *b;
            return within_limits(scratch, at);
        case op::lt: return truth(*a < *b);
        case op::le: return truth(*a <= *b);
        case op::eq: return truth(*a == *b);
        case op::ne: return truth(*a != *b);
        case op::ge: return truth(*a >= *b);
        case op::gt: return truth(*a > *b);
        default: break;
        }
        return nullptr;
    }

    // ------------------------------------------------------------------------------------ step 3: rows

    void subject(std::size_t i) {
        const plan::subject& s = p_.subjects[i];
        subject_record& r = t_.subjects[i];
        reset(r);
        s_ = &s;
        r_ = &r;
        weight_ = &t_.nodes[s.node].max;
        const bool scored = score_subject();
        if (!scored) r.failure = fault_;
        s_ = nullptr;
        r_ = nullptr;
    }

    static void reset(subject_record& r) {
        r.has_value = r.value_bound = r.has_target = r.met = r.bounded = r.clamp_changed = r.gate_failed = false;
        r.target_op.reset();
        r.branch = 0;
        r.branch_rule = none;
        r.checklist_met = 0;
        r.failure.kind = fault_kind::none;
    }

    bool score_subject() {
        const plan::subject& s = *s_;
        subject_record& r = *r_;
        if (weight_missing(s.node)) {
            fault_ = weight_fault(s.node);
            return false;
        }
        if (!target()) return false;
        if (s.value_slot != none && u_.given[s.value_slot] == given_as::bound &&
            t_.inputs[s.value_slot].source == input_source::missing)
            return score_bound(u_.inputs[s.value_slot], *u_.bounds[s.value_slot]);
        if (s.value != none) {
            decimal scratch;
            const decimal* v = eval(s.value, scratch);
            if (!v) return false;
            r.has_value = true;
            r.value = *v;
        }
        return score_at_value();
    }

    // The rule's score for the value in r_->value, clamped to the row's range.
    bool score_at_value() {
        subject_record& r = *r_;
        r.met = r.has_value && r.has_target && meets(r.value);
        decimal scratch;
        // An item of `全部达标` has no rule: met or not.
        const decimal* score = s_->rule == none ? (r.met ? weight_ : &zero) : rule(s_->rule, scratch);
        if (!score) return false;
        r.rule_score = *score;
        // std::clamp returns the score itself unless it lies outside.
        const decimal low = s_->penalty ? -*weight_ : zero;
        const decimal& clamped = std::clamp(*score, low, s_->penalty ? zero : *weight_);
        r.clamped = clamped;
        r.clamp_changed = &clamped != score;
        return true;
    }

    // A value written as a bound (≥266米): scored when the rule gives the same score wherever in the bound the
    // value is. The rules of the language are monotone between their targets and band edges, so the bound
    // itself, those edges inside it and a point far beyond decide it.
    bool score_bound(const decimal& written, ast::comparison_op op) {
        subject_record& r = *r_;
        const bool upward = op == ast::comparison_op::ge || op == ast::comparison_op::gt;
        if (!upward && op != ast::comparison_op::le && op != ast::comparison_op::lt)
            return fail(fault_kind::value_is_bound, s_->value_slot), false;
        const decimal far = written + (upward ? decimal(1) : decimal(-1)) * (written.abs() + 1) * 1000000000;
        std::vector<decimal>& points = bound_points_;
        points.clear();
        points.push_back(written);
        points.push_back(far);
        const auto inside = [&](const decimal& v) { return upward ? v > written : v < written; };
        if (r.has_target) {
            if (inside(r.target)) points.push_back(r.target);
            if (s_->target.kind == target_kind::interval && inside(r.target_high)) points.push_back(r.target_high);
        }
        if (const auto* bands = std::get_if<band_table>(&p_.rules[s_->rule == none ? 0 : s_->rule]);
            bands && s_->rule != none)
            for (const band& b : bands->bands)
                if (b.values)
                    for (index end : {b.values->low, b.values->high})
                        if (end != none) {
                            decimal scratch;
                            if (const decimal* v = eval(end, scratch); v && inside(*v)) points.push_back(*v);
                        }
        std::optional<decimal> lowest, highest;
        for (const decimal& v : points) {
            r.has_value = true;
            r.value = v;
            if (!score_at_value()) return false;
            if (!lowest || r.clamped < *lowest) lowest = r.clamped;
            if (!highest || r.clamped > *highest) highest = r.clamped;
        }
        if (*lowest != *highest) {
            fault_ = fault::of(fault_kind::bound_undecided, s_->value_slot, *lowest, *highest);
            return false;
        }
        r.value = written;
        r.value_bound = true;
        return score_at_value();
    }

    bool target() {
        const plan::target& t = s_->target;
        subject_record& r = *r_;
        switch (t.kind) {
        case target_kind::absent:
        case target_kind::text: return true;
        case target_kind::compare: {
            decimal scratch;
            const decimal* v = eval(t.value, scratch);
            if (!v) return false;
            r.target = *v;
            r.target_op = t.op;
            break;
        }
        case target_kind::interval: {
            decimal low_scratch, high_scratch;
            const decimal* low = eval(t.low, low_scratch);
            if (!low) return false;
            const decimal* high = eval(t.high, high_scratch);
            if (!high) return false;
            r.target = *low;
            r.target_high = *high;
            break;
        }
        case target_kind::supplied: {
            const node_marks& m = u_.nodes[s_->node];
            if (!m.target) return fail(fault_kind::missing_target), false;
            r.target = *m.target;
            r.target_op = m.target_op ? m.target_op : t.op ? t.op : ast::comparison_op::eq;
            break;
        }
        }
        r.has_target = true;
        return true;
    }

    bool meets(const decimal& v) const {
        const subject_record& r = *r_;
        if (s_->target.kind == target_kind::interval) {
            const plan::target& t = s_->target;
            return (t.low_closed ? v >= r.target : v > r.target) && (t.high_closed ? v <= r.target_high
                                                                                   : v < r.target_high);
        }
        return compare(r.target_op.value_or(ast::comparison_op::eq), v, r.target);
    }

    // ------------------------------------------------------------------------------------ rules

    // A constant amount is folded by the compiler (times the weight, when that is fixed).
    const decimal* amount(const plan::amount& a, decimal& scratch) {
        if (a.fixed) return &*a.fixed;
        const decimal* v = eval(a.expr, scratch);
        if (!v || !a.of_weight) return v;
        scratch = *v * *weight_;
        return &scratch;
    }

    const decimal* rule(index at, decimal& scratch) {
        return std::visit(
            overloaded{
                [&](const step_rule& x) { return steps(x, scratch); },
                [&](const band_table& x) -> const decimal* {
                    for (std::size_t k = 0; k < x.bands.size(); ++k) {
                        const band& b = x.bands[k];
                        if (b.values) {
                            if (!r_->has_value) return fail(fault_kind::missing_input, s_->value_slot);
                            std::optional<bool> in = contains(*b.values, r_->value);
                            if (!in) return nullptr;
                            if (!*in) continue;
                        }
                        if (b.condition != none) {
                            const decimal* c = eval(b.condition, scratch);
                            if (!c) return c;
                            if (c->is_zero()) continue;
                        }
                        r_->branch = k;
                        r_->branch_rule = at;
                        return outcome(b.result, scratch);
                    }
                    return fail(fault_kind::no_branch);
                },
                [&](const case_table& x) -> const decimal* {
                    for (std::size_t k = 0; k < x.cases.size(); ++k) {
                        if (x.cases[k].condition != none) {
                            const decimal* c = eval(x.cases[k].condition, scratch);
                            if (!c) return c;
                            if (c->is_zero()) continue;
                        }
                        r_->branch = k;
                        r_->branch_rule = at;
                        return outcome(x.cases[k].result, scratch);
                    }
                    return fail(fault_kind::no_branch);
                },
                [&](const level_map& x) -> const decimal* {
                    if (!r_->has_value) return fail(fault_kind::missing_input, s_->value_slot);
                    const long count = static_cast<long>(x.by_level.size());
                    const decimal level = decimal(count) - r_->value;
                    for (long k = 0; k < count; ++k)
                        if (level == decimal(k)) {
                            r_->branch = static_cast<std::size_t>(k);
                            r_->branch_rule = at;
                            if (x.by_level[static_cast<std::size_t>(k)])
                                return outcome(*x.by_level[static_cast<std::size_t>(k)], scratch);
                        }
                    if (x.otherwise) {
                        r_->branch = x.by_level.size();
                        r_->branch_rule = at;
                        return outcome(*x.otherwise, scratch);
                    }
                    return fail(fault_kind::no_branch);
                },
                [&](const proportional& x) { return ratio(x.kind, scratch); },
                [&](const score_formula& x) -> const decimal* {
                    const decimal* v = eval(x.formula, scratch);
                    if (!v) return v;
                    scratch = *v;
                    return bounded(scratch, x.bounds);
                },
                [&](const checklist& x) { return items(x, scratch); },
                [&](const judged&) -> const decimal* {
                    const node_marks& m = u_.nodes[s_->node];
                    if (!m.judged) return fail(fault_kind::missing_judged);
                    return &*m.judged;
                },
                [&](const unscorable& x) -> const decimal* {
                    return fail(x.needs_cohort ? fault_kind::needs_cohort : fault_kind::pending_rule);
                },
            },
            p_.rules[at]);
    }

    std::optional<bool> contains(const range& r, const decimal& v) {
        decimal low_scratch, high_scratch;
        const decimal* low = nullptr;
        if (r.low != none && !(low = eval(r.low, low_scratch))) return std::nullopt;
        if (r.not_equal) return v != *low;
        if (low && (r.low_closed ? v < *low : v <= *low)) return false;
        if (r.high != none) {
            const decimal* high = eval(r.high, high_scratch);
            if (!high) return std::nullopt;
            if (r.high_closed ? v > *high : v >= *high) return false;
        }
        return true;
    }

    const decimal* outcome(const plan::outcome& o, decimal& scratch) {
        switch (o.kind) {
        case outcome_kind::full: return weight_;
        case outcome_kind::zero: return &zero;
        case outcome_kind::amount: return amount(o.points, scratch);
        case outcome_kind::nested: return rule(o.rule, scratch);
        case outcome_kind::judged: break;
        }
        const node_marks& m = u_.nodes[s_->node];
        if (!m.judged) return fail(fault_kind::missing_judged);
        if (o.within) {
            // A judged range in a band: the evaluator's score must lie in it (of the weight when so written).
            const decimal share =
                o.judged_of_weight && !weight_->is_zero() ? *m.judged / *weight_ : *m.judged;
            std::optional<bool> in = contains(*o.within, share);
            if (!in) return nullptr;
            if (!*in) return fail(fault_kind::judged_out_of_range);
        }
        return &*m.judged;
    }

    // The rule's bounds (扣完为止, 保底, 封顶) applied to `score` in place.
    const decimal* bounded(decimal& score, const std::vector<bound>& bounds) {
        std::optional<decimal> before; // the score as the rule gave it, kept once a bound moves it
        const auto move_to = [&](const decimal& limit) {
            if (!before) before = score;
            score = limit;
        };
        for (const bound& b : bounds) {
            if (b.kind == ast::bound_kind::until_zero) {
                if (score.sign() < 0) move_to(zero);
                continue;
            }
            decimal scratch;
            const decimal* limit = amount(*b.limit, scratch);
            if (!limit) return limit;
            if (b.kind == ast::bound_kind::floor_at ? score < *limit : *limit < score) move_to(*limit);
        }
        r_->bounded = before && *before != score;
        return &score;
    }

    // The score is built in the caller's scratch.
    const decimal* steps(const step_rule& x, decimal& score) {
        if (x.integers && integer_score(x, *x.integers, score)) return &score;
        if (x.base) {
            decimal scratch;
            const decimal* base = amount(*x.base, scratch);
            if (!base) return base;
            score = *base;
        } else {
            score = s_->from_zero ? zero : *weight_;
        }
        r_->base = score;
        for (const step_clause& c : x.clauses) {
            decimal scratch;
            const decimal* moved = clause(c, scratch);
            if (!moved) return moved;
            if (c.verb == ast::step_verb::deduct)
                score -= *moved;
            else
                score += *moved;
        }
        return bounded(score, x.bounds);
    }

    // A step rule in machine integers (plan::integer_steps): the value and the target as fractions. False,
    // with nothing decided, when one of them is not a machine fraction, the target is an interval or a
    // product overflows: steps() then scores in decimals, to the same exact score.
    bool integer_score(const step_rule& x, const integer_steps& q, decimal& score) {
        subject_record& r = *r_;
        const std::optional<std::pair<std::int64_t, std::int64_t>> value = r.value.parts();
        if (!r.has_value || !value || (r.has_target && s_->target.kind == target_kind::interval)) return false;
        const std::optional<detail::integer_score> scored = score_integer_steps(
            q.base, q.clauses, q.limits, {value->first, value->second}, [&](std::size_t k) {
                integer_reference out;
                if (const decimal* reference = clause_reference(x.clauses[k], *s_, r, r.value, nullptr)) {
                    const std::optional<std::pair<std::int64_t, std::int64_t>> parts = reference->parts();
                    out.of = parts ? integer_reference::kind::value : integer_reference::kind::unknown;
                    if (parts) out.at = {parts->first, parts->second};
                }
                return out;
            });
        if (!scored) return false;
        for (const step_clause& c : x.clauses)
            t_.clauses[c.trace].reached = true;
        r.base = decimal::fraction(q.base, q.denominator);
        r.bounded = scored->bounded;
        score = decimal::fraction(scored->units, q.denominator);
        return true;
    }

    // The points one clause moves (into `moved`). A replayable clause records only that it was reached: an
    // explanation recomputes its figures from the row's value and target.
    const decimal* clause(const step_clause& c, decimal& moved) {
        clause_record& record = t_.clauses[c.trace];
        record.reached = true;
        clause_operands operands{*this, c};
        return clause_points(c, *s_, *r_, operands, c.replayable ? nullptr : &record, moved);
    }

    // A clause's operands, from its expressions (clause_points).
    struct clause_operands {
        evaluator& e;
        const step_clause& c;

        const decimal* measured(decimal& scratch) {
            if (c.on != none) return e.eval(c.on, scratch);
            if (e.r_->has_value) return &e.r_->value;
            return e.fail(fault_kind::missing_input, e.s_->value_slot);
        }
        const decimal* from(decimal& scratch) { return e.eval(c.from, scratch); }
        const decimal* step(decimal& scratch) { return e.eval(c.step, scratch); }
        const decimal* per_step(decimal& scratch) { return e.amount(c.per_step, scratch); }
        const decimal* cap(decimal& scratch) { return e.amount(*c.at_most, scratch); }
        std::nullptr_t fail(fault_kind kind, index at) { return e.fail(kind, at); }
    };

    // 按比例, 按反比例, 按完成比例 against the target (or 1), within [0, weight].
    const decimal* ratio(ast::proportional_kind kind, decimal& score) {
        if (!r_->has_value) return fail(fault_kind::missing_input, s_->value_slot);
        const decimal& v = r_->value;
        const decimal& reference = r_->has_target ? r_->target : one;
        using enum ast::comparison_op;
        const bool inverse =
            kind == ast::proportional_kind::inverse_proportional ||
            (kind == ast::proportional_kind::completion_ratio && r_->target_op &&
             (*r_->target_op == le || *r_->target_op == lt));
        if (kind == ast::proportional_kind::completion_ratio && inverse && r_->met) return weight_;
        if (inverse) {
            if (v.sign() <= 0) return weight_;
            score = *weight_ * reference / v;
        } else {
            if (reference.is_zero()) return fail(fault_kind::zero_reference);
            score = *weight_ * v / reference;
        }
        return &std::clamp(score, zero, *weight_);
    }

    const decimal* items(const checklist& x, decimal& score) {
        decimal gained, deducted;
        bool all = true, deductive = false;
        for (const check_item& item : x.items) {
            const decimal* met = input(item.slot);
            if (!met) return met;
            const bool yes = !met->is_zero();
            if (yes) ++r_->checklist_met;
            all = all && yes;
            const bool gate = item.kind == ast::check_outcome_kind::gate;
            if (gate && !yes) r_->gate_failed = true;
            decimal scratch;
            if (item.kind == ast::check_outcome_kind::deduct) {
                deductive = true;
                if (!yes) {
                    const decimal* points = amount(*item.points, scratch);
                    if (!points) return points;
                    deducted += *points;
                }
                continue;
            }
            if (!yes) continue;
            const decimal* points = item.points ? amount(*item.points, scratch)
                                    : gate      ? &zero
                                    : x.each    ? amount(*x.each, scratch)
                                                : &zero;
            if (!points) return points;
            gained += *points;
        }
        if (x.mode == ast::checklist_mode::all_or_nothing) return all ? weight_ : &zero;
        if (deductive) {
            score = *weight_ - deducted;
            return &std::max(zero, score);
        }
        if (r_->gate_failed) return &zero;
        score = std::move(gained);
        return &score;
    }

    // ------------------------------------------------------------------------------------ vetoes

    void veto(std::size_t i) {
        veto_record& v = t_.vetoes[i];
        v.applied = false;
        v.failure.kind = fault_kind::none;
        decimal scratch;
        const decimal* c = eval(p_.vetoes[i].condition, scratch);
        if (!c)
            v.failure = fault_;
        else
            v.applied = !c->is_zero();
    }

    bool zeroed_by_veto(std::size_t node) const {
        for (std::size_t i = 0; i < p_.vetoes.size(); ++i)
            if (t_.vetoes[i].applied && p_.vetoes[i].effect == veto_effect::zero_node && p_.vetoes[i].node == node)
                return true;
        return false;
    }

    // ------------------------------------------------------------------------------------ step 4: nodes

    void node(std::size_t i) {
        const plan::node& n = p_.nodes[i];
        node_result& r = t_.nodes[i];
        r.zeroed = false;
        t_.applicable_weight[i] = r.max;
        if (u_.set_aside[i] != set_aside_as::no) {
            if (u_.set_aside[i] == set_aside_as::not_applicable)
                set_not_applicable(i);
            else
                set(r, node_status::exempt, r.max);
            r.score = r.unrounded;
            return;
        }
        if (n.subject == none && weight_missing(i)) {
            r.status = node_status::error;
            t_.node_faults[i] = weight_fault(i);
            return;
        }
        if (n.subject != none) {
            subject_result(i, t_.subjects[n.subject]);
        } else if (n.kind == rubric::node_kind::indicator) {
            combine(i);
        } else {
            sum(i);
        }
        if (r.status == node_status::error) return;
        const std::optional<rounding>* how = n.kind == rubric::node_kind::indicator ? &p_.round_indicator
                                             : n.kind == rubric::node_kind::group   ? &p_.round_group
                                                                                    : nullptr;
        if (how && *how)
            r.score = r.unrounded.round((*how)->places, (*how)->mode);
        else
            r.score = r.unrounded;
        if (zeroed_by_veto(i)) {
            r.zeroed = true;
            r.score = 0;
        }
    }

    // The status and the score before rounding: node() writes the score as rounded.
    static void set(node_result& r, node_status status, const decimal& unrounded) {
        r.status = status;
        r.unrounded = unrounded;
    }

    // Not applicable scores the weight where the rubric says 满分, else 0.
    void set_not_applicable(std::size_t i) {
        node_result& r = t_.nodes[i];
        const bool full = p_.nodes[i].not_applicable == ast::na_effect::full;
        set(r, node_status::not_applicable, full ? r.max : zero);
    }

    void subject_result(std::size_t i, const subject_record& s) {
        node_result& r = t_.nodes[i];
        if (!s.failure) {
            set(r, node_status::scored, s.clamped);
            return;
        }
        const bool missing = s.failure.kind == fault_kind::missing_input;
        if (missing && p_.missing == ast::missing_effect::zero) {
            set(r, node_status::scored, zero);
            return;
        }
        if (missing && p_.missing == ast::missing_effect::not_applicable &&
            p_.nodes[i].not_applicable != ast::na_effect::forbidden) {
            set_not_applicable(i);
            return;
        }
        r.status = node_status::error;
        t_.node_faults[i] = s.failure;
    }

    // A node with a child that could not be scored cannot be scored either: it names the first such child.
    bool child_failed(std::size_t i) {
        for (std::size_t child : p_.info[i].children)
            if (t_.nodes[child].status == node_status::error) {
                t_.nodes[i].status = node_status::error;
                t_.node_faults[i] = fault::of(fault_kind::child_error, static_cast<index>(child));
                return true;
            }
        return false;
    }

    // An indicator with items: each item scored at the whole weight, then combined (README §8.3).
    void combine(std::size_t i) {
        const plan::node& n = p_.nodes[i];
        node_result& r = t_.nodes[i];
        std::size_t applicable = 0;
        decimal total;
        const decimal *lowest = nullptr, *highest = nullptr;
        bool all_met = true;
        if (child_failed(i)) return;
        for (std::size_t child : p_.info[i].children) {
            const node_result& c = t_.nodes[child];
            if (c.status == node_status::not_applicable) continue;
            if (!lowest || c.unrounded < *lowest) lowest = &c.unrounded;
            if (!highest || c.unrounded > *highest) highest = &c.unrounded;
            ++applicable;
            total += c.unrounded;
            const plan::index subject = p_.nodes[child].subject;
            all_met = all_met && subject != none && t_.subjects[subject].met;
        }
        if (applicable == 0) {
            set_not_applicable(i);
            return;
        }
        decimal mean;
        const decimal* score = nullptr;
        switch (n.combine.value_or(ast::combine_mode::mean)) {
        case ast::combine_mode::mean:
            mean = total / decimal(static_cast<long>(applicable));
            score = &mean;
            break;
        case ast::combine_mode::lowest: score = lowest; break;
        case ast::combine_mode::highest: score = highest; break;
        case ast::combine_mode::all_met: score = all_met ? &r.max : &zero; break;
        case ast::combine_mode::one_of: {
            const std::optional<std::size_t>& chosen = u_.nodes[i].choice;
            if (!chosen) {
                r.status = node_status::error;
                t_.node_faults[i] = fault::of(fault_kind::missing_choice);
                return;
            }
            score = &t_.nodes[*chosen].unrounded;
            break;
        }
        }
        set(r, node_status::scored, std::clamp(*score, zero, r.max));
    }

    // A group or a bonus/penalty block: the sum of its children, N/A children as their effect says.
    void sum(std::size_t i) {
        const plan::node& n = p_.nodes[i];
        node_result& r = t_.nodes[i];
        decimal total, shared_away, rescaled_away;
        std::size_t applicable = 0;
        if (child_failed(i)) return;
        const auto counts = [&](std::size_t child) {
            return t_.nodes[child].status != node_status::not_applicable ||
                   p_.nodes[child].not_applicable == ast::na_effect::full;
        };
        for (std::size_t child : p_.info[i].children) {
            const node_result& c = t_.nodes[child];
            if (!counts(child)) {
                const bool shared = p_.nodes[child].not_applicable == ast::na_effect::share;
                (shared ? shared_away : rescaled_away) += c.max;
                continue;
            }
            ++applicable;
            total += c.score;
            // What 折算 leaves out below the child (its applicable weight is its weight when nothing is).
            const decimal& applicable_weight = t_.applicable_weight[child];
            if (applicable_weight != c.max) rescaled_away += c.max - applicable_weight;
        }
        if (applicable == 0 && !p_.info[i].children.empty()) {
            set_not_applicable(i);
            return;
        }
        // 分给同级: the applicable children's scores grow to fill the weight of those not applicable.
        if (!shared_away.is_zero()) {
            decimal counted;
            for (std::size_t child : p_.info[i].children)
                if (counts(child)) counted += t_.applicable_weight[child];
            if (!counted.is_zero()) total = total * (counted + shared_away) / counted;
        }
        t_.applicable_weight[i] = r.max - rescaled_away;
        if (n.at_most) {
            if (n.kind == rubric::node_kind::bonus) total = std::min(total, *n.at_most);
            if (n.kind == rubric::node_kind::penalty) total = std::max(total, -*n.at_most);
        }
        set(r, node_status::scored, total);
    }

    // ------------------------------------------------------------------------------------ step 5, 6

    void total() {
        t_.complete = true;
        for (std::size_t i = 0; i < p_.nodes.size(); ++i)
            if (t_.nodes[i].status == node_status::error) t_.complete = false;
        for (const veto_record& v : t_.vetoes)
            if (v.failure) t_.complete = false;
        t_.rescaled = false;
        t_.bonus = 0;
        t_.penalty = 0;
        t_.grade.reset();
        t_.grade_forced = false;
        if (!t_.complete) return;
        decimal sum, applicable;
        for (std::size_t root : p_.roots) {
            const node_result& r = t_.nodes[root];
            const ast::na_effect effect = p_.nodes[root].not_applicable;
            if (r.status == node_status::not_applicable && effect != ast::na_effect::full) continue;
            sum += r.score;
            applicable += t_.applicable_weight[root];
        }
        // 折算: Σ applicable scores × 总分 ÷ Σ applicable weights, once, at the root.
        if (applicable != p_.total && !applicable.is_zero()) {
            t_.rescaled = true;
            t_.rescaled_from = sum;
            sum = sum * p_.total / applicable;
        }
        for (std::size_t i = 0; i < p_.nodes.size(); ++i) {
            if (p_.info[i].parent) continue;
            if (p_.nodes[i].kind == rubric::node_kind::bonus) t_.bonus += t_.nodes[i].score;
            if (p_.nodes[i].kind == rubric::node_kind::penalty) t_.penalty += t_.nodes[i].score;
        }
        sum = std::max(decimal(0), sum + t_.bonus + t_.penalty);
        for (std::size_t i = 0; i < p_.vetoes.size(); ++i)
            if (t_.vetoes[i].applied && p_.vetoes[i].effect == veto_effect::zero_total) sum = 0;
        t_.unrounded_total = sum;
        t_.total = p_.round_total ? sum.round(p_.round_total->places, p_.round_total->mode) : sum;
        for (std::size_t g = 0; g < p_.grades.size(); ++g) {
            std::optional<bool> in = contains(p_.grades[g].values, t_.total);
            if (in && *in) {
                t_.grade = g;
                break;
            }
        }
        for (std::size_t i = 0; i < p_.vetoes.size(); ++i)
            if (t_.vetoes[i].applied && p_.vetoes[i].effect == veto_effect::force_grade &&
                (!t_.grade || p_.vetoes[i].grade > *t_.grade)) {
                t_.grade = p_.vetoes[i].grade;
                t_.grade_forced = true;
            }
    }

    const program& p_;
    const unit_state& u_;
    trace& t_;
    const plan::subject* s_ = nullptr;
    subject_record* r_ = nullptr;
    const decimal* weight_ = &zero;
    fault fault_;
    std::vector<decimal> bound_points_;
};

} // namespace

void prepare(trace& t, const std::shared_ptr<const program>& code) {
    if (t.code == code) return;
    t.code = code;
    t.nodes.assign(code->nodes.size(), node_result{});
    // Children come after their parents: their weights are known when a parent sums them.
    for (std::size_t i = code->nodes.size(); i-- > 0;) {
        const plan::node& n = code->nodes[i];
        if (n.weight) t.nodes[i].max = *n.weight;
        if (sums_children(n))
            for (std::size_t child : code->info[i].children)
                t.nodes[i].max += t.nodes[child].max;
    }
    t.node_faults.assign(code->nodes.size(), fault{});
    t.applicable_weight.assign(code->nodes.size(), decimal());
    t.subjects.assign(code->subjects.size(), subject_record{});
    t.clauses.assign(code->clause_count, clause_record{});
    t.inputs.assign(code->inputs.size(), input_value{});
    t.vetoes.assign(code->vetoes.size(), veto_record{});
    t.fixed.assign(code->fixed ? code->nodes.size() : 0, fixed_node{});
}

void evaluate_into(trace& t, const std::shared_ptr<const program>& code,
                   const std::shared_ptr<const unit_state>& unit, scorer how) {
    prepare(t, code);
    if (t.unit != unit) t.unit = unit;
    t.evaluated = true;
    if (how == scorer::fastest && evaluate_fixed_point(t)) {
        t.recorded = false;
        return;
    }
    for (clause_record& c : t.clauses)
        c.reached = false;
    evaluator(*code, *unit, t).run();
    t.recorded = true;
}

const trace& with_records(const trace& t, trace& scratch) {
    if (t.recorded || !t.evaluated) return t;
    evaluate_into(scratch, t.code, t.unit, scorer::interpreter);
    return scratch;
}

} // namespace rubric::detail

// trace.hpp — the record of one evaluation: every figure an explanation or an error message needs and cannot
// recompute from the program and the unit's values, kept in arrays sized by the program so that evaluating
// again reuses them without allocating.
#pragma once

#include "eval/unit_state.hpp"
#include "plan/program.hpp"

#include <memory>
#include <optional>
#include <rubric/result.hpp>
#include <vector>

namespace rubric::detail {

/// Why something could not be scored.
enum class fault_kind : std::uint8_t {
    none,
    missing_input,       ///< at: the input slot (for a derived input: itself; its raw figures are listed too)
    division_by_zero,    ///< at: the division's expression; value: the dividend
    too_large,           ///< at: the operation whose value outgrew detail::max_computed_bits
    zero_reference,      ///< a relative step against a reference of 0; at: the clause's record
    value_is_bound,      ///< at: the input slot given only as a bound, where a number is needed
    bound_undecided,     ///< the scored value is a bound and the rule's score depends on where in it
    missing_target,      ///< a target left to the unit (由单位填报) that the values do not give
    missing_judged,      ///< a score left to the evaluator (评定) that the values do not give
    judged_out_of_range, ///< the evaluator's score lies outside the judged range of the band that applied
    missing_choice,      ///< `择一`: no item chosen
    missing_category,    ///< at: the category set a weight depends on
    needs_cohort,        ///< 排名
    pending_rule,        ///< 待定
    no_branch,           ///< no band, case or level applied (the checker prevents it where it can)
    child_error,         ///< a group or an indicator with items: a child could not be scored
};

struct fault {
    static fault of(fault_kind kind, plan::index at = plan::none, decimal value = {}, decimal other = {}) {
        fault f;
        f.kind = kind;
        f.at = at;
        f.value = std::move(value);
        f.other = std::move(other);
        return f;
    }

    fault_kind kind = fault_kind::none;
    plan::index at = plan::none;
    decimal value;    ///< division_by_zero: the dividend; bound_undecided: the lowest score
    decimal other;    ///< bound_undecided: the highest score
    explicit operator bool() const noexcept { return kind != fault_kind::none; }
};

/// An input after step 2 of scoring (README §15): reported, computed from raw figures, its default, or none.
enum class input_source : std::uint8_t { missing, reported, computed, fallback, failed };
struct input_value {
    input_source source = input_source::missing;
    decimal value; ///< computed or fallback (a reported value stays in the unit's values: see value_of)
    bool reported_too = false; ///< computed, and the unit also reported a value (reported holds it)
    decimal reported;
    fault failure; ///< failed: why the formula could not be computed
};

/// One step clause as it applied. A replayable clause (plan::step_clause) records only `reached`: its figures
/// are recomputed when explained (step_clause.hpp).
struct clause_record {
    bool reached = false;   ///< the rule got to this clause
    decimal measured;       ///< the value stepped over
    bool has_reference = false;
    decimal reference;      ///< what the deviation is measured from
    decimal deviation;      ///< before dividing by the reference for a relative step
    decimal step;           ///< the step, in the measured value's base units (or a ratio when relative)
    decimal steps;          ///< counted as the clause says
    decimal per_step;       ///< points per step
    decimal moved;          ///< points deducted or added, after the clause's cap
    bool capped = false;    ///< the cap (最多) limited it
};

/// One scored subject (an indicator without items, or an item).
struct subject_record {
    bool has_value = false;
    decimal value;
    bool value_bound = false; ///< the value is a bound (≥266米) and every score in it agreed
    bool has_target = false;
    decimal target;            ///< compare: the value; interval: the lower end
    decimal target_high;       ///< interval: the upper end
    std::optional<ast::comparison_op> target_op;
    bool met = false;          ///< valid when has_value && has_target
    std::size_t branch = 0;    ///< the band, case or level (index into the rule's list) that applied
    plan::index branch_rule = plan::none; ///< the rule that chose the branch (a nested rule may choose again)
    decimal base;              ///< step rules: the starting score
    decimal rule_score;        ///< the rule's score, after its own bounds
    bool bounded = false;      ///< the rule's bounds (扣完为止, 保底, 封顶) changed its score
    decimal clamped;           ///< after keeping it within [0, weight]
    bool clamp_changed = false;
    std::size_t checklist_met = 0; ///< checklists: items met
    bool gate_failed = false;
    fault failure;
};

/// A veto (一票否决) as it came out.
struct veto_record {
    bool applied = false;
    fault failure;
};

/// A node as the fixed-point scorer (fixed_point_evaluate.cpp) works it out: scores in units of 1/scale.
struct fixed_node {
    node_status status = node_status::scored;
    std::int64_t score = 0;     ///< after rounding
    std::int64_t unrounded = 0; ///< over `divisor` (a mean of items not a whole number of units)
    std::int64_t divisor = 1;
    /// A scored row whose rule or indicator reads it (met_read): its value meets its target.
    bool met = false;
};

struct trace {
    std::shared_ptr<const program> code;
    std::shared_ptr<const unit_state> unit;
    std::vector<node_result> nodes;
    std::vector<fault> node_faults; ///< by node: why a node has status error
    std::vector<decimal> applicable_weight; ///< by node: its weight less what is not applicable under 折算
    std::vector<subject_record> subjects;
    std::vector<clause_record> clauses;
    std::vector<input_value> inputs;
    std::vector<veto_record> vetoes;
    std::vector<fixed_node> fixed; ///< by node: the fixed-point scorer's working
    bool evaluated = false;
    /// The records of inputs, rows, clauses and vetoes were written (by the interpreter); when the
    /// fixed-point scorer scored the unit they were not, and with_records() evaluates again to have them.
    bool recorded = false;
    bool complete = false;
    decimal total, unrounded_total, rescaled_from; ///< rescaled_from: the sum before 折算 (when it applied)
    bool rescaled = false;
    decimal bonus, penalty; ///< the capped sums added and subtracted
    std::optional<std::size_t> grade;
    bool grade_forced = false;
};

/// The fixed-point scorer's node `i`, in units of 1/scale: a group summed on read from its children.
inline fixed_node fixed_outcome_of(const trace& t, std::size_t i) {
    const plan::fixed_point& form = *t.code->fixed;
    const plan::fixed_point::node& n = form.nodes[i];
    if (!n.summed_on_read) return t.fixed[i];
    fixed_node sum;
    for (std::uint32_t k = n.first_child; k < n.first_child + n.child_count; ++k)
        sum.score += fixed_outcome_of(t, form.children[k]).score;
    sum.unrounded = sum.score;
    return sum;
}

/// Node `i`'s outcome: as the interpreter wrote it, or made from the fixed-point scorer's integers (then
/// the node's weight is the one prepare() wrote, as the fast form takes fixed weights only).
inline node_result outcome_of(const trace& t, std::size_t i) {
    if (t.recorded) return t.nodes[i];
    const fixed_node f = fixed_outcome_of(t, i);
    const std::int64_t scale = t.code->fixed->scale;
    node_result r;
    r.status = f.status;
    r.max = t.nodes[i].max;
    r.score = decimal::fraction(f.score, scale);
    r.unrounded = decimal::fraction(f.unrounded, scale * f.divisor);
    return r;
}

/// An input's value after step 2, unless it is missing or failed.
inline const decimal& value_of(const trace& t, plan::index slot) {
    const input_value& v = t.inputs[slot];
    return v.source == input_source::reported ? t.unit->inputs[slot] : v.value;
}

} // namespace rubric::detail

// program.hpp — the evaluation tree: what compile() builds from a checked model and evaluate() walks.
//
// Everything is resolved before the first unit is scored: names are slots (indices into arrays of inputs),
// units are gone (every quantity is a decimal in its dimension's base unit: 95.4% is 0.954, 8383.52万元 is
// 83835200 元, a date is its day number, yes is 1, a level is its rank with the best highest), named rules are
// expanded at each use with their arguments, and constant expressions are folded. A program is immutable and
// holds no pointer into the syntax tree, so it outlives the checked model it was built from.
#pragma once

#include "check/intervals.hpp"
#include "check/units.hpp"
#include "plan/fixed_point.hpp"
#include "plan/integer_steps.hpp"
#include "syntax/ast.hpp"

#include <cstdint>
#include <optional>
#include <rubric/compiler.hpp>
#include <rubric/decimal.hpp>
#include <string>
#include <variant>
#include <vector>

namespace rubric::detail {

namespace plan {

using index = std::uint32_t;
inline constexpr index none = UINT32_MAX;

// ------------------------------------------------------------------------------------------ expressions

enum class op : std::uint8_t {
    constant, ///< value
    input,    ///< slot a
    value,    ///< the scored value (取值)
    target,   ///< the target's value (目标)
    weight,   ///< the weight (权重)
    met,      ///< whether the value meets the target (达标)
    negate,   ///< -a
    not_,     ///< 非 a
    add, subtract, multiply, divide, ///< a op b
    lt, le, eq, ne, ge, gt,          ///< a op b, 1 or 0
    and_, or_,                       ///< a op b, short-circuit
    min, max,                        ///< over arguments [a, a + b) of program::arguments
    abs,                             ///< |a|
    round,                           ///< a rounded to `places` in `mode`
};

struct expression {
    /// An operation on a and b (no constant, no text).
    static expression of(op code, index a = none, index b = none) {
        expression e;
        e.code = code;
        e.a = a;
        e.b = b;
        return e;
    }

    op code = op::constant;
    index a = none;
    index b = none;
    decimal value; ///< op::constant
    std::uint8_t places = 0;
    rounding_mode mode = rounding_mode::half_up;
    index text = none; ///< for divisions: the formula as written (program::texts), named when dividing by 0
};

// ------------------------------------------------------------------------------------------ inputs

/// How an input's values are written and shown.
struct input_slot {
    std::string name;
    checker::value_type type;
    checker::span domain;            ///< values outside are rejected when bound
    std::optional<decimal> fallback; ///< 缺省
    index formula = none;            ///< a derived input's formula (computed when its raw figures are given)
    std::vector<index> raw;          ///< the inputs the formula reads
    std::string formula_text;        ///< the formula as written
    std::optional<std::size_t> checklist_node; ///< a checklist item: the indicator's node; name is "指标.标签"
    std::vector<std::string> levels;           ///< a level input: its set's levels, best first
};

// ------------------------------------------------------------------------------------------ rules

/// Points, or a share of the weight: expr's value, times the weight when of_weight.
struct amount {
    index expr = none;
    bool of_weight = false;
    std::optional<decimal> fixed; ///< the points when known before scoring: a constant (of a fixed weight)
};

struct bound {
    ast::bound_kind kind = ast::bound_kind::until_zero;
    std::optional<amount> limit;
};

struct step_clause {
    index on = none; ///< the value stepped over when not the scored value
    ast::step_direction direction = ast::step_direction::per_drop;
    index step = none;
    ast::step_counting counting = ast::step_counting::pro_rata;
    bool counting_written = false; ///< by the clause or the policy (the explanation says which)
    bool relative = false;
    ast::step_verb verb = ast::step_verb::deduct;
    amount per_step;
    std::optional<amount> at_most;
    index from = none; ///< 起扣
    index trace = none; ///< the clause's record in trace::clauses
    /// Measures the row's value from its target with constant operands (no `on`, no 起扣, a constant step and
    /// fixed amounts): evaluation records only that it was reached, an explanation recomputes the figures.
    bool replayable = false;
    checker::value_type step_type; ///< how to show the step and the deviation
};

struct step_rule {
    std::optional<amount> base;
    std::vector<step_clause> clauses;
    std::vector<bound> bounds;
    std::optional<integer_steps> integers; ///< the same rule in machine integers, when it can be
};

/// A band's range or a judged range: `[lo, hi)`, `≥ v`; a missing end is unbounded.
struct range {
    index low = none, high = none;
    bool low_closed = true, high_closed = true;
    bool not_equal = false; ///< `≠ v` (low holds v)
    std::string text;       ///< as written
};

enum class outcome_kind { full, zero, judged, nested, amount };
struct outcome {
    outcome_kind kind = outcome_kind::zero;
    plan::amount points;      ///< amount
    std::optional<range> within; ///< judged: the range, of the weight when judged_of_weight
    bool judged_of_weight = false;
    index rule = none;        ///< nested: program::rules
};

struct band {
    std::optional<range> values;
    index condition = none;
    outcome result;
};
struct band_table {
    std::vector<band> bands;
};

struct case_clause {
    index condition = none; ///< none: otherwise
    outcome result;
    std::string text;       ///< the condition as written
};
struct case_table {
    std::vector<case_clause> cases;
};

struct level_map {
    std::vector<std::optional<outcome>> by_level; ///< by the value's level index (best first)
    std::optional<outcome> otherwise;
};

struct proportional {
    ast::proportional_kind kind = ast::proportional_kind::proportional;
};

struct score_formula {
    index formula = none;
    std::vector<bound> bounds;
    std::string text;
};

struct check_item {
    std::string label;
    std::string description;
    index slot = none;
    std::optional<ast::check_outcome_kind> kind; ///< none: the list's `各` amount
    std::optional<amount> points;
};
struct checklist {
    ast::checklist_mode mode = ast::checklist_mode::plain;
    std::optional<amount> each;
    std::vector<check_item> items;
};

struct judged {
    std::optional<range> within;
    bool of_weight = false;
    bool reason_required = false;
};

/// A rule that cannot score one unit alone: a ranking needs its cohort (排名), a pending rule its rubric.
struct unscorable {
    bool needs_cohort = false; ///< 排名; otherwise 待定
};

using rule = std::variant<step_rule, band_table, case_table, level_map, proportional, score_formula, checklist,
                          judged, unscorable>;

// ------------------------------------------------------------------------------------------ targets

enum class target_kind { absent, text, compare, interval, supplied };
struct target {
    target_kind kind = target_kind::absent;
    std::optional<ast::comparison_op> op; ///< compare; supplied when the rubric writes it
    index value = none;                   ///< compare
    index low = none, high = none;        ///< interval
    bool low_closed = true, high_closed = true;
    std::string text; ///< as written
};

// ------------------------------------------------------------------------------------------ the tree

/// A scored row: an indicator without items, or one item.
struct subject {
    std::size_t node = 0;
    index value = none;             ///< the scored value's expression
    index value_slot = none;        ///< the input the value is, if it is one
    checker::value_type value_type; ///< how to show the value
    plan::target target;
    index rule = none; ///< program::rules; none for an item scored by `全部达标` only
    bool from_zero = false; ///< in a bonus or penalty block
    bool penalty = false;
    std::vector<index> reads; ///< every input the value, target and rule read (for missing-value messages)
};

struct exemption {
    std::string reason;
    ast::exempt_effect effect = ast::exempt_effect::full;
};

struct node {
    rubric::node_kind kind = rubric::node_kind::indicator;
    std::optional<decimal> weight; ///< fixed weight in points
    /// `权重 依 集合 (…)`: points by the unit's category, indexed like program::category_sets[category_set].
    std::vector<std::optional<decimal>> by_category;
    std::size_t category_set = 0;
    ast::na_effect not_applicable = ast::na_effect::forbidden; ///< the effect in force (nearest wins)
    std::vector<exemption> exemptions;
    index subject = none;                   ///< indicator without items, or item
    std::optional<ast::combine_mode> combine; ///< indicator with items
    std::optional<ast::chooser> chosen_by;
    std::optional<decimal> at_most;         ///< bonus and penalty blocks
    bool has_judged_rule = false;           ///< its rule reads a score entered by the evaluator
    bool reason_required = false;
};

enum class veto_effect { zero_node, zero_total, force_grade };
struct veto {
    std::string description;
    index condition = none;
    veto_effect effect = veto_effect::zero_total;
    std::size_t node = 0;    ///< zero_node
    std::size_t grade = 0;   ///< force_grade
    std::string condition_text;
};

struct rounding {
    std::uint8_t places = 0;
    rounding_mode mode = rounding_mode::half_up;
};

struct grade_band {
    std::string name;
    range values;
};

} // namespace plan

struct program {
    std::string title;
    decimal total = 100;
    std::vector<node_info> info; ///< public view, parallel to nodes
    std::vector<plan::node> nodes;
    /// The nodes whose weight depends on the unit's category, and the sums of such weights (sums_children),
    /// children before parents; every other weight is the same for every unit.
    std::vector<std::size_t> varying_weights;
    std::vector<std::size_t> roots;
    std::vector<plan::subject> subjects;
    std::vector<plan::input_slot> inputs;
    std::vector<rubric::input_info> inputs_info; ///< public view, parallel to inputs
    std::vector<plan::index> derived; ///< the derived inputs, each after the derived inputs it reads
    std::vector<std::string> units; ///< units the rubric declares (`计量单位`), for reading values
    std::vector<plan::expression> expressions;
    std::vector<plan::index> arguments; ///< min/max argument lists
    std::vector<std::string> texts;
    std::vector<plan::rule> rules;
    std::size_t clause_count = 0;
    std::vector<plan::veto> vetoes;
    std::vector<plan::grade_band> grades;
    std::vector<std::string> grade_names;
    std::optional<plan::rounding> round_indicator, round_group, round_total;
    ast::missing_effect missing = ast::missing_effect::error;
    bool missing_written = false;
    /// The category sets of the rubric (`类别`), each with its categories; a unit names one of each.
    std::vector<std::pair<std::string, std::vector<std::string>>> category_sets;
    /// The program in machine integers, when it has that form (fixed_point.hpp).
    std::optional<plan::fixed_point> fixed;
};

/// A group, bonus or penalty block without a weight of its own: it weighs the sum of its children's weights.
inline bool sums_children(const plan::node& n) {
    return !n.weight && n.by_category.empty() &&
           (n.kind == rubric::node_kind::group || n.kind == rubric::node_kind::bonus ||
            n.kind == rubric::node_kind::penalty);
}

/// Whether `v` lies in a range whose ends are constants (grade bands, judged ranges: the checker requires it),
/// read without evaluating anything.
inline bool in_constant_range(const program& p, const plan::range& r, const decimal& v) {
    const auto end = [&](plan::index at) -> const decimal& { return p.expressions[at].value; };
    if (r.not_equal) return v != end(r.low);
    if (r.low != plan::none && (r.low_closed ? v < end(r.low) : v <= end(r.low))) return false;
    return r.high == plan::none || (r.high_closed ? v <= end(r.high) : v < end(r.high));
}

} // namespace rubric::detail

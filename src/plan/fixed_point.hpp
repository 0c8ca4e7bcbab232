// fixed_point.hpp — the program's fast form: the common shape of a scoring table (fixed weights, step rules
// with constant points, checklists, level and band tables with constant ends, cases on 达标, no vetoes)
// scored in machine integers, every score a whole number of 1/scale points.
//
// It is an optimisation, never a second meaning: a unit whose values or outcome leave the fast form (a value
// that is not a machine fraction, a product that overflows, a missing value, a mark the fast form does not
// take, anything that would be an error) is scored by the interpreter instead, and tests hold the two to the
// same result on every rubric of the corpus. Built once per program by lower_to_fixed_point.
#pragma once

#include "plan/integer_steps.hpp"
#include "syntax/ast.hpp"

#include <cstdint>
#include <optional>
#include <rubric/compiler.hpp>
#include <rubric/decimal.hpp>
#include <vector>

namespace rubric::detail {

struct program;

namespace plan {

struct fixed_point {
    enum class rule_kind : std::uint8_t {
        met_only,  ///< an item of `全部达标`: the weight when its value meets the target, else 0
        steps,     ///< clauses [first, first + count) of `step_clauses`, limits of `step_limits`
        checklist, ///< items [first, first + count) of `items`
        levels,    ///< outcomes [first, first + count) by level, then `otherwise` (points or none)
        bands,     ///< bands [first, first + count) of `bands`
        cases,     ///< cases [first, first + count) of `cases`
    };
    /// A checklist item: what it gains when met, or what it deducts when not (a deducting item).
    struct item {
        std::uint32_t slot = 0;
        bool gate = false; ///< not met, the list scores 0 (unless it deducts or is all or nothing)
        std::int64_t gained = 0, deducted = 0;
    };
    struct fraction {
        std::int64_t n = 0, d = 1; ///< d > 0
    };
    struct band {
        std::optional<fraction> low, high;
        bool low_closed = true, high_closed = true;
        bool not_equal = false; ///< `≠ low`
        std::int64_t points = 0;
    };
    /// A case of `情形` the fast form takes: `当 达标` or `否则`.
    struct case_ {
        bool when_met = false; ///< false: otherwise
        std::int64_t points = 0;
    };
    /// What a step clause measures its deviation from: folded into it when known now (nothing, zero, the
    /// row's constant target), else the target the unit gives, when its comparator says so
    /// (measures_from_target).
    struct step_reference {
        bool unit_target = false;
        folded_reference folded; ///< when not unit_target
    };
    /// An input as the fast form reads it.
    struct input {
        std::uint32_t formula = UINT32_MAX;         ///< a derived input's formula (program::expressions)
        std::uint32_t first_raw = 0, raw_count = 0; ///< the raw figures it reads, in `raws`
        bool reads_derived = false;                 ///< one of them is derived itself (the interpreter's)
        std::optional<fraction> fallback;           ///< 缺省
    };
    struct rounding {
        std::int64_t unit = 0; ///< scale ÷ 10^places; 0: no rounding
        rounding_mode mode = rounding_mode::half_up;
    };
    /// A node with what the node pass reads of it, children in `children`.
    struct node {
        rubric::node_kind kind = rubric::node_kind::group;
        bool combines = false;            ///< an indicator scored from its items
        bool under_combine = false;       ///< an item of such an indicator
        bool not_applicable_full = false; ///< not applicable scores the weight (不适用 满分)
        /// A group neither rounded nor capped, under such groups only: its score, the sum of its children's,
        /// is made when it is read (outcome_of), not by the node pass; the total adds its children instead.
        bool summed_on_read = false;
        ast::combine_mode combine = ast::combine_mode::mean;
        std::uint32_t first_child = 0, child_count = 0;
        std::uint32_t subject = UINT32_MAX;
        std::int64_t weight = 0;
        std::optional<std::int64_t> at_most; ///< a bonus or penalty block's cap
        rounding round;                      ///< the rubric's rounding of indicators or of groups
    };
    /// A row and its node, which the row pass scores to the end (rounding included): a node with a row is
    /// a leaf of the node pass.
    struct subject {
        rule_kind kind = rule_kind::met_only;
        std::uint32_t node = 0;
        std::uint32_t value_slot = 0; ///< the input read as the value, when has_value
        bool has_value = false;
        bool has_target = false;      ///< a target compared with a constant
        bool target_supplied = false; ///< a target the unit gives (由单位填报)
        /// The target's comparator as written, or equal where none is (then no clause measures from the
        /// target: step_references say so); a comparator the unit gives wins.
        ast::comparison_op met_op = ast::comparison_op::eq;
        /// Whether anything reads if the value meets the target: the row's own rule (达标 alone, or a case
        /// on it), or its indicator combining items by 全部达标. Step rules never do.
        bool met_read = false;
        fraction target;
        std::int64_t base = 0;                          ///< steps: the points before the clauses
        std::uint32_t first_limit = 0, limit_count = 0; ///< steps
        std::uint32_t first = 0, count = 0;
        std::optional<std::int64_t> otherwise; ///< levels
        ast::checklist_mode checklist_mode = ast::checklist_mode::plain;
        bool deductive = false; ///< checklist: an item deducts (the weight less what they deduct)
        std::int64_t weight = 0;
        /// The score is kept within [low, high]: [0, weight], or [−weight, 0] for a penalty.
        std::int64_t low = 0, high = 0;
        rounding round; ///< the node's
    };

    std::int64_t scale = 1;
    std::vector<subject> subjects; ///< parallel to program::subjects
    std::vector<item> items;
    std::vector<std::optional<std::int64_t>> level_points;
    std::vector<band> bands;
    std::vector<case_> cases;
    /// Step rules in their integer form with every amount in units of 1/scale.
    std::vector<integer_steps::clause> step_clauses;
    std::vector<integer_steps::limit> step_limits;
    std::vector<step_reference> step_references; ///< parallel to step_clauses
    std::vector<input> inputs; ///< by input slot
    /// A raw figure a derived input reads, with whether it has a default (so that the derived input is
    /// computed without it being given).
    struct raw {
        std::uint32_t slot = 0;
        bool defaulted = false;
    };
    std::vector<raw> raws;
    std::vector<node> nodes;          ///< by node
    std::vector<std::uint32_t> inner; ///< the nodes without a row, innermost first, but those summed on read
    std::vector<std::uint32_t> children;
    /// What the total adds up before bonus and penalty: the top-level groups and indicators, a group summed
    /// on read replaced by its children; the top-level bonus and penalty blocks.
    std::vector<std::uint32_t> summands, bonus, penalty;
    rounding total;                                   ///< of the total; a node's is in the node
    struct grade {
        std::optional<std::int64_t> low, high;
        bool low_closed = true, high_closed = true;
    };
    std::vector<grade> grades; ///< parallel to program::grades
};

} // namespace plan

/// The fast form of `p`, when every part of it has one (see above).
std::optional<plan::fixed_point> lower_to_fixed_point(const program& p);

} // namespace rubric::detail

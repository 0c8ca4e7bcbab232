// step_clause.hpp — the arithmetic of one step clause (每降低 1% 扣 …), shared by the evaluator, which takes
// its operands from expressions, and the explanation writer, which recomputes the figures of a clause that
// evaluation did not record (plan::step_clause::replayable).
#pragma once

#include "eval/integer_steps.hpp"
#include "eval/trace.hpp"

namespace rubric::detail {

/// Where occurrences are counted from.
inline const decimal no_occurrences;

/// What a clause's deviation is measured from: 起扣 (`from`), else the target on the clause's side, else 0
/// for occurrences; nullptr when there is none (the clause then moves nothing).
inline const decimal* clause_reference(const plan::step_clause& c, const plan::subject& s, const subject_record& r,
                                       const decimal& measured, const decimal* from) {
    if (c.from != plan::none) return from;
    if (c.direction == ast::step_direction::per_occurrence) return &no_occurrences;
    if (r.has_target && s.target.kind == plan::target_kind::interval)
        return c.direction == ast::step_direction::per_rise   ? &r.target_high
               : c.direction == ast::step_direction::per_drop ? &r.target
               : measured > r.target_high                     ? &r.target_high
                                                              : &r.target;
    // The target's comparison, when there is one.
    if (!r.has_target || !r.target_op) return nullptr;
    return plan::measures_from_target(c.direction, *r.target_op) ? &r.target : nullptr;
}

/// The points one clause moves, written into `moved`; nullptr when an operand is missing (the operands say
/// why). `operands` gives the measured value, 起扣, the step, the points per step and the cap, each as a
/// pointer (nullptr: could not be had), and fail(kind, at) for the clause's own faults. Each figure is also
/// written to `out` when there is one.
template <class Operands>
const decimal* clause_points(const plan::step_clause& c, const plan::subject& s, const subject_record& r,
                             Operands& operands, clause_record* out, decimal& moved) {
    decimal on_scratch;
    const decimal* measured = operands.measured(on_scratch);
    if (!measured) return measured;
    const decimal& v = *measured;
    decimal from_scratch;
    const decimal* from = nullptr;
    if (c.from != plan::none && !(from = operands.from(from_scratch))) return from;
    const decimal* reference = clause_reference(c, s, r, v, from);
    decimal deviation;
    if (reference) {
        switch (c.direction) {
        case ast::step_direction::per_drop: deviation = *reference - v; break;
        case ast::step_direction::per_rise:
        case ast::step_direction::per_occurrence: deviation = v - *reference; break;
        case ast::step_direction::per_deviation:
            deviation = r.has_target && s.target.kind == plan::target_kind::interval && c.from == plan::none &&
                                v >= r.target && v <= r.target_high
                            ? decimal(0)
                            : (v - *reference).abs();
            break;
        }
        if (deviation.sign() < 0) deviation = decimal(); // the other side of a one-sided clause
    }
    if (out) {
        out->measured = v;
        out->has_reference = reference != nullptr;
        if (reference) out->reference = *reference;
        out->deviation = deviation;
    }
    if (c.relative && !deviation.is_zero()) {
        if (reference->is_zero()) return operands.fail(fault_kind::zero_reference, c.trace);
        deviation = deviation / reference->abs();
    }
    decimal step_scratch;
    const decimal* step = operands.step(step_scratch);
    if (!step) return step;
    if (out) out->step = *step;
    if (step->sign() <= 0) return operands.fail(fault_kind::zero_reference, c.trace);
    decimal n = deviation / *step;
    if (c.counting == ast::step_counting::full_steps) n = n.floor();
    if (c.counting == ast::step_counting::started_steps) n = n.ceiling();
    if (out) out->steps = n;
    decimal per_scratch;
    const decimal* per = operands.per_step(per_scratch);
    if (!per) return per;
    if (out) out->per_step = *per;
    moved = n * *per;
    bool capped = false;
    if (c.at_most) {
        decimal cap_scratch;
        const decimal* cap = operands.cap(cap_scratch);
        if (!cap) return cap;
        if (moved > *cap) {
            moved = *cap;
            capped = true;
        }
    }
    if (out) {
        out->capped = capped;
        out->moved = moved;
    }
    return &moved;
}

} // namespace rubric::detail

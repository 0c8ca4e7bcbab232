// evaluate.hpp — the evaluator stage: a program and a unit's bound values in, a trace (trace.hpp) out.
#pragma once

#include "eval/trace.hpp"

#include <memory>

namespace rubric::detail {

/// Sizes the trace's arrays for `code` and writes its fixed weights, unless they already are (then nothing is
/// allocated).
void prepare(trace& t, const std::shared_ptr<const program>& code);
/// Which scorer evaluate_into uses: the fixed-point one where the program and the unit allow it, else the
/// interpreter (the first is only faster; tests compare the two).
enum class scorer { fastest, interpreter };

/// Scores one unit into `t` (README §15).
void evaluate_into(trace& t, const std::shared_ptr<const program>& code,
                   const std::shared_ptr<const unit_state>& unit, scorer how = scorer::fastest);
/// Scores t.unit in the program's machine-integer form (plan/fixed_point.hpp) when both allow it: writes the
/// node results, the total and the grade, and returns true; false with nothing decided otherwise.
bool evaluate_fixed_point(trace& t);
/// `t` when it holds every record an explanation reads, else the same unit evaluated by the interpreter into
/// `scratch`.
const trace& with_records(const trace& t, trace& scratch);

} // namespace rubric::detail

// evaluate.hpp — the evaluator stage: a program and a unit's bound values in, a trace (trace.hpp) out.
#pragma once

#include "eval/trace.hpp"

#include <memory>

namespace rubric::detail {

/// Sizes the trace's arrays for `code` and writes its fixed weights, unless they already are (then nothing is
/// allocated).
void prepare(trace& t, const std::shared_ptr<const program>& code);
/// Scores one unit into `t` (README §15).
void evaluate_into(trace& t, const std::shared_ptr<const program>& code,
                   const std::shared_ptr<const unit_state>& unit);

} // namespace rubric::detail

// compile.hpp — the compiler stage: a checked model in, an evaluation tree (program.hpp) out.
#pragma once

#include "check/model.hpp"
#include "plan/program.hpp"

namespace rubric::detail {

/// Builds the program for a model the checker accepted.
program compile_program(const checked_model& model);

} // namespace rubric::detail

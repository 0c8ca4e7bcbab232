// well_formed.hpp — what the grammar lets through but the language does not: a clause given twice (E0109),
// a test table row with another number of cells than its header (E0111). Run on every tree parsed.
#pragma once

#include "syntax/ast.hpp"

#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>

namespace rubric::syntax {

/// Appends E0109 and E0111 for `module`; every problem is reported, the tree is left as it is.
void check_well_formed(const ast::source_module& module, const source_file& file,
                       diagnostic_list& diagnostics);

} // namespace rubric::syntax

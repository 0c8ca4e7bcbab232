// passes.hpp — the checker's passes, in the order check() runs them. Each reads the model, adds to it what it
// establishes, and reports what is wrong; none stops at the first problem.
#pragma once

#include "check/context.hpp"

namespace rubric::checker {

/// Parses the checked file and, recursively, every file it imports or extends (import_resolver gives their
/// text); reports files not found and import cycles. Fills model.sources and model.modules.
void load_modules(context& ctx, source_file file, const import_resolver& resolve);

/// Symbol tables and the node tree with weights in points (collect.cpp).
void collect_declarations(context& ctx);

/// Every name refers to something declared (inputs, parameters, levels, named rules, categories, grades,
/// node paths, checklist items); unused inputs and definitions of the checked file (names.cpp). False when
/// named rules written out where they are used would be too large (E0219) or nest too deep to follow (E0208):
/// no later pass can run then.
bool resolve_names(context& ctx);

/// Imports only libraries, extends only templates or rubrics; a rubric leaves no rule 待定 (templates.cpp).
void check_templates(context& ctx);

/// Weights add up to their group's and to the total, the header is complete, grades cover every total
/// (weights.cpp).
void check_weights(context& ctx);

/// The type of every input, value, target, formula, step and amount; unit mistakes (types.cpp). Records the
/// types in the model.
void check_types(context& ctx);

/// No derived input is computed, directly or through others, from itself (derived.cpp).
void check_derived_inputs(context& ctx);

/// Each rule's form: the highest and lowest score it can reach against the weight, band tables without gaps
/// or overlaps, checklists, level maps, cases, items (rules.cpp, with bounds.cpp and bands.cpp).
void check_rules(context& ctx);

/// Choices left implicit: step counting, percent steps, rounding, completion direction; policy entries given
/// twice; ranking rules that need a cohort (policies.cpp).
void check_policies(context& ctx);

/// Warnings the rubric acknowledged in place (`确认 W0501 "…"`) become notes that say so.
void apply_acknowledgements(context& ctx, diagnostic_list& diagnostics);

} // namespace rubric::checker

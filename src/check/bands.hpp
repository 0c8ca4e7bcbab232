// bands.hpp — a band table against the values it must cover (README §9.2): overlaps between plain bands,
// gaps over the value's domain, and bands that can never apply. A band joined with a condition (`且 …`)
// counts for neither overlaps nor gaps, since its condition may be false.
#pragma once

#include "check/reporter.hpp"
#include "check/subjects.hpp"

namespace rubric::checker {

/// Reports E0502 (overlap), E0503 (gap), W0504 (never applies) and W0518 (after `否则`) for a table read for
/// subject `s`, whose value takes the values in `domain` (narrowed by an enclosing band).
void check_bands(reporter& report, const constants& read, const ast::band_table& table, const scope& where,
                 const subject& s, const span& domain);

} // namespace rubric::checker

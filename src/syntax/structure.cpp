// structure.cpp — instantiates groups, indicators, clauses and inputs (sections 2–3) for the grammar's
// context.
#include "syntax/config.hpp"
#include "syntax/structure_def.hpp"

namespace rubric::syntax::parser {

BOOST_SPIRIT_INSTANTIATE(type_spec_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(input_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(note_clause_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(acknowledge_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(indicator_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(group_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(override_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(extra_block_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(veto_type, iterator_type, context_type)

} // namespace rubric::syntax::parser

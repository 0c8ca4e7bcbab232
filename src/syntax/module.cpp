// module.cpp — instantiates the file and its rubric-level declarations (sections 1–2) for the grammar's
// context.
#include "syntax/config.hpp"
#include "syntax/module_def.hpp"

namespace rubric::syntax::parser {

BOOST_SPIRIT_INSTANTIATE(source_module_type, iterator_type, context_type)

} // namespace rubric::syntax::parser

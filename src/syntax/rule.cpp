// rule.cpp — instantiates the rule forms (section 4) for the grammar's iterator and context.
#include "syntax/config.hpp"
#include "syntax/rule_def.hpp"

namespace rubric::syntax::parser {

BOOST_SPIRIT_INSTANTIATE(rule_body_type, iterator_type, context_type)

} // namespace rubric::syntax::parser

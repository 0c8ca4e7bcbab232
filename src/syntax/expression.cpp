// expression.cpp — instantiates the expression rules (section 5) for the grammar's iterator and context.
#include "syntax/config.hpp"
#include "syntax/expression_def.hpp"

namespace rubric::syntax::parser {

BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(sum_expression_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(interval_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(value_range_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(literal_type, iterator_type, context_type)

} // namespace rubric::syntax::parser

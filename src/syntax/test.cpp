// test.cpp — instantiates the tests written beside a rubric (section 6) for the grammar's context.
#include "syntax/config.hpp"
#include "syntax/test_def.hpp"

namespace rubric::syntax::parser {

BOOST_SPIRIT_INSTANTIATE(test_case_type, iterator_type, context_type)

} // namespace rubric::syntax::parser

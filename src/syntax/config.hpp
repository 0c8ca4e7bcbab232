// config.hpp — the iterator and the context every rule of the grammar is instantiated with, named once.
#pragma once

#include "syntax/parse_state.hpp"
#include "syntax/tokens.hpp"

#include <boost/spirit/home/x3.hpp>

namespace rubric::syntax::parser {

namespace x3 = boost::spirit::x3;

/// The file's bytes; offsets are `iterator - parse_state::begin`.
using iterator_type = const char*;
using phrase_context_type = x3::phrase_parse_context<skipper_parser>::type;
/// The parse_state reaches every rule through x3::with<parse_state_tag>.
using context_type = x3::context<parse_state_tag, parse_state, phrase_context_type>;

} // namespace rubric::syntax::parser

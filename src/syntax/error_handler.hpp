// error_handler.hpp — the handlers rule IDs inherit: on_success tags AST nodes with their byte range,
// on_error turns an X3 expectation failure into a syntax error with words a user understands.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/parse_state.hpp"
#include "syntax/tokens.hpp"

#include <boost/spirit/home/x3.hpp>
#include <string>
#include <string_view>
#include <type_traits>

namespace rubric::syntax::parser {

namespace x3 = boost::spirit::x3;

/// Stores a node's range: in the node itself, in the alternative a variant holds, or in a boxed node.
template <typename T>
void tag_range(T& node, source_range range) {
    if constexpr (std::is_base_of_v<ast::tagged, T>) {
        node.range = range;
    } else if constexpr (requires { typename T::variant_type; }) {
        boost::apply_visitor([&](auto& alternative) { tag_range(alternative, range); }, node.get());
    } else if constexpr (requires { node.get_pointer(); }) {
        tag_range(node.get(), range);
    }
}

/// on_success: every node a rule builds learns its byte range (X3's annotate_on_success, with offsets
/// into the file instead of iterators in a position cache). Leading white space is not part of it. A rule
/// whose node is filled by semantic actions wraps its right-hand side in built[…] (tokens.hpp), or X3
/// would hand on_success no node.
struct annotate_position {
    template <typename Iterator, typename Attribute, typename Context>
    void on_success(const Iterator& first, const Iterator& last, Attribute& node,
                    const Context& context) const {
        tag_range(node, state_of(context).range(first, last));
    }
};

/// The syntax error for an expectation failure: "expected <words for which>, found <token at where>".
[[noreturn]] void throw_expectation_failure(const parse_state& state, const char* where,
                                            std::string_view which);

/// on_error: for the rules where a failure is reported (the whole file).
struct report_syntax_error {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator&, const Iterator&, const Exception& failure,
                                      const Context& context) const {
        throw_expectation_failure(state_of(context), failure.where(), failure.which());
    }
};

} // namespace rubric::syntax::parser

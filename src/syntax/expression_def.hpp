// expression_def.hpp — expressions, ranges and literals (grammar/rubric.ebnf section 5, Range, Literal).
//
// Precedence is spelled out level by level, lowest first; chains fold into left-associative binary nodes.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/ast_adapted.hpp"
#include "syntax/error_handler.hpp"
#include "syntax/grammar.hpp"
#include "syntax/tokens.hpp"
#include "syntax/vocabulary.hpp"

#include <boost/spirit/home/x3.hpp>
#include <utility>

namespace rubric::syntax::parser {

namespace x3 = boost::spirit::x3;

/// `0 < x < 1`: a comparison right after a comparison is an error of its own.
struct unchained_parser : x3::parser<unchained_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext,
               Attribute&) const {
        Iterator p = token_start(first, last, context);
        const char* op_first = p;
        if (comparison_op.parse(p, last, context, rcontext, x3::unused))
            throw_chained_comparison(state_of(context), op_first, p);
        return true;
    }
};
inline constexpr unchained_parser unchained{};

/// Counts a recursion step (a sign, `非`) like a bracket, so a long run of them cannot overflow the stack.
template <typename Subject>
struct nested_directive : x3::unary_parser<Subject, nested_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, nested_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;
    constexpr explicit nested_directive(const Subject& s) : base_type(s) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext,
               Attribute& attr) const {
        depth_guard guard(state_of(context), first, token_start(first, last, context));
        return this->subject.parse(first, last, context, rcontext, attr);
    }
};
struct nested_gen {
    template <typename Subject>
    constexpr nested_directive<typename x3::extension::as_parser<Subject>::value_type>
    operator[](const Subject& subject) const {
        return nested_directive<typename x3::extension::as_parser<Subject>::value_type>(
            x3::as_parser(subject));
    }
};
inline constexpr nested_gen nested{};

// ---- Semantic actions that build the tree
inline ast::binary_op to_binary(ast::comparison_op op) {
    switch (op) {
    case ast::comparison_op::ge:
        return ast::binary_op::ge;
    case ast::comparison_op::le:
        return ast::binary_op::le;
    case ast::comparison_op::ne:
        return ast::binary_op::ne;
    case ast::comparison_op::eq:
        return ast::binary_op::eq;
    case ast::comparison_op::gt:
        return ast::binary_op::gt;
    case ast::comparison_op::lt:
        return ast::binary_op::lt;
    }
    return ast::binary_op::eq;
}

/// The rule's value is its first operand.
struct assign_operand {
    template <typename Context>
    void operator()(const Context& context) const {
        x3::_val(context) = std::move(x3::_attr(context));
    }
};

/// An operand: the rule's value, counted against the formula's length.
struct assign_counted_operand {
    template <typename Context>
    void operator()(const Context& context) const {
        count_formula_token(context, state_of(context).begin + ast::range_of(x3::_attr(context)).begin);
        x3::_val(context) = std::move(x3::_attr(context));
    }
};

/// `value op right` becomes the rule's value, spanning both operands.
struct fold_binary {
    template <typename Context>
    void operator()(const Context& context) const {
        auto& attribute = x3::_attr(context);
        ast::binary node;
        if constexpr (std::is_same_v<std::decay_t<decltype(boost::fusion::at_c<0>(attribute))>,
                                     ast::comparison_op>)
            node.op = to_binary(boost::fusion::at_c<0>(attribute));
        else
            node.op = boost::fusion::at_c<0>(attribute);
        node.left = std::move(x3::_val(context));
        node.right = std::move(boost::fusion::at_c<1>(attribute));
        node.range = {ast::range_of(node.left).begin, ast::range_of(node.right).end};
        count_formula_token(context, state_of(context).begin + ast::range_of(node.left).end); // the operator
        x3::_val(context) = std::move(node);
    }
};

/// `op operand` (a sign) or `非 operand`; the rule's on_success gives it its range.
struct make_unary {
    template <typename Context>
    void operator()(const Context& context) const {
        auto& attribute = x3::_attr(context);
        ast::unary node;
        if constexpr (std::is_same_v<std::decay_t<decltype(attribute)>, ast::expression>) {
            node.op = ast::unary_op::not_;
            node.operand = std::move(attribute);
        } else {
            node.op = boost::fusion::at_c<0>(attribute);
            node.operand = std::move(boost::fusion::at_c<1>(attribute));
        }
        count_formula_token(context, x3::_where(context).begin());
        x3::_val(context) = std::move(node);
    }
};

// ---- Rules of this part only
struct or_class : annotate_position {};
struct and_class : annotate_position {};
struct not_class : annotate_position {};
struct comparison_class : annotate_position {};
struct sum_class : annotate_position {};
struct product_class : annotate_position {};
struct unary_class : annotate_position {};
struct primary_class : annotate_position {};
struct call_class : annotate_position {};
struct call_argument_class : annotate_position {};
struct threshold_class : annotate_position {};

inline const x3::rule<or_class, ast::expression> or_expression = "expression";
inline const x3::rule<and_class, ast::expression> and_expression = "expression";
inline const x3::rule<not_class, ast::expression> not_expression = "expression";
inline const x3::rule<comparison_class, ast::expression> comparison = "expression";
inline const x3::rule<sum_class, ast::expression> sum = "value";
inline const x3::rule<product_class, ast::expression> product = "value";
inline const x3::rule<unary_class, ast::expression> unary = "value";
inline const x3::rule<primary_class, ast::expression> primary = "value";
inline const x3::rule<call_class, ast::call> call = "call";
inline const x3::rule<call_argument_class, ast::call_argument> call_argument = "value";
inline const x3::rule<threshold_class, ast::threshold> threshold = "range";

// ---- Definitions
inline const auto expression_def = formula[or_expression];
inline const auto sum_expression_def = formula[sum];

inline const auto or_expression_def =
    built[and_expression[assign_operand()] >> *(or_op > and_expression)[fold_binary()]];
inline const auto and_expression_def =
    built[not_expression[assign_operand()] >> *(and_op > not_expression)[fold_binary()]];
inline const auto not_expression_def =
    built[(kw(keyword::not_) > nested[not_expression])[make_unary()] | comparison[assign_operand()]];
inline const auto comparison_def =
    built[sum[assign_operand()] >> -((comparison_op > sum)[fold_binary()] >> unchained)];
inline const auto sum_def = built[product[assign_operand()] >> *(additive_op > product)[fold_binary()]];
inline const auto product_def = built[unary[assign_operand()] >> *(multiplicative_op > unary)[fold_binary()]];
inline const auto unary_def =
    built[(sign_op >> nested[unary])[make_unary()] | primary[assign_counted_operand()]];
inline const auto primary_def = date | quantity | bool_literal | context_value | call | qualified_name |
                                parens("parenthesis")[named("an expression")[expression]];
inline const auto call_def = function_name > parens("call")[named("an argument")[call_argument % comma]];
inline const auto call_argument_def = rounding_mode_argument | expression;

inline const auto interval_def = interval_open >> sum_expression >> comma > sum_expression > interval_close;
inline const auto threshold_def = comparison_op > sum_expression;
inline const auto value_range_def = interval | threshold;
inline const auto literal_def = date | signed_quantity | bool_literal | identifier;

BOOST_SPIRIT_DEFINE(expression, sum_expression, or_expression, and_expression, not_expression, comparison,
                    sum, product, unary, primary, call, call_argument, interval, threshold, value_range,
                    literal)

} // namespace rubric::syntax::parser

// ast_adapted.hpp — the AST structs X3 fills member by member from a sequence (Boost.Fusion adaptation).
//
// Only nodes whose grammar is a plain sequence of their members are adapted; the others are built by
// semantic actions or token parsers. The range (in the `tagged` base) is never part of a sequence.
#pragma once

#include "syntax/ast.hpp"

#include <boost/fusion/include/adapt_struct.hpp>

BOOST_FUSION_ADAPT_STRUCT(rubric::ast::call, function, arguments)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::interval, lower_closed, lower, upper, upper_closed)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::threshold, op, value)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::amount, value, of_weight)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::category_weight, category, points)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::grade_band, grade, bounds)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::given_target, node, value)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::given_exempt, node, reason)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::given_choice, node, choice)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::given_category, category_set, category)
BOOST_FUSION_ADAPT_STRUCT(rubric::ast::given_input, input, value)

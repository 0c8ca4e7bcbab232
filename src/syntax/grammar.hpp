// grammar.hpp — the rules one part of the grammar uses from another (and parse.cpp uses), declared only.
//
// Each part is defined in its own *_def.hpp and instantiated in its own .cpp (expression, rule, structure,
// module, test), so no translation unit compiles the whole grammar; parts reach each other only through
// the rules declared here. Nothing outside src/syntax includes a *_def.hpp.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/error_handler.hpp"

#include <boost/spirit/home/x3.hpp>

namespace rubric::syntax::parser {

namespace x3 = boost::spirit::x3;

// Rule IDs: every rule tags the node it builds with its range; the file's rule also reports errors.
struct expression_class : annotate_position {};
struct sum_expression_class : annotate_position {};
struct interval_class : annotate_position {};
struct value_range_class : annotate_position {};
struct literal_class : annotate_position {};
struct rule_body_class : annotate_position {};
struct type_spec_class : annotate_position {};
struct input_decl_class : annotate_position {};
struct note_clause_class : annotate_position {};
struct acknowledge_class : annotate_position {};
struct indicator_class : annotate_position {};
struct group_class : annotate_position {};
struct override_class : annotate_position {};
struct extra_block_class : annotate_position {};
struct veto_class : annotate_position {};
struct test_case_class : annotate_position {};
struct source_module_class : annotate_position, report_syntax_error {};

// Section 5: expressions (expression_def.hpp).
using expression_type = x3::rule<expression_class, ast::expression>;
using sum_expression_type = x3::rule<sum_expression_class, ast::expression>;
using interval_type = x3::rule<interval_class, ast::interval>;
using value_range_type = x3::rule<value_range_class, ast::value_range>;
using literal_type = x3::rule<literal_class, ast::literal>;
// Section 4: rules (rule_def.hpp).
using rule_body_type = x3::rule<rule_body_class, ast::rule_body>;
// Sections 2 and 3: inputs, clauses, groups and indicators (structure_def.hpp).
using type_spec_type = x3::rule<type_spec_class, ast::type_spec>;
using input_decl_type = x3::rule<input_decl_class, ast::input_decl>;
using note_clause_type = x3::rule<note_clause_class, ast::text_clause>;
using acknowledge_type = x3::rule<acknowledge_class, ast::acknowledge>;
using indicator_type = x3::rule<indicator_class, ast::indicator>;
using group_type = x3::rule<group_class, ast::group>;
using override_type = x3::rule<override_class, ast::override_decl>;
using extra_block_type = x3::rule<extra_block_class, ast::extra_block>;
using veto_type = x3::rule<veto_class, ast::veto>;
// Section 6: tests (test_def.hpp).
using test_case_type = x3::rule<test_case_class, ast::test_case>;
// Section 1: the file (module_def.hpp).
using source_module_type = x3::rule<source_module_class, ast::source_module>;

// The names are ids for messages (error_handler.cpp turns them into words).
inline const expression_type expression = "expression";
inline const sum_expression_type sum_expression = "value";
inline const interval_type interval = "interval";
inline const value_range_type value_range = "range";
inline const literal_type literal = "literal";
inline const rule_body_type rule_body = "rule";
inline const type_spec_type type_spec = "type";
inline const input_decl_type input_decl = "input";
inline const note_clause_type note_clause = "note";
inline const acknowledge_type acknowledge = "acknowledge";
inline const indicator_type indicator = "indicator";
inline const group_type group = "group";
inline const override_type override_decl = "override";
inline const extra_block_type extra_block = "bonus or penalty";
inline const veto_type veto = "veto";
inline const test_case_type test_case = "test";
inline const source_module_type source_module = "file";

BOOST_SPIRIT_DECLARE(expression_type, sum_expression_type, interval_type, value_range_type, literal_type)
BOOST_SPIRIT_DECLARE(rule_body_type)
BOOST_SPIRIT_DECLARE(type_spec_type, input_decl_type, note_clause_type, acknowledge_type, indicator_type,
                     group_type, override_type, extra_block_type, veto_type)
BOOST_SPIRIT_DECLARE(test_case_type)
BOOST_SPIRIT_DECLARE(source_module_type)

} // namespace rubric::syntax::parser

// test_def.hpp — tests written beside a rubric (grammar/rubric.ebnf section 6): given values, expected
// scores, and tables of cases.
#pragma once

#include "syntax/actions.hpp"
#include "syntax/ast.hpp"
#include "syntax/ast_adapted.hpp"
#include "syntax/error_handler.hpp"
#include "syntax/grammar.hpp"
#include "syntax/tokens.hpp"
#include "syntax/vocabulary.hpp"

#include <boost/spirit/home/x3.hpp>

namespace rubric::syntax::parser {

namespace x3 = boost::spirit::x3;

/// Marks a node as written, with nothing else to fill (an empty table cell): on_success gives its range.
struct mark_present {
    template <typename Context>
    void operator()(const Context&) const {}
};

// ---- Rules of this part only
struct test_value_class : annotate_position {};
struct given_target_class : annotate_position {};
struct given_not_applicable_class : annotate_position {};
struct given_judged_class : annotate_position {};
struct given_exempt_class : annotate_position {};
struct given_choice_class : annotate_position {};
struct given_category_class : annotate_position {};
struct given_input_class : annotate_position {};
struct given_item_class : annotate_position {};
struct given_class : annotate_position {};
struct expect_node_class : annotate_position {};
struct expect_total_class : annotate_position {};
struct expect_grade_class : annotate_position {};
struct expect_error_class : annotate_position {};
struct expectation_class : annotate_position {};
struct expect_class : annotate_position {};
struct table_column_class : annotate_position {};
struct empty_cell_class : annotate_position {};
struct table_cell_class : annotate_position {};
struct table_row_class : annotate_position {};
struct test_table_class : annotate_position {};
struct test_item_class : annotate_position {};

inline const x3::rule<test_value_class, ast::test_value> test_value = "test value";
inline const x3::rule<given_target_class, ast::given_target> given_target = "given value";
inline const x3::rule<given_not_applicable_class, ast::given_not_applicable> given_not_applicable =
    "given value";
inline const x3::rule<given_judged_class, ast::given_judged> given_judged = "given value";
inline const x3::rule<given_exempt_class, ast::given_exempt> given_exempt = "given value";
inline const x3::rule<given_choice_class, ast::given_choice> given_choice = "given value";
inline const x3::rule<given_category_class, ast::given_category> given_category = "given value";
inline const x3::rule<given_input_class, ast::given_input> given_input = "given value";
inline const x3::rule<given_item_class, ast::given_item> given_item = "given value";
inline const x3::rule<given_class, ast::given> given = "given";
inline const x3::rule<expect_node_class, ast::expect_node> expect_node = "expectation";
inline const x3::rule<expect_total_class, ast::expect_total> expect_total = "expectation";
inline const x3::rule<expect_grade_class, ast::expect_grade> expect_grade = "expectation";
inline const x3::rule<expect_error_class, ast::expect_error> expect_error = "expectation";
inline const x3::rule<expectation_class, ast::expectation> expectation = "expectation";
inline const x3::rule<expect_class, ast::expect> expect = "expect";
inline const x3::rule<table_column_class, ast::table_column> table_column = "column";
inline const x3::rule<empty_cell_class, ast::empty_cell> empty_cell = "cell";
inline const x3::rule<table_cell_class, ast::table_cell> table_cell = "cell";
inline const x3::rule<table_row_class, ast::table_row> table_row = "row";
inline const x3::rule<test_table_class, ast::test_table> test_table = "table";
inline const x3::rule<test_item_class, ast::test_item> test_item = "test item";

// ---- Values
inline const auto test_value_def =
    built[(-comparison_op[set<&ast::test_value::op>] >>
           (date[set<&ast::test_value::value>] | signed_quantity[set<&ast::test_value::value>])) |
          bool_literal[set<&ast::test_value::value>] | identifier[set<&ast::test_value::value>]];

// ---- Given
inline const auto given_target_def = kw(keyword::target) > path > eq > test_value;
inline const auto given_not_applicable_def =
    built[kw(keyword::not_applicable) > path[set<&ast::given_not_applicable::node>]];
inline const auto given_judged_def =
    built[kw(keyword::judged) > path[set<&ast::given_judged::node>] > eq >
          test_value[set<&ast::given_judged::value>] > -text[set<&ast::given_judged::reason>]];
inline const auto given_exempt_def = kw(keyword::exempt) > path > text;
inline const auto given_choice_def = kw(keyword::choose) > path > eq > name;
inline const auto given_category_def = kw(keyword::category) > identifier > eq > identifier;
inline const auto given_input_def = qualified_name >> eq > test_value;
inline const auto given_item_def = given_target | given_not_applicable | given_judged | given_exempt |
                                   given_choice | given_category | given_input;
inline const auto given_def =
    built[kw(keyword::given) > named("a given value (`执行数 = 95`)")[given_item[push<&ast::given::items>]] >>
          *(comma >> given_item[push<&ast::given::items>])];

// ---- Expect
inline const auto expect_node_def =
    built[expect_kind[set<&ast::expect_node::kind>] > path[set<&ast::expect_node::node>] > eq >
          test_value[set<&ast::expect_node::value>]];
inline const auto expect_total_def =
    built[kw(keyword::total) > eq > test_value[set<&ast::expect_total::value>]];
inline const auto expect_grade_def =
    built[kw(keyword::grade) > eq > identifier[set<&ast::expect_grade::grade>]];
inline const auto expect_error_def = built[kw(keyword::error) > text[set<&ast::expect_error::message>]];
inline const auto expectation_def = expect_node | expect_total | expect_grade | expect_error;
inline const auto expect_def =
    built[kw(keyword::expect) >
          named("an expectation (`得分 指标 = 4`, `总分 = 90`, `等级 = 优`, `报错 \"…\"`)")
              [expectation[push<&ast::expect::items>]] >>
          *(comma >> expectation[push<&ast::expect::items>])];

// ---- Tables: rows are told apart by their bars
inline const auto table_column_def =
    built[(path_column[set<&ast::table_column::kind>] > path[set<&ast::table_column::subject>]) |
          plain_column[set<&ast::table_column::kind>] |
          (qualified_name[set<&ast::table_column::subject>] >>
           x3::eps[set_to<&ast::table_column::kind, ast::column_kind::input>])];
inline const auto empty_cell_def = built[(minus >> &bar)[mark_present()]];
inline const auto table_cell_def = empty_cell | text | test_value;
inline const auto table_row_def = built[bar >> table_cell[push<&ast::table_row::cells>] >>
                                        *(bar >> table_cell[push<&ast::table_row::cells>]) > bar];
inline const auto test_table_def =
    built[kw(keyword::table) >
          braces("table")[named("a header row (`| 执行数 | 得分 指标 |`)")
                              [bar > named("a column")[table_column[push<&ast::test_table::columns>]] >>
                               *(bar >> table_column[push<&ast::test_table::columns>]) > bar] >>
                          *table_row[push<&ast::test_table::rows>]]];

// ---- A test
inline const auto test_item_def = given | expect | test_table;
inline const auto test_case_def =
    built[kw(keyword::test) > named("the test's name in quotes")[text[set<&ast::test_case::title>]] >
          braces("test", "a test holds `给定`/`given`, `期望`/`expect` and `表格`/`table`")[*(
              test_item[push<&ast::test_case::items>] >> -sep)]];

BOOST_SPIRIT_DEFINE(test_value, given_target, given_not_applicable, given_judged, given_exempt, given_choice,
                    given_category, given_input, given_item, given, expect_node, expect_total, expect_grade,
                    expect_error, expectation, expect, table_column, empty_cell, table_cell, table_row,
                    test_table, test_item, test_case)

} // namespace rubric::syntax::parser

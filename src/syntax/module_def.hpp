// module_def.hpp — the file and its rubric-level declarations (grammar/rubric.ebnf sections 1 and 2):
// imports, rubric/template/library/test suite, metadata, total, grades, policy and definitions.
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

inline constexpr std::string_view rubric_contents =
    "a rubric holds `指标`/`indicator`, `分组`/`group`, `总分`/`total`, `等级`/`grade`, `口径`/`policy`, "
    "`输入`/`input`, `定义`/`define`, `加分项`/`bonus`, `减分项`/`penalty`, `一票否决`/`veto`, metadata, …";
inline constexpr std::string_view library_contents =
    "a library holds `定义`/`define`, `档次`/`levels`, `类别`/`category`, `计量单位`/`unit`, `说明`/`note` "
    "and "
    "metadata";

// ---- Rules of this part only
struct import_decl_class : annotate_position {};
struct metadata_class : annotate_position {};
struct year_decl_class : annotate_position {};
struct total_decl_class : annotate_position {};
struct grade_band_class : annotate_position {};
struct grade_table_class : annotate_position {};
struct step_counting_policy_class : annotate_position {};
struct percent_steps_policy_class : annotate_position {};
struct rounding_policy_class : annotate_position {};
struct missing_policy_class : annotate_position {};
struct not_applicable_policy_class : annotate_position {};
struct policy_entry_class : annotate_position {};
struct policy_class : annotate_position {};
struct parameter_class : annotate_position {};
struct rule_def_class : annotate_position {};
struct levels_decl_class : annotate_position {};
struct category_decl_class : annotate_position {};
struct unit_decl_class : annotate_position {};
struct rubric_item_class : annotate_position {};
struct library_item_class : annotate_position {};

inline const x3::rule<import_decl_class, ast::import_decl> import_decl = "import";
inline const x3::rule<metadata_class, ast::metadata> metadata = "metadata";
inline const x3::rule<year_decl_class, ast::year_decl> year_decl = "year";
inline const x3::rule<total_decl_class, ast::total_decl> total_decl = "total";
inline const x3::rule<grade_band_class, ast::grade_band> grade_band = "grade band";
inline const x3::rule<grade_table_class, ast::grade_table> grade_table = "grades";
inline const x3::rule<step_counting_policy_class, ast::step_counting_policy> step_counting_policy = "policy";
inline const x3::rule<percent_steps_policy_class, ast::percent_steps_policy> percent_steps_policy = "policy";
inline const x3::rule<rounding_policy_class, ast::rounding_policy> rounding_policy = "policy";
inline const x3::rule<missing_policy_class, ast::missing_policy> missing_policy = "policy";
inline const x3::rule<not_applicable_policy_class, ast::not_applicable_policy> not_applicable_policy =
    "policy";
inline const x3::rule<policy_entry_class, ast::policy_entry> policy_entry = "policy";
inline const x3::rule<policy_class, ast::policy> policy = "policy";
inline const x3::rule<parameter_class, ast::parameter> parameter = "parameter";
inline const x3::rule<rule_def_class, ast::rule_def> rule_def = "rule definition";
inline const x3::rule<levels_decl_class, ast::levels_decl> levels_decl = "level set";
inline const x3::rule<category_decl_class, ast::category_decl> category_decl = "category set";
inline const x3::rule<unit_decl_class, ast::unit_decl> unit_decl = "unit declaration";
inline const x3::rule<rubric_item_class, ast::rubric_item> rubric_item = "rubric item";
inline const x3::rule<library_item_class, ast::rubric_item> library_item = "library item";

// ---- Rubric-level declarations
inline const auto metadata_def =
    built[metadata_key[set<&ast::metadata::key>] > text[set<&ast::metadata::value>]];
inline const auto year_decl_def = built[kw(keyword::year) > digits[set<&ast::year_decl::year>]];
inline const auto total_decl_def = built[kw(keyword::total) > quantity[set<&ast::total_decl::points>]];
inline const auto grade_band_def = identifier > colon > value_range;
inline const auto grade_table_def =
    built[kw(keyword::grade) >
          braces("grade table")[named("a grade and its range (`优: [90, 100]`)")
                                    [grade_band[push<&ast::grade_table::bands>] % sep >> -sep]]];

inline const auto step_counting_policy_def =
    built[kw(keyword::step_counting) > step_counting[set<&ast::step_counting_policy::counting>]];
inline const auto percent_steps_policy_def =
    built[kw(keyword::percent_steps) > percent_step[set<&ast::percent_steps_policy::mode>]];
inline const auto rounding_policy_def =
    built[kw(keyword::round) > round_level[set<&ast::rounding_policy::level>] >
          digits[set<&ast::rounding_policy::places>] > kw(keyword::places) >
          rounding_mode_choice[set<&ast::rounding_policy::mode>]];
inline const auto missing_policy_def =
    built[kw(keyword::missing) > missing_effect[set<&ast::missing_policy::effect>]];
inline const auto not_applicable_policy_def =
    built[kw(keyword::not_applicable) > na_effect[set<&ast::not_applicable_policy::effect>]];
inline const auto policy_entry_def =
    step_counting_policy | percent_steps_policy | rounding_policy | missing_policy | not_applicable_policy;
inline const auto policy_def =
    built[kw(keyword::policy) >
          braces("policy",
                 "a policy holds `计步`/`step_counting`, `百分比步长`/`percent_steps`, `舍入`/`round`, "
                 "`缺失值`/`missing` and `不适用`/`not_applicable`")[*(
              policy_entry[push<&ast::policy::entries>] >> -sep)]];

inline const auto parameter_def =
    built[identifier[set<&ast::parameter::name>] >> -(colon > type_spec[set<&ast::parameter::type>]) >>
          -(eq > expression[set<&ast::parameter::default_value>])];
inline const auto rule_def_def =
    built[kw(keyword::define) > kw(keyword::rule) >
          named("the rule's name")[identifier[set<&ast::rule_def::name>]] >
          -parens(
              "parameter list")[named("a parameter")[parameter[push<&ast::rule_def::parameters>] % comma]] >
          named("`{`")[braces("rule definition")[named("a rule")[rule_body[set<&ast::rule_def::body>]]]]];
inline const auto levels_decl_def =
    built[kw(keyword::levels) > named("the level set's name")[identifier[set<&ast::levels_decl::name>]] >
          braces("level set")[named("a level")[identifier[push<&ast::levels_decl::levels>] % sep >> -sep]]];
inline const auto category_decl_def =
    built[kw(keyword::category) >
          named("the category set's name")[identifier[set<&ast::category_decl::name>]] >
          braces("category set")[named(
              "a category")[identifier[push<&ast::category_decl::categories>] % sep >> -sep]]];
inline const auto unit_decl_def = built[kw(keyword::unit) > unit[push<&ast::unit_decl::units>] >>
                                        *(comma >> unit[push<&ast::unit_decl::units>])];

inline const auto rubric_item_def = metadata | year_decl | total_decl | grade_table | policy | rule_def |
                                    levels_decl | category_decl | unit_decl | input_decl | note_clause |
                                    indicator | group | override_decl | extra_block | veto | acknowledge;
inline const auto library_item_def =
    metadata | year_decl | note_clause | rule_def | levels_decl | category_decl | unit_decl | acknowledge;

// ---- The file
inline const auto import_decl_def =
    built[kw(keyword::import) > string[set<&ast::import_decl::file>] >
          -(kw(keyword::as) > identifier[set<&ast::import_decl::alias>]) > -sep];

inline const auto rubric_form =
    (kw(keyword::rubric)[set_to<&ast::source_module::kind, ast::module_kind::rubric>] |
     kw(keyword::template_)[set_to<&ast::source_module::kind, ast::module_kind::template_>]) >
    named("a title in quotes")[text[set<&ast::source_module::title>]] >
    -(kw(keyword::extends) > string[set<&ast::source_module::base>]) >
    named("`{`")[braces("rubric", rubric_contents)[*(rubric_item[push<&ast::source_module::items>] >> -sep)]];
inline const auto library_form =
    kw(keyword::library)[set_to<&ast::source_module::kind, ast::module_kind::library>] >
    named("a title in quotes")[text[set<&ast::source_module::title>]] >
    named("`{`")[braces("library",
                        library_contents)[*(library_item[push<&ast::source_module::items>] >> -sep)]];
inline const auto test_suite_form =
    kw(keyword::tests)[set_to<&ast::source_module::kind, ast::module_kind::test_suite>] > kw(keyword::for_) >
    named("the rubric's file in quotes")[string[set<&ast::source_module::title>]] >
    named("`{`")[braces(
        "test suite",
        "a test suite holds `测试`/`test` blocks")[*test_case[push<&ast::source_module::tests>]]];

inline const auto source_module_def =
    built[*import_decl[push<&ast::source_module::imports>] >
          named("`评分表`/`rubric`, `模板`/`template`, `规则库`/`library` or `测试集`/`tests`")
              [rubric_form | library_form | test_suite_form] > *test_case[push<&ast::source_module::tests>] >
          named("`测试`/`test` or the end of the file")[x3::eoi]];

BOOST_SPIRIT_DEFINE(import_decl, metadata, year_decl, total_decl, grade_band, grade_table,
                    step_counting_policy, percent_steps_policy, rounding_policy, missing_policy,
                    not_applicable_policy, policy_entry, policy, parameter, rule_def, levels_decl,
                    category_decl, unit_decl, rubric_item, library_item, source_module)

} // namespace rubric::syntax::parser

// structure_def.hpp — groups, indicators, items and their clauses (grammar/rubric.ebnf section 3), with the
// inputs and types they declare (section 2, InputDecl and Type).
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

// What a body may hold, for the note under "expected `}` to close …".
inline constexpr std::string_view indicator_contents =
    "an indicator holds clauses that start with a keyword: `取值`/`value`, `目标`/`target`, `规则`/`rule`, "
    "`原文`/`text`, `输入`/`input`, `分项`/`item`, `汇总`/`combine`, `不适用`/`not_applicable`, "
    "`豁免`/`exempt`, …";
inline constexpr std::string_view group_contents = "a group holds `分组`/`group`, `指标`/`indicator`, "
                                                   "`覆盖`/`override`, `一票否决`/`veto` and clauses such as "
                                                   "`原文`/`text`, `输入`/`input`, `不适用`/`not_applicable`";
inline constexpr std::string_view item_contents =
    "an item holds `取值`/`value`, `目标`/`target`, `规则`/`rule`, `原文`/`text`, `输入`/`input`, …";

// ---- Rules of this part only
struct text_clause_class : annotate_position {};
struct not_applicable_clause_class : annotate_position {};
struct exempt_clause_class : annotate_position {};
struct input_range_class : annotate_position {};
struct input_default_class : annotate_position {};
struct input_option_class : annotate_position {};
struct input_spec_class : annotate_position {};
struct value_clause_class : annotate_position {};
struct target_supplied_class : annotate_position {};
struct target_value_class : annotate_position {};
struct target_spec_class : annotate_position {};
struct target_clause_class : annotate_position {};
struct rule_clause_class : annotate_position {};
struct item_clause_class : annotate_position {};
struct item_class : annotate_position {};
struct combine_clause_class : annotate_position {};
struct zero_out_class : annotate_position {};
struct force_grade_class : annotate_position {};
struct veto_effect_class : annotate_position {};
struct category_weight_class : annotate_position {};
struct weight_by_category_class : annotate_position {};
// No annotation: a weight is its quantity or weight_by_category node, each with its own range (the
// rule's range would include the keyword 权重).
struct weight_class {};
struct indicator_item_class : annotate_position {};
struct group_item_class : annotate_position {};
struct node_class : annotate_position {};

inline const x3::rule<text_clause_class, ast::text_clause> text_clause = "text clause";
inline const x3::rule<not_applicable_clause_class, ast::not_applicable_clause> not_applicable_clause =
    "not applicable";
inline const x3::rule<exempt_clause_class, ast::exempt_clause> exempt_clause = "exempt";
inline const x3::rule<input_range_class, ast::input_range> input_range = "input option";
inline const x3::rule<input_default_class, ast::input_default> input_default = "input option";
inline const x3::rule<input_option_class, ast::input_option> input_option = "input option";
inline const x3::rule<input_spec_class, ast::input_spec> input_spec = "input";
inline const x3::rule<value_clause_class, ast::value_clause> value_clause = "value clause";
inline const x3::rule<target_supplied_class, ast::target_supplied> target_supplied = "target";
inline const x3::rule<target_value_class, ast::target_value> target_value = "target";
inline const x3::rule<target_spec_class, ast::target_spec> target_spec = "target";
inline const x3::rule<target_clause_class, ast::target_clause> target_clause = "target clause";
inline const x3::rule<rule_clause_class, ast::rule_clause> rule_clause = "rule clause";
inline const x3::rule<item_clause_class, ast::item_clause> item_clause = "item clause";
inline const x3::rule<item_class, ast::item> item = "item";
inline const x3::rule<combine_clause_class, ast::combine_clause> combine_clause = "combine";
inline const x3::rule<zero_out_class, ast::zero_out> zero_out = "veto effect";
inline const x3::rule<force_grade_class, ast::force_grade> force_grade = "veto effect";
inline const x3::rule<veto_effect_class, ast::veto_effect> veto_effect = "veto effect";
inline const x3::rule<category_weight_class, ast::category_weight> category_weight = "category weight";
inline const x3::rule<weight_by_category_class, ast::weight_by_category> weight_by_category = "weight";
inline const x3::rule<weight_class, ast::weight> weight = "weight";
inline const x3::rule<indicator_item_class, ast::indicator_item> indicator_item = "indicator clause";
inline const x3::rule<group_item_class, ast::group_item> group_item = "group clause";
inline const x3::rule<node_class, ast::node> node = "group or indicator";

// ---- Types and inputs
inline const auto type_spec_def =
    built[kw(keyword::percent)[set_to<&ast::type_spec::kind, ast::value_type::percent>] |
          (kw(keyword::amount)[set_to<&ast::type_spec::kind, ast::value_type::amount>] >
           unit[set<&ast::type_spec::unit>]) |
          (kw(keyword::count)[set_to<&ast::type_spec::kind, ast::value_type::count>] >
           unit[set<&ast::type_spec::unit>]) |
          (kw(keyword::number)[set_to<&ast::type_spec::kind, ast::value_type::number>] >>
           -unit[set<&ast::type_spec::unit>]) |
          kw(keyword::boolean)[set_to<&ast::type_spec::kind, ast::value_type::boolean>] |
          kw(keyword::date)[set_to<&ast::type_spec::kind, ast::value_type::date>] |
          (identifier[set<&ast::type_spec::level_set>] >>
           x3::eps[set_to<&ast::type_spec::kind, ast::value_type::level>])];
inline const auto input_range_def = built[kw(keyword::range) > value_range[set<&ast::input_range::bounds>]];
inline const auto input_default_def = built[kw(keyword::default_) > literal[set<&ast::input_default::value>]];
inline const auto input_option_def = text | input_range | input_default;
inline const auto input_spec_def =
    built[identifier[set<&ast::input_spec::name>] > colon >
          named("a type (`百分比`/`percent`, `金额 万元`/`amount 万元`, `计数 人`/`count 人`, "
                "`数值`/`number`, `是否`/`boolean`, `日期`/`date` or a level set)")
              [type_spec[set<&ast::input_spec::type>]] > -(eq > expression[set<&ast::input_spec::formula>]) >
          *input_option[push<&ast::input_spec::options>]];
inline const auto input_decl_def =
    built[kw(keyword::input) >
          named("an input name and its type (`名称: 类型`)")[input_spec[push<&ast::input_decl::inputs>]] >>
          *(comma >> input_spec[push<&ast::input_decl::inputs>])];

// ---- Clauses
inline const auto text_clause_def =
    built[text_kind[set<&ast::text_clause::kind>] > text[set<&ast::text_clause::value>]];
inline const auto note_clause_def =
    built[kw(keyword::note)[set_to<&ast::text_clause::kind, ast::text_kind::note>] >
          text[set<&ast::text_clause::value>]];
inline const auto not_applicable_clause_def =
    built[kw(keyword::not_applicable) > na_effect[set<&ast::not_applicable_clause::effect>]];
inline const auto exempt_clause_def = built[kw(keyword::exempt) > text[set<&ast::exempt_clause::reason>] >
                                            -exempt_effect[set<&ast::exempt_clause::effect>]];
inline const auto acknowledge_def =
    built[kw(keyword::acknowledge) >
          named("a warning code (`W0501`)")[identifier[set<&ast::acknowledge::code>]] >
          text[set<&ast::acknowledge::reason>]];
inline const auto value_clause_def =
    built[kw(keyword::value) > named("a value: a formula (`执行数 / 预算数`) or an input (`名称: 类型`)")
                                   [((identifier >> colon)[set<&ast::value_clause::input>] >
                                     type_spec[set<&ast::value_clause::type>] >
                                     -(eq > expression[set<&ast::value_clause::formula>])) |
                                    expression[set<&ast::value_clause::formula>]]];
inline const auto target_supplied_def =
    built[-comparison_op[set<&ast::target_supplied::op>] >> kw(keyword::supplied_by_unit)];
inline const auto target_value_def =
    built[-comparison_op[set<&ast::target_value::op>] >> sum_expression[set<&ast::target_value::value>]];
inline const auto target_spec_def = target_supplied | text | interval | target_value;
inline const auto target_clause_def =
    built[kw(keyword::target) >
          named(
              "a target (`≥ 95%`, `[90%, 100%]`, `由单位填报`/`supplied_by_unit` or a description in quotes)")
              [target_spec[set<&ast::target_clause::goal>]]];
inline const auto rule_clause_def =
    built[kw(keyword::rule) >
          named("a rule (`每降低`/`per_drop …`, `分档`/`bands`, `情形`/`cases`, `按档次`/`by_level`, "
                "`要点`/`checklist`, "
                "`评定`/`judged`, a named rule, …)")[rule_body[set<&ast::rule_clause::body>]]];
inline const auto combine_clause_def =
    built[kw(keyword::combine) >
          (simple_combine[set<&ast::combine_clause::mode>] |
           (kw(keyword::one_of)[set_to<&ast::combine_clause::mode, ast::combine_mode::one_of>] >
            chooser[set<&ast::combine_clause::chosen_by>]))];
inline const auto zero_out_def = built[kw(keyword::zero_out) >> -path[set<&ast::zero_out::target>]];
inline const auto force_grade_def = built[kw(keyword::grade) > identifier[set<&ast::force_grade::grade>]];
inline const auto veto_effect_def = zero_out | force_grade;
inline const auto veto_def =
    built[kw(keyword::veto) > -text[set<&ast::veto::description>] > kw(keyword::when) >
          expression[set<&ast::veto::condition>] > colon >
          named("`清零`/`zero_out` or `等级`/`grade`")[veto_effect[set<&ast::veto::effect>]]];

// ---- Items, indicators, groups
inline const auto item_clause_def =
    text_clause | input_decl | value_clause | target_clause | rule_clause | acknowledge;
inline const auto item_def =
    built[kw(keyword::item) > name[set<&ast::item::name>] >
          braces("item", item_contents)[*(item_clause[push<&ast::item::clauses>] >> -sep)]];

inline const auto category_weight_def = identifier > colon > quantity;
inline const auto weight_by_category_def =
    built[kw(keyword::by) > named("a category set")[identifier[set<&ast::weight_by_category::category_set>]] >
          parens(
              "weights by category")[named("a category and its weight (`主城各区: 10`)")
                                         [category_weight[push<&ast::weight_by_category::weights>] % comma]]];
inline const auto weight_def = kw(keyword::weight) >
                               named("a weight in points (`4`, `4分`), a share of the parent (`20%`) or "
                                     "`依`/`by` a category")[weight_by_category | quantity];

inline const auto indicator_item_def = text_clause | input_decl | not_applicable_clause | acknowledge |
                                       value_clause | target_clause | rule_clause | item | combine_clause |
                                       exempt_clause;
inline const auto indicator_def =
    built[kw(keyword::indicator) > named("the indicator's name")[path[set<&ast::indicator::name>]] >
          -weight[set<&ast::indicator::weight>] >
          named("a weight (`权重`/`weight`) or `{` after the indicator's name")[node_braces(
              "indicator", indicator_contents)[*(indicator_item[push<&ast::indicator::items>] >> -sep)]]];

inline const auto group_item_def =
    text_clause | input_decl | not_applicable_clause | acknowledge | indicator | group | override_decl | veto;
inline const auto group_def =
    built[kw(keyword::group) > named("the group's name")[path[set<&ast::group::name>]] >
          -weight[set<&ast::group::weight>] >
          named("a weight (`权重`/`weight`) or `{` after the group's name")[node_braces(
              "group", group_contents)[*(group_item[push<&ast::group::items>] >> -sep)]]];

inline const auto node_def = indicator | group;
inline const auto override_decl_def =
    built[kw(keyword::override) >
          named("`指标`/`indicator` or `分组`/`group`")[node[set<&ast::override_decl::target>]]];
inline const auto extra_block_def =
    built[extra_kind[set<&ast::extra_block::kind>] > named("a name")[name[set<&ast::extra_block::name>]] >
          -(kw(keyword::at_most) > quantity[set<&ast::extra_block::at_most>]) >
          named("`{` or `最多`/`at_most`")[braces(
              "block", group_contents)[*(group_item[push<&ast::extra_block::items>] >> -sep)]]];

BOOST_SPIRIT_DEFINE(type_spec, input_range, input_default, input_option, input_spec, input_decl, text_clause,
                    note_clause, not_applicable_clause, exempt_clause, acknowledge, value_clause,
                    target_supplied, target_value, target_spec, target_clause, rule_clause, combine_clause,
                    zero_out, force_grade, veto_effect, veto, item_clause, item, category_weight,
                    weight_by_category, weight, indicator_item, indicator, group_item, group, node,
                    override_decl, extra_block)

} // namespace rubric::syntax::parser

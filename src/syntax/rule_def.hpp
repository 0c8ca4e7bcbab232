// rule_def.hpp — the rule forms (grammar/rubric.ebnf section 4): steps, bands, cases, levels, proportional,
// formula, checklist, judged, pending, rank and calls of named rules.
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

// ---- Rules of this part only
struct atom_class : annotate_position {};
struct amount_class : annotate_position {};
struct base_score_class : annotate_position {};
struct from_option_class : annotate_position {};
struct step_option_class : annotate_position {};
struct step_clause_class : annotate_position {};
struct bound_clause_class : annotate_position {};
struct step_part_class : annotate_position {};
struct step_rule_class : annotate_position {};
struct band_class : annotate_position {};
struct band_table_class : annotate_position {};
struct case_clause_class : annotate_position {};
struct case_table_class : annotate_position {};
struct level_outcome_class : annotate_position {};
struct level_map_class : annotate_position {};
struct outcome_class : annotate_position {};
struct nested_rule_class : annotate_position {};
struct judged_class : annotate_position {};
struct score_formula_class : annotate_position {};
struct check_outcome_class : annotate_position {};
struct check_item_class : annotate_position {};
struct checklist_class : annotate_position {};
struct pending_class : annotate_position {};
struct rank_rule_class : annotate_position {};
struct argument_class : annotate_position {};
struct rule_call_class : annotate_position {};

inline const x3::rule<atom_class, ast::atom> atom = "amount";
inline const x3::rule<amount_class, ast::amount> amount = "amount";
inline const x3::rule<base_score_class, ast::base_score> base_score = "base score";
inline const x3::rule<from_option_class, ast::from_option> from_option = "step option";
inline const x3::rule<step_option_class, ast::step_option> step_option = "step option";
inline const x3::rule<step_clause_class, ast::step_clause> step_clause = "step clause";
inline const x3::rule<bound_clause_class, ast::bound_clause> bound_clause = "bound";
inline const x3::rule<step_part_class, ast::step_part> step_part = "step clause";
inline const x3::rule<step_rule_class, ast::step_rule> step_rule = "step clause";
inline const x3::rule<band_class, ast::band> band = "band";
inline const x3::rule<band_table_class, ast::band_table> band_table = "bands";
inline const x3::rule<case_clause_class, ast::case_clause> case_clause = "case";
inline const x3::rule<case_table_class, ast::case_table> case_table = "cases";
inline const x3::rule<level_outcome_class, ast::level_outcome> level_outcome = "level outcome";
inline const x3::rule<level_map_class, ast::level_map> level_map = "level map";
inline const x3::rule<outcome_class, ast::outcome> outcome = "outcome";
inline const x3::rule<nested_rule_class, ast::nested_rule> nested_rule = "outcome";
inline const x3::rule<judged_class, ast::judged> judged = "judged";
inline const x3::rule<score_formula_class, ast::score_formula> score_formula = "formula";
inline const x3::rule<check_outcome_class, ast::check_outcome> check_outcome = "checklist outcome";
inline const x3::rule<check_item_class, ast::check_item> check_item = "checklist item";
inline const x3::rule<checklist_class, ast::checklist> checklist = "checklist";
inline const x3::rule<pending_class, ast::pending> pending = "pending";
inline const x3::rule<rank_rule_class, ast::rank_rule> rank_rule = "rank";
inline const x3::rule<argument_class, ast::argument> argument = "argument";
inline const x3::rule<rule_call_class, ast::rule_call> rule_call = "rule call";

// ---- Definitions
inline const auto rule_body_def = step_rule | band_table | case_table | level_map | proportional_rule |
                                  score_formula | checklist | judged | pending | rank_rule | rule_call;

// 4.1 Steps
inline const auto atom_def = signed_quantity | qualified_name;
inline const auto amount_def = atom >> x3::matches[kw(keyword::weight)];
inline const auto base_score_def = built[kw(keyword::base) > amount[set<&ast::base_score::points>]];
inline const auto from_option_def = built[kw(keyword::from) > sum_expression[set<&ast::from_option::start>]];
inline const auto step_option_def = counting_option | percent_option | from_option;
inline const auto step_clause_def =
    built[-(kw(keyword::on) > qualified_name[set<&ast::step_clause::on>]) >>
          step_direction[set<&ast::step_clause::direction>] > atom[set<&ast::step_clause::step>] >
          step_verb[set<&ast::step_clause::verb>] > amount[set<&ast::step_clause::per_step>] >
          -(-sep >> kw(keyword::at_most) > amount[set<&ast::step_clause::at_most>]) >
          -parens("step options")[step_option[push<&ast::step_clause::options>] % comma]];
inline const auto bound_clause_def =
    built[kw(keyword::until_zero)[set_to<&ast::bound_clause::kind, ast::bound_kind::until_zero>] |
          (limit_bound[set<&ast::bound_clause::kind>] > amount[set<&ast::bound_clause::limit>])];
inline const auto step_part_def = base_score | step_clause | bound_clause;
inline const auto step_rule_def =
    built[step_part[push<&ast::step_rule::parts>] >> *(-sep >> step_part[push<&ast::step_rule::parts>])];

// 4.2 Bands, 4.3 cases, 4.4 levels, and what they give
inline const auto outcome_def = fixed_score | judged | nested_rule | amount;
inline const auto nested_rule_def = built[braces("rule")[rule_body[set<&ast::nested_rule::body>]]];
inline const auto band_def =
    built[(kw(keyword::otherwise) | (value_range[set<&ast::band::range_of_value>] >>
                                     -(kw(keyword::and_) > expression[set<&ast::band::condition>]))) > colon >
          outcome[set<&ast::band::result>]];
inline const auto band_table_def =
    built[kw(keyword::bands) > braces("bands")[named("a band (`≥ 90%: 满分`, `[60%, 90%): 5分`, `否则: 0`)")
                                                   [band[push<&ast::band_table::bands>] % sep >> -sep]]];
inline const auto case_clause_def =
    built[((kw(keyword::when) > expression[set<&ast::case_clause::condition>]) | kw(keyword::otherwise)) >
          colon > outcome[set<&ast::case_clause::result>]];
inline const auto case_table_def =
    built[kw(keyword::cases) >
          braces("cases")[named("a case (`当 条件: 结果`/`when …: …`, `否则: …`)")
                              [case_clause[push<&ast::case_table::cases>] % sep >> -sep]]];
inline const auto level_outcome_def =
    built[(kw(keyword::otherwise) | identifier[set<&ast::level_outcome::level>]) > colon >
          outcome[set<&ast::level_outcome::result>]];
inline const auto level_map_def =
    built[kw(keyword::by_level) >
          braces("level map")[named("a level and its outcome (`好: 满分`)")
                                  [level_outcome[push<&ast::level_map::levels>] % sep >> -sep]]];

// 4.6 Formula, 4.7 checklist, 4.8 judged, 4.9 pending, 4.10 rank, 4.11 calls
inline const auto score_formula_def =
    built[kw(keyword::score) > eq > expression[set<&ast::score_formula::formula>] >
          *(-sep >> bound_clause[push<&ast::score_formula::bounds>])];
inline const auto check_outcome_def =
    built[(kw(keyword::gate)[set_to<&ast::check_outcome::kind, ast::check_outcome_kind::gate>] >>
           -amount[set<&ast::check_outcome::points>]) |
          (kw(keyword::deduct)[set_to<&ast::check_outcome::kind, ast::check_outcome_kind::deduct>] >
           amount[set<&ast::check_outcome::points>]) |
          amount[set<&ast::check_outcome::points>]];
inline const auto check_item_def =
    built[(identifier[set<&ast::check_item::label>] | digits_name[set<&ast::check_item::label>]) >>
          -text[set<&ast::check_item::description>] >>
          -(colon > check_outcome[set<&ast::check_item::result>])];
inline const auto checklist_def =
    built[kw(keyword::checklist) >>
          -(kw(keyword::all_or_nothing)[set_to<&ast::checklist::mode, ast::checklist_mode::all_or_nothing>] |
            (kw(keyword::each)[set_to<&ast::checklist::mode, ast::checklist_mode::each>] >
             amount[set<&ast::checklist::each>])) >
          braces("checklist")[named("a checklist item: a label, a description, an outcome (`资料完整 \"…\": "
                                    "2分`)")[check_item[push<&ast::checklist::items>] % sep >> -sep]]];
inline const auto judged_def =
    built[kw(keyword::judged) >> -(interval[set<&ast::judged::within>] >>
                                   -kw(keyword::weight)[set_to<&ast::judged::of_weight, true>]) >>
          -kw(keyword::reason_required)[set_to<&ast::judged::reason_required, true>]];
inline const auto pending_def = built[kw(keyword::pending) >> -text[set<&ast::pending::note>]];
inline const auto rank_rule_def =
    built[kw(keyword::rank) > rank_order[set<&ast::rank_rule::order>] > kw(keyword::top) >
          quantity[set<&ast::rank_rule::top>] > kw(keyword::full) > -sep > kw(keyword::per_place) >
          kw(keyword::deduct) > amount[set<&ast::rank_rule::per_place>] >
          *(-sep >> bound_clause[push<&ast::rank_rule::bounds>])];
inline const auto argument_def =
    built[-(identifier >> eq)[set<&ast::argument::parameter>] >> expression[set<&ast::argument::value>]];
inline const auto rule_call_def =
    built[qualified_name[set<&ast::rule_call::rule>] >>
          -parens("argument list")[named("an argument")[argument[push<&ast::rule_call::arguments>] % comma]]];

BOOST_SPIRIT_DEFINE(rule_body, atom, amount, base_score, from_option, step_option, step_clause, bound_clause,
                    step_part, step_rule, outcome, nested_rule, band, band_table, case_clause, case_table,
                    level_outcome, level_map, score_formula, check_outcome, check_item, checklist, judged,
                    pending, rank_rule, argument, rule_call)

} // namespace rubric::syntax::parser

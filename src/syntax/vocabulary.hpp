// vocabulary.hpp — the keyword and operator choices of the grammar, each giving the AST value it stands for.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/keywords.hpp"
#include "syntax/tokens.hpp"

namespace rubric::syntax::parser {

// ==== Expressions (section 5)
inline constexpr punct_option<ast::binary_op> additive_ops[] = {{"+", ast::binary_op::add},
                                                                {"-", ast::binary_op::subtract}};
inline constexpr punct_option<ast::binary_op> multiplicative_ops[] = {{"*", ast::binary_op::multiply},
                                                                      {"×", ast::binary_op::multiply},
                                                                      {"/", ast::binary_op::divide},
                                                                      {"÷", ast::binary_op::divide}};
inline constexpr punct_option<ast::unary_op> sign_ops[] = {{"-", ast::unary_op::negate},
                                                           {"+", ast::unary_op::plus}};
inline constexpr punct_option<bool> interval_openers[] = {{"[", true}, {"(", false}, {"（", false}};
inline constexpr punct_option<bool> interval_closers[] = {{"]", true}, {")", false}, {"）", false}};
inline constexpr keyword_option<ast::binary_op> or_keyword[] = {{keyword::or_, ast::binary_op::or_}};
inline constexpr keyword_option<ast::binary_op> and_keyword[] = {{keyword::and_, ast::binary_op::and_}};
inline constexpr keyword_option<bool> bool_keywords[] = {{keyword::true_, true}, {keyword::false_, false}};
inline constexpr keyword_option<ast::context_kind> context_keywords[] = {
    {keyword::met, ast::context_kind::met},
    {keyword::value, ast::context_kind::value},
    {keyword::target, ast::context_kind::target},
    {keyword::weight, ast::context_kind::weight}};
inline constexpr keyword_option<ast::function_name> function_keywords[] = {
    {keyword::min, ast::function_name::min},
    {keyword::max, ast::function_name::max},
    {keyword::abs, ast::function_name::abs},
    {keyword::round, ast::function_name::round}};
inline constexpr keyword_option<rounding_mode> rounding_mode_keywords[] = {
    {keyword::half_up, rounding_mode::half_up},
    {keyword::half_even, rounding_mode::half_even},
    {keyword::half_down, rounding_mode::half_down},
    {keyword::down, rounding_mode::down},
    {keyword::up, rounding_mode::up},
    {keyword::floor, rounding_mode::floor},
    {keyword::ceiling, rounding_mode::ceiling}};

inline constexpr punct_choice_parser<ast::binary_op> additive_op{additive_ops, "`+` or `-`"};
inline constexpr punct_choice_parser<ast::binary_op> multiplicative_op{multiplicative_ops, "`×` or `÷`"};
inline constexpr punct_choice_parser<ast::unary_op> sign_op{sign_ops, "`-`"};
inline constexpr punct_choice_parser<bool> interval_open{interval_openers, "`[` or `(`"};
inline constexpr punct_choice_parser<bool> interval_close{interval_closers, "`]` or `)`"};
inline constexpr keyword_choice_parser<ast::binary_op> or_op{or_keyword, "`或`/`or`"};
inline constexpr keyword_choice_parser<ast::binary_op> and_op{and_keyword, "`且`/`and`"};
inline constexpr keyword_choice_parser<ast::function_name> function_name{function_keywords,
                                                                         "a function (min, max, abs, round)"};
inline constexpr keyword_node_parser<ast::bool_literal, bool, &ast::bool_literal::value> bool_literal{
    bool_keywords, "`是`/`true` or `否`/`false`"};
inline constexpr keyword_node_parser<ast::context_value, ast::context_kind, &ast::context_value::kind>
    context_value{context_keywords, "`达标`, `取值`, `目标` or `权重`"};
inline constexpr keyword_node_parser<ast::rounding_mode_argument, rounding_mode,
                                     &ast::rounding_mode_argument::mode>
    rounding_mode_argument{rounding_mode_keywords, "a rounding mode (四舍五入/half_up, …)"};

// ==== Rules (section 4)
inline constexpr keyword_option<ast::step_counting> step_counting_keywords[] = {
    {keyword::pro_rata, ast::step_counting::pro_rata},
    {keyword::full_steps, ast::step_counting::full_steps},
    {keyword::started_steps, ast::step_counting::started_steps}};
inline constexpr keyword_option<ast::percent_step> percent_step_keywords[] = {
    {keyword::percentage_points, ast::percent_step::percentage_points},
    {keyword::relative, ast::percent_step::relative}};
inline constexpr keyword_option<ast::step_direction> step_direction_keywords[] = {
    {keyword::per_drop, ast::step_direction::per_drop},
    {keyword::per_rise, ast::step_direction::per_rise},
    {keyword::per_deviation, ast::step_direction::per_deviation},
    {keyword::per_occurrence, ast::step_direction::per_occurrence}};
inline constexpr keyword_option<ast::step_verb> step_verb_keywords[] = {
    {keyword::deduct, ast::step_verb::deduct}, {keyword::add, ast::step_verb::add}};
inline constexpr keyword_option<ast::bound_kind> limit_bound_keywords[] = {
    {keyword::floor_at, ast::bound_kind::floor_at}, {keyword::cap_at, ast::bound_kind::cap_at}};
inline constexpr keyword_option<ast::fixed_outcome> fixed_outcome_keywords[] = {
    {keyword::full, ast::fixed_outcome::full}, {keyword::zero, ast::fixed_outcome::zero}};
inline constexpr keyword_option<ast::proportional_kind> proportional_keywords[] = {
    {keyword::proportional, ast::proportional_kind::proportional},
    {keyword::inverse_proportional, ast::proportional_kind::inverse_proportional},
    {keyword::completion_ratio, ast::proportional_kind::completion_ratio}};
inline constexpr keyword_option<ast::rank_order> rank_order_keywords[] = {
    {keyword::higher_better, ast::rank_order::higher_better},
    {keyword::lower_better, ast::rank_order::lower_better}};

inline constexpr keyword_choice_parser<ast::step_direction> step_direction{
    step_direction_keywords, "a step (`每降低`/`per_drop`, `每增加`/`per_rise`, `每偏离`/`per_deviation`, "
                             "`每发现`/`per_occurrence`)"};
inline constexpr keyword_choice_parser<ast::step_verb> step_verb{step_verb_keywords,
                                                                 "`扣`/`deduct` or `加`/`add`"};
inline constexpr keyword_choice_parser<ast::bound_kind> limit_bound{limit_bound_keywords,
                                                                    "`保底`/`floor_at` or `封顶`/`cap_at`"};
inline constexpr keyword_choice_parser<ast::rank_order> rank_order{
    rank_order_keywords, "`高者优`/`higher_better` or `低者优`/`lower_better`"};
inline constexpr keyword_node_parser<ast::counting_option, ast::step_counting,
                                     &ast::counting_option::counting>
    counting_option{step_counting_keywords,
                    "a step counting (`按比例计步`/`pro_rata`, `按整步`/`full_steps`, "
                    "`按起算步数`/`started_steps`)"};
inline constexpr keyword_node_parser<ast::percent_option, ast::percent_step, &ast::percent_option::mode>
    percent_option{percent_step_keywords, "`按百分点`/`percentage_points` or `按相对值`/`relative`"};
inline constexpr keyword_node_parser<ast::fixed_score, ast::fixed_outcome, &ast::fixed_score::kind>
    fixed_score{fixed_outcome_keywords, "`满分`/`full` or `不得分`/`zero`"};
inline constexpr keyword_node_parser<ast::proportional_rule, ast::proportional_kind,
                                     &ast::proportional_rule::kind>
    proportional_rule{proportional_keywords, "`按比例`/`proportional`"};

// ==== Declarations, groups and indicators (sections 2 and 3)
inline constexpr keyword_option<ast::text_kind> text_kind_keywords[] = {
    {keyword::text, ast::text_kind::published},
    {keyword::explanation, ast::text_kind::explanation},
    {keyword::note, ast::text_kind::note}};
inline constexpr keyword_option<ast::na_effect> na_effect_keywords[] = {
    {keyword::full, ast::na_effect::full},
    {keyword::share, ast::na_effect::share},
    {keyword::rescale, ast::na_effect::rescale},
    {keyword::forbidden, ast::na_effect::forbidden}};
inline constexpr keyword_option<ast::exempt_effect> exempt_effect_keywords[] = {
    {keyword::full, ast::exempt_effect::full}, {keyword::not_applicable, ast::exempt_effect::not_applicable}};
inline constexpr keyword_option<ast::combine_mode> simple_combine_keywords[] = {
    {keyword::mean, ast::combine_mode::mean},
    {keyword::lowest, ast::combine_mode::lowest},
    {keyword::highest, ast::combine_mode::highest},
    {keyword::all_met, ast::combine_mode::all_met}};
inline constexpr keyword_option<ast::chooser> chooser_keywords[] = {
    {keyword::chosen_by_unit, ast::chooser::unit}, {keyword::chosen_by_evaluator, ast::chooser::evaluator}};
inline constexpr keyword_option<ast::extra_kind> extra_kind_keywords[] = {
    {keyword::bonus, ast::extra_kind::bonus}, {keyword::penalty, ast::extra_kind::penalty}};
inline constexpr keyword_option<ast::metadata_key> metadata_keywords[] = {
    {keyword::issuer, ast::metadata_key::issuer},
    {keyword::region, ast::metadata_key::region},
    {keyword::source, ast::metadata_key::source},
    {keyword::subject, ast::metadata_key::subject}};
inline constexpr keyword_option<ast::round_level> round_level_keywords[] = {
    {keyword::indicator, ast::round_level::indicator},
    {keyword::group, ast::round_level::group},
    {keyword::total, ast::round_level::total}};
inline constexpr keyword_option<ast::missing_effect> missing_effect_keywords[] = {
    {keyword::error, ast::missing_effect::error},
    {keyword::zero, ast::missing_effect::zero},
    {keyword::not_applicable, ast::missing_effect::not_applicable}};

inline constexpr keyword_choice_parser<ast::text_kind> text_kind{
    text_kind_keywords, "`原文`/`text`, `指标解释`/`explanation` or `说明`/`note`"};
inline constexpr keyword_choice_parser<ast::na_effect> na_effect{
    na_effect_keywords,
    "what follows (`满分`/`full`, `分给同级`/`share`, `折算`/`rescale`, `不允许`/`forbidden`)"};
inline constexpr keyword_choice_parser<ast::exempt_effect> exempt_effect{
    exempt_effect_keywords, "`满分`/`full` or `不适用`/`not_applicable`"};
inline constexpr keyword_choice_parser<ast::combine_mode> simple_combine{
    simple_combine_keywords, "`平均`/`mean`, `最低`/`lowest`, `最高`/`highest`, `全部达标`/`all_met`"};
inline constexpr keyword_choice_parser<ast::chooser> chooser{
    chooser_keywords, "`由单位选择`/`chosen_by_unit` or `由评价人选择`/`chosen_by_evaluator`"};
inline constexpr keyword_choice_parser<ast::extra_kind> extra_kind{extra_kind_keywords,
                                                                   "`加分项`/`bonus` or `减分项`/`penalty`"};
inline constexpr keyword_choice_parser<ast::metadata_key> metadata_key{
    metadata_keywords, "`发布机关`/`issuer`, `地区`/`region`, `来源`/`source` or `评价对象`/`subject`"};
inline constexpr keyword_choice_parser<ast::round_level> round_level{
    round_level_keywords, "what to round (`指标`/`indicator`, `分组`/`group` or `总分`/`total`)"};
inline constexpr keyword_choice_parser<ast::missing_effect> missing_effect{
    missing_effect_keywords, "`报错`/`error`, `不得分`/`zero` or `不适用`/`not_applicable`"};
inline constexpr keyword_choice_parser<ast::step_counting> step_counting{
    step_counting_keywords,
    "a step counting (`按比例计步`/`pro_rata`, `按整步`/`full_steps`, `按起算步数`/`started_steps`)"};
inline constexpr keyword_choice_parser<ast::percent_step> percent_step{
    percent_step_keywords, "`按百分点`/`percentage_points` or `按相对值`/`relative`"};
inline constexpr keyword_choice_parser<rounding_mode> rounding_mode_choice{
    rounding_mode_keywords, "a rounding mode (`四舍五入`/`half_up`, `银行家舍入`/`half_even`, …)"};

// ==== Tests (section 6)
inline constexpr keyword_option<ast::expect_kind> expect_kind_keywords[] = {
    {keyword::score, ast::expect_kind::score},
    {keyword::subtotal, ast::expect_kind::subtotal},
    {keyword::value, ast::expect_kind::value}};
inline constexpr keyword_option<ast::column_kind> path_column_keywords[] = {
    {keyword::target, ast::column_kind::target},
    {keyword::not_applicable, ast::column_kind::not_applicable},
    {keyword::judged, ast::column_kind::judged},
    {keyword::score, ast::column_kind::score},
    {keyword::subtotal, ast::column_kind::subtotal},
    {keyword::value, ast::column_kind::value}};
inline constexpr keyword_option<ast::column_kind> plain_column_keywords[] = {
    {keyword::total, ast::column_kind::total},
    {keyword::grade, ast::column_kind::grade},
    {keyword::error, ast::column_kind::error}};

inline constexpr keyword_choice_parser<ast::expect_kind> expect_kind{
    expect_kind_keywords, "`得分`/`score`, `小计`/`subtotal` or `取值`/`value`"};
inline constexpr keyword_choice_parser<ast::column_kind> path_column{path_column_keywords, "a column"};
inline constexpr keyword_choice_parser<ast::column_kind> plain_column{plain_column_keywords, "a column"};

} // namespace rubric::syntax::parser

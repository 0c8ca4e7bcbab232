// ast.cpp — names of the AST's keyword choices (the English keyword spelling), for dumps and messages.
#include "syntax/ast.hpp"

namespace rubric::ast {

std::string_view to_string(comparison_op v) noexcept {
    switch (v) {
    case comparison_op::ge:
        return ">=";
    case comparison_op::le:
        return "<=";
    case comparison_op::ne:
        return "!=";
    case comparison_op::eq:
        return "=";
    case comparison_op::gt:
        return ">";
    case comparison_op::lt:
        return "<";
    }
    return "?";
}

std::string_view to_symbol(comparison_op v) noexcept {
    switch (v) {
    case comparison_op::ge: return "≥";
    case comparison_op::le: return "≤";
    case comparison_op::ne: return "≠";
    case comparison_op::eq: return "=";
    case comparison_op::gt: return ">";
    case comparison_op::lt: return "<";
    }
    return "=";
}

std::string_view to_string(binary_op v) noexcept {
    switch (v) {
    case binary_op::or_:
        return "or";
    case binary_op::and_:
        return "and";
    case binary_op::ge:
        return ">=";
    case binary_op::le:
        return "<=";
    case binary_op::ne:
        return "!=";
    case binary_op::eq:
        return "=";
    case binary_op::gt:
        return ">";
    case binary_op::lt:
        return "<";
    case binary_op::add:
        return "+";
    case binary_op::subtract:
        return "-";
    case binary_op::multiply:
        return "*";
    case binary_op::divide:
        return "/";
    }
    return "?";
}

std::string_view to_string(unary_op v) noexcept {
    switch (v) {
    case unary_op::not_:
        return "not";
    case unary_op::negate:
        return "-";
    case unary_op::plus:
        return "+";
    }
    return "?";
}

std::string_view to_string(context_kind v) noexcept {
    switch (v) {
    case context_kind::met:
        return "met";
    case context_kind::value:
        return "value";
    case context_kind::target:
        return "target";
    case context_kind::weight:
        return "weight";
    }
    return "?";
}

std::string_view to_string(function_name v) noexcept {
    switch (v) {
    case function_name::min:
        return "min";
    case function_name::max:
        return "max";
    case function_name::abs:
        return "abs";
    case function_name::round:
        return "round";
    }
    return "?";
}

std::string_view to_string(value_type v) noexcept {
    switch (v) {
    case value_type::percent:
        return "percent";
    case value_type::amount:
        return "amount";
    case value_type::count:
        return "count";
    case value_type::number:
        return "number";
    case value_type::boolean:
        return "boolean";
    case value_type::date:
        return "date";
    case value_type::level:
        return "level";
    }
    return "?";
}

std::string_view to_string(step_counting v) noexcept {
    switch (v) {
    case step_counting::pro_rata:
        return "pro_rata";
    case step_counting::full_steps:
        return "full_steps";
    case step_counting::started_steps:
        return "started_steps";
    }
    return "?";
}

std::string_view to_string(percent_step v) noexcept {
    switch (v) {
    case percent_step::percentage_points:
        return "percentage_points";
    case percent_step::relative:
        return "relative";
    }
    return "?";
}

std::string_view to_string(step_direction v) noexcept {
    switch (v) {
    case step_direction::per_drop:
        return "per_drop";
    case step_direction::per_rise:
        return "per_rise";
    case step_direction::per_deviation:
        return "per_deviation";
    case step_direction::per_occurrence:
        return "per_occurrence";
    }
    return "?";
}

std::string_view to_string(step_verb v) noexcept {
    switch (v) {
    case step_verb::deduct:
        return "deduct";
    case step_verb::add:
        return "add";
    }
    return "?";
}

std::string_view to_string(bound_kind v) noexcept {
    switch (v) {
    case bound_kind::until_zero:
        return "until_zero";
    case bound_kind::floor_at:
        return "floor_at";
    case bound_kind::cap_at:
        return "cap_at";
    }
    return "?";
}

std::string_view to_string(fixed_outcome v) noexcept {
    switch (v) {
    case fixed_outcome::full:
        return "full";
    case fixed_outcome::zero:
        return "zero";
    }
    return "?";
}

std::string_view to_string(proportional_kind v) noexcept {
    switch (v) {
    case proportional_kind::proportional:
        return "proportional";
    case proportional_kind::inverse_proportional:
        return "inverse_proportional";
    case proportional_kind::completion_ratio:
        return "completion_ratio";
    }
    return "?";
}

std::string_view to_string(checklist_mode v) noexcept {
    switch (v) {
    case checklist_mode::plain:
        return "plain";
    case checklist_mode::all_or_nothing:
        return "all_or_nothing";
    case checklist_mode::each:
        return "each";
    }
    return "?";
}

std::string_view to_string(check_outcome_kind v) noexcept {
    switch (v) {
    case check_outcome_kind::award:
        return "award";
    case check_outcome_kind::gate:
        return "gate";
    case check_outcome_kind::deduct:
        return "deduct";
    }
    return "?";
}

std::string_view to_string(rank_order v) noexcept {
    switch (v) {
    case rank_order::higher_better:
        return "higher_better";
    case rank_order::lower_better:
        return "lower_better";
    }
    return "?";
}

std::string_view to_string(text_kind v) noexcept {
    switch (v) {
    case text_kind::published:
        return "text";
    case text_kind::explanation:
        return "explanation";
    case text_kind::note:
        return "note";
    }
    return "?";
}

std::string_view to_string(na_effect v) noexcept {
    switch (v) {
    case na_effect::full:
        return "full";
    case na_effect::share:
        return "share";
    case na_effect::rescale:
        return "rescale";
    case na_effect::forbidden:
        return "forbidden";
    }
    return "?";
}

std::string_view to_string(exempt_effect v) noexcept {
    switch (v) {
    case exempt_effect::full:
        return "full";
    case exempt_effect::not_applicable:
        return "not_applicable";
    }
    return "?";
}

std::string_view to_string(combine_mode v) noexcept {
    switch (v) {
    case combine_mode::mean:
        return "mean";
    case combine_mode::lowest:
        return "lowest";
    case combine_mode::highest:
        return "highest";
    case combine_mode::all_met:
        return "all_met";
    case combine_mode::one_of:
        return "one_of";
    }
    return "?";
}

std::string_view to_string(chooser v) noexcept {
    switch (v) {
    case chooser::unit:
        return "chosen_by_unit";
    case chooser::evaluator:
        return "chosen_by_evaluator";
    }
    return "?";
}

std::string_view to_string(extra_kind v) noexcept {
    switch (v) {
    case extra_kind::bonus:
        return "bonus";
    case extra_kind::penalty:
        return "penalty";
    }
    return "?";
}

std::string_view to_string(metadata_key v) noexcept {
    switch (v) {
    case metadata_key::issuer:
        return "issuer";
    case metadata_key::region:
        return "region";
    case metadata_key::source:
        return "source";
    case metadata_key::subject:
        return "subject";
    }
    return "?";
}

std::string_view to_string(round_level v) noexcept {
    switch (v) {
    case round_level::indicator:
        return "indicator";
    case round_level::group:
        return "group";
    case round_level::total:
        return "total";
    }
    return "?";
}

std::string_view to_string(missing_effect v) noexcept {
    switch (v) {
    case missing_effect::error:
        return "error";
    case missing_effect::zero:
        return "zero";
    case missing_effect::not_applicable:
        return "not_applicable";
    }
    return "?";
}

std::string_view to_string(expect_kind v) noexcept {
    switch (v) {
    case expect_kind::score:
        return "score";
    case expect_kind::subtotal:
        return "subtotal";
    case expect_kind::value:
        return "value";
    }
    return "?";
}

std::string_view to_string(column_kind v) noexcept {
    switch (v) {
    case column_kind::target:
        return "target";
    case column_kind::not_applicable:
        return "not_applicable";
    case column_kind::judged:
        return "judged";
    case column_kind::score:
        return "score";
    case column_kind::subtotal:
        return "subtotal";
    case column_kind::value:
        return "value";
    case column_kind::total:
        return "total";
    case column_kind::grade:
        return "grade";
    case column_kind::error:
        return "error";
    case column_kind::input:
        return "input";
    }
    return "?";
}

std::string_view to_string(module_kind v) noexcept {
    switch (v) {
    case module_kind::rubric:
        return "rubric";
    case module_kind::template_:
        return "template";
    case module_kind::library:
        return "library";
    case module_kind::test_suite:
        return "tests";
    }
    return "?";
}

} // namespace rubric::ast

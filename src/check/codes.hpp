// codes.hpp — the checker's diagnostic codes, one per kind of problem, as catalogued for users in
// grammar/README.md §17 (Diagnostics). E: the rubric does not load. W: it loads; the rubric may acknowledge
// the warning in place (`确认 W0501 "…"`). Source, limit and syntax codes (E00xx, E01xx) are the parser's.
#pragma once

#include <string_view>

namespace rubric::checker::codes {

// E02 — names
inline constexpr std::string_view duplicate_definition =
    "E0201"; // named rule, level set, category, unit, grade
inline constexpr std::string_view duplicate_input = "E0202";
inline constexpr std::string_view unknown_input = "E0203";
inline constexpr std::string_view unknown_path = "E0204"; // indicator or group path
inline constexpr std::string_view unknown_level = "E0205";
inline constexpr std::string_view unknown_rule = "E0206";
inline constexpr std::string_view wrong_rule_arguments = "E0207";
inline constexpr std::string_view recursive_rule = "E0208";
inline constexpr std::string_view unknown_category = "E0209";
inline constexpr std::string_view unused_input = "W0210";
inline constexpr std::string_view unused_definition = "W0211";
inline constexpr std::string_view duplicate_sibling = "E0212";
inline constexpr std::string_view value_missing = "E0213"; // the rule reads the value; no 取值
inline constexpr std::string_view ambiguous_path = "E0214";
inline constexpr std::string_view dotted_name_outside_extension = "E0215";
inline constexpr std::string_view unknown_grade = "E0216";
inline constexpr std::string_view duplicate_label = "E0217"; // checklist label or item name
inline constexpr std::string_view derived_cycle = "E0218";  // a derived input computed from itself
inline constexpr std::string_view rules_too_large = "E0219"; // named rules written out: over the limit

// E03 — types and units
inline constexpr std::string_view dimension_mismatch = "E0301";  // 万元 + %
inline constexpr std::string_view comparison_mismatch = "E0302"; // a date with a percent
inline constexpr std::string_view formula_not_points = "E0303";
inline constexpr std::string_view target_type_mismatch = "E0304";
inline constexpr std::string_view step_unit_mismatch = "E0305";
inline constexpr std::string_view points_on_non_percent = "E0306";
inline constexpr std::string_view zero_reference = "E0307";
inline constexpr std::string_view condition_not_boolean = "E0308";
inline constexpr std::string_view constant_division_by_zero = "E0309";
inline constexpr std::string_view wrong_function_arguments = "E0310";
inline constexpr std::string_view amount_without_unit = "E0311"; // 扣 0.5 → 扣 0.5分
inline constexpr std::string_view rule_form_mismatch = "E0312";
inline constexpr std::string_view met_on_descriptive_target = "E0313";
inline constexpr std::string_view option_type_mismatch = "E0314";
inline constexpr std::string_view unit_redeclared = "E0315";
inline constexpr std::string_view unknown_unit = "E0316"; // not built in, not declared (计量单位)

// E04 — weights, totals, grades
inline constexpr std::string_view weights_do_not_add_up = "E0401";
inline constexpr std::string_view total_mismatch = "E0402";
inline constexpr std::string_view missing_weight = "E0403";
inline constexpr std::string_view shares_do_not_add_up = "E0404";
inline constexpr std::string_view mixed_points_and_shares = "E0405";
inline constexpr std::string_view category_weights_incomplete = "E0406";
inline constexpr std::string_view weight_not_positive = "E0407";
inline constexpr std::string_view empty_group = "E0408";
inline constexpr std::string_view missing_total = "W0409";
inline constexpr std::string_view missing_published_text = "W0410";
inline constexpr std::string_view missing_source = "W0411";
inline constexpr std::string_view grade_gap = "E0412";
inline constexpr std::string_view grade_overlap = "E0413";
inline constexpr std::string_view extra_cap_not_positive = "E0414";

// E05 — rules
inline constexpr std::string_view rule_max_differs = "W0501";
inline constexpr std::string_view band_overlap = "E0502";
inline constexpr std::string_view band_gap = "E0503";
inline constexpr std::string_view band_unreachable = "W0504";
inline constexpr std::string_view score_below_zero = "W0505";
inline constexpr std::string_view score_above_weight = "W0506";
inline constexpr std::string_view checklist_mixed = "E0507";
inline constexpr std::string_view checklist_outcomes = "E0508";
inline constexpr std::string_view level_map_incomplete = "E0509";
inline constexpr std::string_view judged_range_outside_weight = "E0510";
inline constexpr std::string_view step_not_positive = "E0511";
inline constexpr std::string_view clause_never_applies = "W0512";
inline constexpr std::string_view items_without_combine = "E0513";
inline constexpr std::string_view threshold_on_deviation = "E0514";
inline constexpr std::string_view option_repeated = "E0515";
inline constexpr std::string_view cap_not_positive = "E0516";
inline constexpr std::string_view completion_ratio_target = "E0517";
inline constexpr std::string_view case_after_always = "W0518";
inline constexpr std::string_view base_repeated = "E0519";
inline constexpr std::string_view cases_without_otherwise = "E0520";
inline constexpr std::string_view missing_rule = "E0521";

// E06 — policies and implicit choices
inline constexpr std::string_view implicit_step_counting = "W0601";
inline constexpr std::string_view implicit_percent_steps = "W0602";
inline constexpr std::string_view implicit_rounding = "W0603";
inline constexpr std::string_view implicit_completion_sign = "W0604";
inline constexpr std::string_view policy_repeated = "E0606";

// E07 — imports and templates
inline constexpr std::string_view import_not_found = "E0701";
inline constexpr std::string_view import_cycle = "E0702";
inline constexpr std::string_view override_unknown = "E0703";
inline constexpr std::string_view redefined_without_override = "E0704";
inline constexpr std::string_view pending_in_rubric = "E0705";
inline constexpr std::string_view import_kind = "E0706";
inline constexpr std::string_view name_from_two_imports = "E0707";

// E08 — cohorts
inline constexpr std::string_view needs_cohort = "W0801";
inline constexpr std::string_view veto_target_not_group = "E0802";

// E09 — tests and acknowledgements
inline constexpr std::string_view acknowledgement_unused = "W0901";
inline constexpr std::string_view acknowledgement_of_error = "E0902";
inline constexpr std::string_view acknowledgement_without_reason = "E0903";
inline constexpr std::string_view test_value_type = "E0904";
inline constexpr std::string_view test_expects_nothing = "E0905";

} // namespace rubric::checker::codes

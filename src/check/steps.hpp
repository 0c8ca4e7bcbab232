// steps.hpp — how a step clause is read (README §9.1): its step counting and percent reading, explicit or by
// policy, and the reference its deviation is measured from. Shared by the type, bounds and policy passes.
#pragma once

#include "check/scope.hpp"
#include "check/subjects.hpp"

#include <optional>
#include <string>

namespace rubric::checker {

/// The clause's own options (nullopt/null when not written).
std::optional<ast::step_counting> counting_option(const ast::step_clause& c);
std::optional<ast::percent_step> percent_option(const ast::step_clause& c);
const ast::from_option* from_option(const ast::step_clause& c);

/// A step written in % or ‰ (not 百分点).
bool percent_step(const value_type& step);
/// A `%` step on a percent value: the case 按百分点/按相对值 decides.
bool percent_step_on_percent(const value_type& step, const value_type& measured);
/// Whether a step is written in a unit the measured value steps in: its own dimension, a relative `%`,
/// 个百分点 on a percent, 天 on a date, a plain number on a plain number (README §9.1; E0305, E0306
/// otherwise).
bool step_fits(const value_type& step, const value_type& measured);
/// Whether the deviation is divided by the reference (README §9.1, step 1): a `%` step read 按相对值, or any
/// `%` step on a value that is not a percent.
bool relative_step(const ast::step_clause& c, const value_type& step, const value_type& measured,
                   const detail::policies& policies);
/// The step counting in force for the clause: its option, the policy, else the default 按比例计步.
ast::step_counting step_counting_of(const ast::step_clause& c, const detail::policies& policies);

/// What a clause's deviation is measured from: `起扣`, else the target (an interval's bound on the clause's
/// side), else 0 for `每出现`.
struct step_reference {
    enum class kind { none, constant, interval, input, unknown };
    kind what = kind::none;
    std::optional<constant> low, high; ///< constant (low == high) and interval
    std::string input;                 ///< kind::input: the input named
    std::string text;                  ///< as written, for messages
    detail::origin where;
    bool implicit_zero = false; ///< `每出现` with no `起扣`
};
step_reference reference_of(const ast::step_clause& c, const scope& where, const subject& s,
                            const constants& read);

/// Whether a reference is 0 or can be 0 (an input whose domain holds 0): the words saying which, with `noun`
/// naming the reference ("the target is 0", "the reference “上年结转” can be 0 (its values: ≥ 0)").
std::optional<std::string> zero_reference(const step_reference& r, const checked_model& model,
                                          const std::string& noun);

} // namespace rubric::checker

// keywords.hpp — the keywords of grammar/rubric.ebnf (section 8): each with its English and Chinese
// spellings.
//
// A keyword is a whole WORD: `指标 支出进度率` starts with the keyword 指标, `指标支出进度率` is one name.
// The lexer reads a maximal WORD and looks it up here, which is what the EBNF's `( … ) !NAME_CHAR` says.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rubric::syntax {

/// One per KW_* rule of the EBNF, in its order (a trailing _ where the name is a C++ keyword).
enum class keyword : unsigned char {
    rubric,
    template_,
    library,
    extends,
    import,
    as,
    tests,
    for_,
    issuer,
    region,
    year,
    source,
    subject,
    note,
    total,
    grade,
    policy,
    step_counting,
    pro_rata,
    full_steps,
    started_steps,
    percent_steps,
    percentage_points,
    relative,
    round,
    places,
    missing,
    error,
    not_applicable,
    share,
    rescale,
    forbidden,
    half_up,
    half_even,
    half_down,
    down,
    up,
    floor,
    ceiling,
    define,
    rule,
    levels,
    category,
    unit,
    input,
    percent,
    amount,
    count,
    number,
    boolean,
    date,
    range,
    default_,
    group,
    indicator,
    weight,
    by,
    item,
    combine,
    mean,
    lowest,
    highest,
    all_met,
    one_of,
    chosen_by_unit,
    chosen_by_evaluator,
    text,
    explanation,
    value,
    target,
    supplied_by_unit,
    exempt,
    acknowledge,
    override,
    bonus,
    penalty,
    veto,
    when,
    zero_out,
    per_drop,
    per_rise,
    per_deviation,
    per_occurrence,
    on,
    deduct,
    add,
    at_most,
    from,
    base,
    until_zero,
    floor_at,
    cap_at,
    bands,
    otherwise,
    cases,
    by_level,
    proportional,
    inverse_proportional,
    completion_ratio,
    score,
    checklist,
    each,
    all_or_nothing,
    gate,
    judged,
    reason_required,
    pending,
    rank,
    higher_better,
    lower_better,
    top,
    per_place,
    full,
    zero,
    met,
    and_,
    or_,
    not_,
    true_,
    false_,
    min,
    max,
    abs,
    test,
    given,
    expect,
    table,
    subtotal,
    choose,
};

/// How many keywords there are (the enum's values are 0 … keyword_count − 1).
inline constexpr std::size_t keyword_count = static_cast<std::size_t>(keyword::choose) + 1;

/// The keyword spelled `word`, if any (English or any Chinese spelling).
std::optional<keyword> find_keyword(std::string_view word) noexcept;

/// The spellings of a keyword: English first, then the canonical Chinese spelling (grammar/README.md §3),
/// then its aliases.
std::span<const std::string_view> spellings(keyword k) noexcept;

/// The keyword for a message: "`权重`/`weight`" (the canonical Chinese spelling, then the English one).
std::string describe(keyword k);

} // namespace rubric::syntax

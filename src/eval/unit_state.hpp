// unit_state.hpp — a unit's values bound to a program (bind.cpp): typed, in the program's slots.
#pragma once

#include "plan/program.hpp"

#include <optional>
#include <rubric/decimal.hpp>
#include <rubric/source.hpp>
#include <string>
#include <vector>

namespace rubric::detail {

/// How an input was given: not at all, as a number, or only as a bound of it (`≥266米`). One byte per slot,
/// so that scoring reads what it needs to know of the slots it does not use without touching their values.
enum class given_as : std::uint8_t { absent, number, bound };

/// What the unit says about one node besides inputs.
struct node_marks {
    bool not_applicable = false;
    std::string not_applicable_reason;
    std::optional<std::size_t> exemption; ///< index into plan::node::exemptions
    std::string exemption_reason;
    std::optional<decimal> judged; ///< a score entered by the evaluator, in points
    std::string judged_reason;
    std::optional<std::size_t> choice; ///< the chosen item's node, for `择一`
    std::optional<ast::comparison_op> target_op; ///< a per-unit target
    std::optional<decimal> target;
    std::string target_text;
};

/// How a node's marks set it aside: not applicable (marked so, or by an exemption with that effect), or
/// exempt (scored as the exemption says); a node marked both is not applicable.
enum class set_aside_as : std::uint8_t { no, not_applicable, exempt };

/// A score the unit claims (自评), as written, for the audit.
struct claim {
    decimal score;
    std::string text;
    source_range where; ///< in the values file
};

struct unit_state {
    // What scoring reads for every unit first, together.
    /// By input slot: the value in base units (a bound's value when given as a bound), read for every unit
    /// scored, so kept to the number: the text as written is in input_texts.
    std::vector<decimal> inputs;
    std::vector<given_as> given; ///< by input slot
    /// By node: how it is set aside, if it is. Scoring reads this for every node and node_marks, large and
    /// mostly empty, only for the reasons.
    std::vector<set_aside_as> set_aside;
    /// Some derived input has all its raw figures given or defaulted (so it is computed), a raw figure is
    /// given only as a bound, or a formula reads a derived input. When not, every derived input is its
    /// reported value or its default, and scoring need not look at its raw figures.
    bool raw_figures_matter = false;

    std::string file;                                      ///< the values file's name
    std::vector<std::optional<ast::comparison_op>> bounds; ///< by input slot: a bound's comparator
    std::vector<std::string> input_texts;                  ///< by input slot: as written, for explanations
    std::vector<node_marks> nodes;                         ///< by node
    std::vector<std::optional<std::size_t>> categories; ///< by category set: the unit's category
    std::vector<std::optional<claim>> claims;           ///< by node: its claimed score or subtotal
    std::optional<claim> claimed_total;
    std::optional<std::size_t> claimed_grade;           ///< index into program::grade_names
    source_range claimed_grade_where;
};

/// Asks for every line of the arrays scoring reads at once: they are separate allocations, cold when units
/// are scored one after another, and waiting on each in turn costs more than scoring.
inline void prefetch_scored_arrays(const unit_state& unit) noexcept {
    const auto lines = [](const void* data, std::size_t bytes) {
        const char* p = static_cast<const char*>(data);
        for (std::size_t at = 0; at < bytes; at += 64)
            __builtin_prefetch(p + at);
    };
    lines(unit.given.data(), unit.given.size());
    lines(unit.set_aside.data(), unit.set_aside.size());
    lines(unit.inputs.data(), unit.inputs.size() * sizeof(decimal));
}

} // namespace rubric::detail

// unit_state.hpp — a unit's values bound to a program (bind.cpp): typed, in the program's slots.
#pragma once

#include "plan/program.hpp"

#include <optional>
#include <rubric/decimal.hpp>
#include <rubric/source.hpp>
#include <string>
#include <vector>

namespace rubric::detail {

/// An input's value as the unit gave it: a number in base units, or only a bound of it (`≥266米`). Read for
/// every unit scored, so kept small: the text as written is in unit_state::input_texts.
struct given_value {
    decimal value;
    std::optional<ast::comparison_op> bound; ///< set when the value was written as a bound
    bool present = false;
};

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
    std::string file;                        ///< the values file's name
    std::vector<given_value> inputs;         ///< by input slot
    std::vector<std::string> input_texts;    ///< by input slot: as written, for explanations
    std::vector<node_marks> nodes;           ///< by node
    /// By node: how it is set aside, if it is. Scoring reads this for every node and node_marks, large and
    /// mostly empty, only for the reasons.
    std::vector<set_aside_as> set_aside;
    std::vector<std::optional<std::size_t>> categories; ///< by category set: the unit's category
    std::vector<std::optional<claim>> claims;           ///< by node: its claimed score or subtotal
    std::optional<claim> claimed_total;
    std::optional<std::size_t> claimed_grade;           ///< index into program::grade_names
    source_range claimed_grade_where;
};

} // namespace rubric::detail

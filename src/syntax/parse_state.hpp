// parse_state.hpp — what the grammar's parsers share during one parse, passed to them with x3::with<>.
#pragma once

#include "syntax/keywords.hpp"
#include "syntax/parse.hpp"

#include <cstddef>
#include <exception>
#include <optional>
#include <rubric/source.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rubric::syntax {

/// The x3::with<> tag under which the rules find the parse_state.
struct parse_state_tag;

/// The input, the limits and the counters behind them. One per parse; never shared between threads.
struct parse_state {
    const source_file& file;
    const char* begin = nullptr; ///< the text's first byte (offset 0, a BOM included)
    const char* end = nullptr;
    parse_limits limits{};
    std::size_t depth = 0;          ///< brackets open right now
    std::size_t node_depth = 0;     ///< groups and indicators open right now
    std::size_t node_count = 0;     ///< group and indicator bodies read so far
    std::size_t formula_depth = 0;  ///< formulas being read inside one another (parentheses, calls)
    std::size_t formula_tokens = 0; ///< operands and operators of the outermost formula being read

    /// The last word looked up as a keyword and the last white space skipped: alternatives try their
    /// keywords at the same place one after another, and every token parser skips before its token.
    mutable const char* keyword_at = nullptr;
    mutable const char* keyword_end = nullptr;
    mutable std::optional<keyword> keyword_found{};
    mutable const char* skipped_from = nullptr;
    mutable const char* skipped_to = nullptr;
    /// The furthest place a token was looked for: where a failure with no expectation point is reported.
    mutable const char* furthest = nullptr;

    std::size_t offset(const char* p) const noexcept { return static_cast<std::size_t>(p - begin); }
    source_range range(const char* first, const char* last) const noexcept {
        return {offset(first), offset(last)};
    }
    std::size_t line(const char* p) const noexcept { return file.position(offset(p)).line; }
};

/// A problem that stops the parse, found by a token parser or a limit (X3's own expectation failures are
/// turned into diagnostics by the error handler instead). Caught by parse_module.
struct syntax_error : std::exception {
    struct note {
        std::string message;
        const char* first = nullptr;
        const char* last = nullptr;
    };
    std::string_view code;
    const char* first = nullptr;
    const char* last = nullptr;
    std::string message;
    std::vector<note> notes{};
    /// When set, "{line}" in the message becomes this place's line (for errors found without a parse_state).
    const char* line_of = nullptr;

    syntax_error(std::string_view c, const char* f, const char* l, std::string m)
        : code(c), first(f), last(l), message(std::move(m)) {}
    const char* what() const noexcept override { return message.c_str(); }
};

} // namespace rubric::syntax

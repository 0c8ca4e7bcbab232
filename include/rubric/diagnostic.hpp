// diagnostic.hpp — diagnostics as values (code, severity, range, message, notes), collected and rendered.
//
// Every stage collects diagnostics into a diagnostic_list instead of stopping at the first problem; the
// edge (CLI, tests, an embedding program) renders them as text or JSON. The library never prints.
//
// Text layout (stable; golden tests assert it to the letter). For each diagnostic:
//
//     rubrics/x.rubric:12:12: error[E0203]: unknown input 预算数
//        12 |   取值 执行数 / 预算数
//           |                 ^^^^^^
//     rubrics/x.rubric:3:3: note: inputs are declared here
//         3 |   输入 {
//           |   ^^^^
//           = note: did you mean 预算?
//
// - Header: `FILE:LINE:COLUMN: SEVERITY[CODE]: MESSAGE`; line and column are 1-based, the column counts
//   characters. `[CODE]` is left out when the code is empty. Without a file the header is
//   `SEVERITY[CODE]: MESSAGE`; with a file that is not among the given sources, `FILE: SEVERITY[CODE]: …`
//   and no snippet (positions cannot be computed without the text).
// - Snippet: the range's first line, its number right-aligned in a gutter of max(5, digits) columns, then
//   " | " and the line (a tab shown as one space, a control character or ill-formed byte as U+FFFD; an
//   empty line leaves no space after "|"). Under it, the gutter, " | ", spaces up to the range's start and
//   one caret per terminal column of the range (display_width: a Chinese character gets 2). A zero-width
//   range gets one caret; a range running past its first line is underlined to that line's end.
// - Notes follow in their order: a note with a range renders like a diagnostic with severity "note" and
//   no code (header and snippet); a note without a range is one line: the gutter's spaces, then
//   " = note: MESSAGE". The gutter width is shared by the whole diagnostic.
// - Every line ends with "\n"; diagnostics follow one another without blank lines.
//
// JSON layout: an array with one object per line, keys in this order (the example is wrapped here):
//
// clang-format off
//     [
//       {"file":"rubrics/x.rubric","line":12,"column":12,"end_line":12,"end_column":15,
//        "code":"E0203","severity":"error","message":"unknown input 预算数",
//        "notes":[{"file":"rubrics/x.rubric","line":3,"column":3,"end_line":3,"end_column":5,
//                  "message":"inputs are declared here"},
//                 {"file":"rubrics/x.rubric","line":null,"column":null,"end_line":null,"end_column":null,
//                  "message":"did you mean 预算?"}]}
//     ]
// clang-format on
//
// - end_line/end_column are the position of the range's end offset, i.e. just past the range's last
//   character (exclusive, as in LSP and SARIF); a zero-width range has end == start.
// - Positions are null when there is no range or its file is not among the given sources; "file" is null
//   when the diagnostic names no file. A note's "file" is its own or else its diagnostic's.
// - Strings are JSON-escaped (\" \\ \b \f \n \r \t, other controls as \u00XX); UTF-8 is kept as is and an
//   ill-formed byte becomes U+FFFD, so the output is always valid JSON. An empty list is "[]\n".
#pragma once

#include <cstddef>
#include <optional>
#include <rubric/source.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rubric {

/// How bad a diagnostic is: an error stops the rubric from loading; a warning does not.
enum class severity { error, warning, note };

/// "error", "warning" or "note".
std::string_view to_string(severity level) noexcept;

/// A remark attached to a diagnostic, pointing at a related place ("to close { at line 12") or none.
struct diagnostic_note {
    std::string message{};
    std::optional<source_range> range{};
    std::string file{}; ///< the file `range` is in; empty means the diagnostic's own file
};

/// One problem found in a source file. Every member has a default, so designated initializers may name
/// only what they set: `diagnostic{.code = "E0203", .file = f.name(), .range = r, .message = m}`.
struct diagnostic {
    std::string code{}; ///< stable identifier, e.g. "E0203" (errors) or "W0301" (warnings)
    rubric::severity severity = rubric::severity::error;
    std::string file{}; ///< the source_file's name; empty for a diagnostic about no file
    source_range range{};
    std::string message{};
    std::vector<diagnostic_note> notes{};

    /// Adds a note pointing at a related place in the same file; returns *this for chaining.
    diagnostic& note(std::string note_message, source_range note_range);
    /// Adds a note without a place.
    diagnostic& note(std::string note_message);
};

/// The diagnostics a stage collected, in the order they were found.
class diagnostic_list {
public:
    /// Appends a diagnostic; the reference stays valid until the next add (to attach notes).
    diagnostic& add(diagnostic d);
    diagnostic& error(std::string code, std::string file, source_range range, std::string message);
    diagnostic& warning(std::string code, std::string file, source_range range, std::string message);
    /// Appends all of `other`'s diagnostics, in order.
    void append(const diagnostic_list& other);

    std::size_t size() const noexcept { return items_.size(); }
    bool empty() const noexcept { return items_.empty(); }
    const diagnostic& operator[](std::size_t i) const noexcept { return items_[i]; }
    auto begin() const noexcept { return items_.begin(); }
    auto end() const noexcept { return items_.end(); }
    /// Mutable access, for a later pass that amends what an earlier one found (an acknowledged warning).
    auto begin() noexcept { return items_.begin(); }
    auto end() noexcept { return items_.end(); }
    const std::vector<diagnostic>& items() const noexcept { return items_; }

    std::size_t count(rubric::severity level) const noexcept;
    std::size_t error_count() const noexcept { return count(severity::error); }
    std::size_t warning_count() const noexcept { return count(severity::warning); }
    bool has_errors() const noexcept { return error_count() != 0; }

    /// Orders by file name, then by the range's start offset; diagnostics at the same place keep the
    /// order they were added in (a stable sort), so the output is deterministic.
    void sort_by_position();

private:
    std::vector<diagnostic> items_;
};

/// Renders one diagnostic as compiler-style text (layout above). `sources` are looked up by name.
std::string render_text(const diagnostic& d, std::span<const source_file> sources);
/// Renders diagnostics one after another, in the given order.
std::string render_text(std::span<const diagnostic> diagnostics, std::span<const source_file> sources);
/// Renders diagnostics as a JSON array (layout above).
std::string render_json(std::span<const diagnostic> diagnostics, std::span<const source_file> sources);

/// Single-file conveniences.
inline std::string render_text(const diagnostic& d, const source_file& source) {
    return render_text(d, std::span<const source_file>(&source, 1));
}
inline std::string render_text(std::span<const diagnostic> diagnostics, const source_file& source) {
    return render_text(diagnostics, std::span<const source_file>(&source, 1));
}
inline std::string render_json(std::span<const diagnostic> diagnostics, const source_file& source) {
    return render_json(diagnostics, std::span<const source_file>(&source, 1));
}

} // namespace rubric

// source.hpp — a source file: its name and UTF-8 text, a line table, and UTF-8 column arithmetic.
//
// Positions are kept as byte offsets into the file's original text (small, cheap, exact); line and column
// are computed on demand from a line table built at construction. Columns count Unicode code points
// (characters), not bytes, so a diagnostic on a Chinese line names the column a reader counts.
//
// Conventions, shared by every function here:
// - A leading UTF-8 byte order mark (EF BB BF) is accepted and skipped: line 1 starts after it, but offsets
//   stay byte offsets into the original text, BOM included (offset 3 is line 1, column 1).
// - Lines end at "\n"; a "\r" just before it belongs to the line break ("\r\n"). A lone "\r" is text.
// - A text that ends with a newline has a final, empty line: the end-of-file offset lives there.
// - Each byte of ill-formed UTF-8 counts as one character of width 1 (it is shown as U+FFFD).
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rubric {

/// A place in a source file as a reader names it: both numbers are 1-based, the column counts characters.
struct source_position {
    std::size_t line = 1;
    std::size_t column = 1;

    friend auto operator<=>(const source_position&, const source_position&) = default;
};

/// A half-open span [begin, end) of byte offsets into a source file's text. A zero-length range marks a
/// point (e.g. where something was expected).
struct source_range {
    std::size_t begin = 0;
    std::size_t end = 0;

    constexpr std::size_t size() const noexcept { return end > begin ? end - begin : 0; }
    constexpr bool empty() const noexcept { return end <= begin; }

    friend auto operator<=>(const source_range&, const source_range&) = default;
};

/// A file's name and its UTF-8 text, with the line table that maps byte offsets to lines and columns.
/// The text is not validated here (see validate_utf8); every function works on any bytes.
class source_file {
public:
    source_file() : source_file(std::string(), std::string()) {}
    /// `name` is how diagnostics refer to the file (usually the path as the user wrote it).
    source_file(std::string name, std::string text);

    const std::string& name() const noexcept { return name_; }
    /// The original text, BOM included.
    std::string_view text() const noexcept { return text_; }
    /// The text of a range (clamped to the text).
    std::string_view text(source_range range) const noexcept;
    /// Whether the text starts with a UTF-8 BOM.
    bool has_bom() const noexcept { return content_begin() == 3; }
    /// Offset of the first byte after the BOM (0 or 3).
    std::size_t content_begin() const noexcept { return line_starts_.front(); }
    /// The text after the BOM.
    std::string_view content() const noexcept { return text().substr(content_begin()); }

    /// Number of lines; at least 1 (an empty file has one empty line).
    std::size_t line_count() const noexcept { return line_starts_.size(); }
    /// Byte offset where `line` (1-based) starts; a line past the end gives the text's size.
    std::size_t line_begin(std::size_t line) const noexcept;
    /// The text of `line` (1-based) without its line break; empty for a line past the end.
    std::string_view line_text(std::size_t line) const noexcept;

    /// Line and column of a byte offset. An offset past the end is clamped to the end; an offset inside
    /// the BOM is line 1, column 1; an offset inside a multi-byte character names that character.
    source_position position(std::size_t offset) const noexcept;
    /// The byte offset of a position (inverse of position()); a column past the line's end gives the
    /// offset of the line break, a line past the end gives the text's size.
    std::size_t offset(source_position position) const noexcept;

private:
    std::string name_;
    std::string text_;
    std::vector<std::size_t> line_starts_; // byte offset of each line's first byte; [0] is after the BOM
};

/// What is wrong with an ill-formed UTF-8 sequence.
enum class utf8_error_kind {
    unexpected_continuation, ///< a continuation byte (80–BF) where a character should start
    invalid_byte,            ///< a byte that never occurs in UTF-8 (F8–FF)
    overlong,  ///< a character encoded with more bytes than needed (C0, C1, E0 80–9F, F0 80–8F)
    surrogate, ///< an encoded UTF-16 surrogate, U+D800–U+DFFF (ED A0–BF)
    too_large, ///< a code point above U+10FFFF (F4 90–BF, F5–F7)
    truncated, ///< a sequence cut short by a non-continuation byte or the end of the text
};

/// Words for a kind, for messages: "overlong encoding", "truncated sequence", ….
std::string_view to_string(utf8_error_kind kind) noexcept;

/// The first ill-formed UTF-8 sequence of a text. Line and byte follow the source_file conventions (BOM
/// skipped, "\n" ends a line), so a message can name them and a source_range can point at the byte.
struct utf8_error {
    utf8_error_kind kind{};
    std::size_t offset = 0;    ///< byte offset, from the start of the text, of the sequence's first byte
    std::size_t line = 1;      ///< 1-based line of that byte
    std::size_t line_byte = 1; ///< 1-based byte column of that byte within its line
    unsigned char value = 0;   ///< that byte

    friend bool operator==(const utf8_error&, const utf8_error&) = default;
};

/// Checks that `text` is well-formed UTF-8 (Unicode 15, table 3-7); returns the first error, if any.
/// A leading BOM is accepted.
std::optional<utf8_error> validate_utf8(std::string_view text) noexcept;

/// Terminal columns taken by one character: 0 for combining marks and zero-width characters, 2 for East
/// Asian Wide and Fullwidth characters (CJK ideographs, CJK punctuation U+3000–U+303E, kana, Hangul,
/// fullwidth forms U+FF01–U+FF60 and U+FFE0–U+FFE6, common emoji), 1 otherwise. A tab counts 1 and other
/// control characters count 1: diagnostics render a tab as one space and a control character as U+FFFD.
std::size_t display_width(char32_t code_point) noexcept;
/// Terminal columns taken by a UTF-8 string: the sum over its characters (an ill-formed byte counts 1).
std::size_t display_width(std::string_view utf8) noexcept;

} // namespace rubric

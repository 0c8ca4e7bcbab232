// utf8.hpp — the one UTF-8 decoder behind validation, column counting, display widths and rendering.
#pragma once

#include <cstddef>
#include <optional>
#include <rubric/source.hpp>
#include <string_view>

namespace rubric::detail {

/// One decoded step through a UTF-8 text: a character, or one ill-formed byte.
struct utf8_step {
    char32_t code_point = 0;              ///< U+FFFD for an ill-formed byte
    std::size_t length = 1;               ///< bytes consumed: 1–4, always 1 on error
    std::optional<utf8_error_kind> error; ///< set when the sequence starting here is ill-formed
};

/// Decodes the character starting at `text[at]` (at < text.size()). On an ill-formed sequence it
/// consumes only the first byte, so a caller moving on resynchronises at the next byte.
utf8_step decode_utf8(std::string_view text, std::size_t at) noexcept;

/// The UTF-8 byte order mark.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// Offset after a leading BOM: 3 if `text` starts with one, else 0.
constexpr std::size_t skip_bom(std::string_view text) noexcept {
    return text.starts_with(utf8_bom) ? utf8_bom.size() : 0;
}

/// Appends the UTF-8 encoding of a (valid) code point.
void append_utf8(std::string& out, char32_t code_point);

} // namespace rubric::detail

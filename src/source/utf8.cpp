// utf8.cpp — decoding and validating UTF-8 (Unicode 15, table 3-7: well-formed byte sequences).
#include "source/utf8.hpp"

namespace rubric {
namespace detail {
namespace {

bool is_continuation(unsigned char byte) noexcept {
    return (byte & 0xC0) == 0x80;
}

utf8_step failure(utf8_error_kind kind) noexcept {
    return {U'\uFFFD', 1, kind};
}

} // namespace

utf8_step decode_utf8(std::string_view text, std::size_t at) noexcept {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return {lead, 1, std::nullopt};
    if (lead < 0xC0) return failure(utf8_error_kind::unexpected_continuation);
    if (lead < 0xC2) return failure(utf8_error_kind::overlong); // C0, C1 could only encode U+0000–U+007F
    if (lead > 0xF7) return failure(utf8_error_kind::invalid_byte);
    if (lead > 0xF4) return failure(utf8_error_kind::too_large); // F5–F7 would start U+140000 and above

    const std::size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    // The second byte's allowed range depends on the lead; the narrowed ones exclude overlong forms,
    // surrogates and code points above U+10FFFF.
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    utf8_error_kind narrowed = utf8_error_kind::overlong;
    if (lead == 0xE0) {
        low = 0xA0;
    } else if (lead == 0xED) {
        high = 0x9F;
        narrowed = utf8_error_kind::surrogate;
    } else if (lead == 0xF0) {
        low = 0x90;
    } else if (lead == 0xF4) {
        high = 0x8F;
        narrowed = utf8_error_kind::too_large;
    }
    if (at + 1 >= text.size() || !is_continuation(byte(1))) return failure(utf8_error_kind::truncated);
    if (byte(1) < low || byte(1) > high) return failure(narrowed);

    char32_t code_point = lead & (0xFFu >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) {
        if (at + i >= text.size() || !is_continuation(byte(i))) return failure(utf8_error_kind::truncated);
        code_point = (code_point << 6) | (byte(i) & 0x3Fu);
    }
    return {code_point, length, std::nullopt};
}

void append_utf8(std::string& out, char32_t cp) {
    auto put = [&](char32_t bits) { out.push_back(static_cast<char>(bits)); };
    if (cp < 0x80) {
        put(cp);
    } else if (cp < 0x800) {
        put(0xC0 | (cp >> 6));
        put(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        put(0xE0 | (cp >> 12));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
    } else {
        put(0xF0 | (cp >> 18));
        put(0x80 | ((cp >> 12) & 0x3F));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
    }
}

} // namespace detail

std::string_view to_string(utf8_error_kind kind) noexcept {
    switch (kind) {
    case utf8_error_kind::unexpected_continuation:
        return "unexpected continuation byte";
    case utf8_error_kind::invalid_byte:
        return "byte that never occurs in UTF-8";
    case utf8_error_kind::overlong:
        return "overlong encoding";
    case utf8_error_kind::surrogate:
        return "encoded surrogate";
    case utf8_error_kind::too_large:
        return "code point above U+10FFFF";
    case utf8_error_kind::truncated:
        return "truncated sequence";
    }
    return "invalid UTF-8";
}

std::optional<utf8_error> validate_utf8(std::string_view text) noexcept {
    std::size_t line = 1;
    std::size_t line_start = detail::skip_bom(text);
    for (std::size_t at = line_start; at < text.size();) {
        const detail::utf8_step step = detail::decode_utf8(text, at);
        if (step.error)
            return utf8_error{*step.error, at, line, at - line_start + 1,
                              static_cast<unsigned char>(text[at])};
        if (step.code_point == U'\n') {
            ++line;
            line_start = at + 1;
        }
        at += step.length;
    }
    return std::nullopt;
}

} // namespace rubric

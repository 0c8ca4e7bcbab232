// lexical.hpp — the TOKEN rules of grammar/rubric.ebnf (section 7) as plain functions over UTF-8 bytes.
//
// The X3 token parsers (tokens.hpp) are thin wrappers around these, so the scanning logic is compiled
// once here instead of in every grammar translation unit. Every function takes [p, end) and returns where
// the token ends (p when there is none); nothing here allocates except where a value is returned.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace rubric::syntax::lexical {

/// One decoded character; an ill-formed byte decodes as U+FFFD of length 1.
struct character {
    char32_t code_point = 0;
    std::size_t length = 0; ///< 0 at the end of the text
};
character decode(const char* p, const char* end) noexcept;

/// NAME_START: ASCII letters, _, CJK ideographs, 〇, ① … ⑳.
bool is_name_start(char32_t c) noexcept;
/// NAME_CHAR: NAME_START or an ASCII digit.
bool is_name_char(char32_t c) noexcept;

/// SKIP: white space (also U+3000) and comments. Returns where the next token starts. A block comment that
/// never ends sets `unterminated_comment` to its "/*" and returns `end`.
const char* skip(const char* p, const char* end, const char** unterminated_comment) noexcept;

/// WORD: the end of the maximal word starting at p, or p when no word starts there.
const char* scan_word(const char* p, const char* end) noexcept;

/// STRING: "…" with \" \\ \n \t escapes, or “…”; a string ends on the line it starts.
struct string_token {
    enum class status { none, ok, unterminated, bad_escape };
    status result = status::none;
    const char* end = nullptr; ///< past the closing quote (ok), or the offending place
    std::string value;         ///< without quotes, escapes resolved
};
string_token scan_string(const char* p, const char* end);

/// DIGITS.
const char* scan_digits(const char* p, const char* end) noexcept;
/// DECIMAL: DIGITS ( "." DIGITS )?.
const char* scan_decimal(const char* p, const char* end) noexcept;
/// The unit written against a number: "%", "‰" or UNIT.
const char* scan_number_unit(const char* p, const char* end) noexcept;
/// UNIT: UNIT_WORD ( "/" UNIT_WORD )?, where a UNIT_WORD is a WORD that is not a keyword.
const char* scan_unit(const char* p, const char* end) noexcept;

/// DATE: 2019年6月30日 or 2019-06-30, not followed by a NAME_CHAR.
struct date_token {
    const char* end = nullptr;
    int year = 0;
    int month = 0;
    int day = 0;
};
std::optional<date_token> scan_date(const char* p, const char* end) noexcept;

/// A full-width digit (０–９), "．" or "％": never part of a number, always a diagnostic.
bool is_fullwidth_number_char(char32_t c) noexcept;
/// Where a number written with full-width characters (mixed with ASCII digits and ".") starts at or
/// before p and where it ends: for the message "write numbers with ASCII digits: 95.4% not ９５．４％".
/// Returns nothing when there is no full-width number character at p or just after the digits at p.
struct fullwidth_number {
    const char* begin = nullptr;
    const char* end = nullptr;
};
std::optional<fullwidth_number> find_fullwidth_number(const char* text_begin, const char* p,
                                                      const char* end) noexcept;
/// The same number with ASCII characters: ９５．４％ → 95.4%.
std::string to_ascii_number(std::string_view text);

/// The pieces of a message, appended (GCC 12 at -O2 warns falsely on chains of `"…" + std::string`).
std::string join(std::initializer_list<std::string_view> pieces);

/// The token at p for a message "…, found X" ("end of file", "`木标`", "the keyword `目标`", "`95%`",
/// "a string", "`{`", "the character U+0007") and where it ends (for the caret).
struct found_token {
    std::string words;
    const char* end = nullptr;
};
found_token describe_found(const char* p, const char* end);

} // namespace rubric::syntax::lexical

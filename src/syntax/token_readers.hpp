// token_readers.hpp — reading one token into its AST node: the non-template half of the X3 token parsers.
//
// Each reader starts at p (white space already skipped), and on success fills the node (range included)
// and moves p past the token. It returns false when the token is not there, and throws syntax_error when
// it is there but malformed (an unterminated string, a full-width digit in a number, too many digits).
#pragma once

#include "syntax/ast.hpp"
#include "syntax/keywords.hpp"
#include "syntax/parse_state.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rubric::syntax::tokens {

/// The keyword that is the whole WORD at p, and the word's end.
std::optional<keyword> read_keyword(const char* p, const char* end, const char*& word_end) noexcept;
/// The same, remembering the last place looked up (alternatives look at one word many times).
std::optional<keyword> keyword_at(const parse_state& state, const char* p, const char*& word_end) noexcept;

bool read_identifier(const parse_state& state, const char*& p, ast::name& out);
/// NAME: an identifier or one quoted string.
bool read_name(const parse_state& state, const char*& p, ast::name& out);
/// PATH (`with_strings`: parts may be quoted) or QUALIFIED_NAME; parts after a "." may be DIGITS.
bool read_path(const parse_state& state, const char*& p, ast::path& out, bool with_strings);
/// One STRING.
bool read_string(const parse_state& state, const char*& p, ast::text& out);
/// Text: one or more adjacent STRINGs (white space and comments between them), concatenated.
bool read_text(const parse_state& state, const char*& p, ast::text& out);
/// QUANTITY, or `"-"? QUANTITY` when `with_sign`.
bool read_quantity(const parse_state& state, const char*& p, ast::quantity& out, bool with_sign);
bool read_digits(const parse_state& state, const char*& p, ast::digits& out);
/// DIGITS as a checklist label or path part.
bool read_digits_name(const parse_state& state, const char*& p, ast::name& out);
bool read_date(const parse_state& state, const char*& p, ast::date& out);
/// UNIT (a type's unit or a declared unit).
bool read_unit(const parse_state& state, const char*& p, ast::unit_name& out);
/// One of the spellings (longest first where one is a prefix of another); returns its index.
std::optional<std::size_t> read_punctuation(const char*& p, const char* end,
                                            std::span<const std::string_view> spellings) noexcept;

/// SKIP, reporting a block comment that never ends.
const char* skip(const char* p, const char* end);
/// The same, remembering the last place skipped from (every token parser skips before its token).
const char* skip(const parse_state& state, const char* p);

/// Throws E0104 when a full-width digit, `．` or `％` is at p or right after the digits at p.
void reject_fullwidth_number(const parse_state& state, const char* p);

} // namespace rubric::syntax::tokens

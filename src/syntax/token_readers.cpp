// token_readers.cpp — reading names, paths, strings, numbers, dates and units into AST nodes.
#include "syntax/token_readers.hpp"

#include "number/number_limits.hpp"
#include "syntax/lexical.hpp"

#include <algorithm>
#include <rubric/decimal.hpp>

namespace rubric::syntax::tokens {
namespace {

std::size_t length(const char* first, const char* last) noexcept {
    return static_cast<std::size_t>(last - first);
}

// Counts characters (code points), stopping once past `limit`.
std::size_t count_characters(const char* first, const char* last, std::size_t limit) noexcept {
    std::size_t n = 0;
    for (const char* p = first; p < last && n <= limit; ++n)
        p += std::max<std::size_t>(1, lexical::decode(p, last).length);
    return n;
}

// E0007 for a number written longer than the limits (number/number_limits.hpp).
void check_number_length(const parse_state& state, const char* first, const char* last) {
    const std::string_view written(first, static_cast<std::size_t>(last - first));
    const std::size_t point = written.find('.');
    std::string digits(written.substr(0, point));
    if (point != std::string_view::npos) digits += written.substr(point + 1);
    const std::size_t fraction_digits = point == std::string_view::npos ? 0 : written.size() - point - 1;
    if (std::string problem = detail::digits_over_limit(digits, fraction_digits, state.limits.number_digits);
        !problem.empty())
        throw syntax_error("E0007", first, last, std::move(problem));
}

void check_name_length(const parse_state& state, const char* first, const char* last) {
    if (count_characters(first, last, state.limits.max_name_chars) > state.limits.max_name_chars)
        throw syntax_error("E0007", first, last,
                           lexical::join({"this name is too long: more than ",
                                          std::to_string(state.limits.max_name_chars), " characters"}));
}

bool is_percent_sign(const char* p, const char* end) noexcept {
    return p != end && (*p == '%' || std::string_view(p, length(p, end)).starts_with("‰"));
}

// The unit word [digits_end, unit_end) after the number [first, digits_end): a magnitude before `%` (E0112),
// or a keyword run into the unit (E0103: `1分最多` is the unit 分 and the keyword 最多). Which words are
// units is the checker's to say (units may be declared), but no unit ends with a keyword of two or more
// characters.
void check_unit(const parse_state& state, const char* first, const char* digits_end, const char* unit_end) {
    if (unit_end == digits_end || is_percent_sign(digits_end, state.end)) return;
    if (is_percent_sign(unit_end, state.end)) {
        const char* sign_end = unit_end + lexical::decode(unit_end, state.end).length;
        throw syntax_error("E0112", first, sign_end,
                           lexical::join({"a magnitude cannot come before `",
                                          std::string_view(unit_end, length(unit_end, sign_end)), "`: `",
                                          std::string_view(first, length(first, sign_end)),
                                          "` is not a number; write the percent in full"}));
    }
    const char* word_end = lexical::scan_word(digits_end, unit_end);
    std::size_t characters = 0;
    for (const char* split = word_end; split != digits_end;) {
        do
            --split;
        while (split != digits_end && (static_cast<unsigned char>(*split) & 0xC0) == 0x80);
        if (++characters < 2 || split == digits_end) continue;
        if (!find_keyword(std::string_view(split, length(split, word_end)))) continue;
        const std::string_view number(first, length(first, split)), kw(split, length(split, word_end));
        throw syntax_error(
            "E0103", first, word_end,
            lexical::join({"unknown unit `", std::string_view(digits_end, length(digits_end, word_end)),
                           "`: write `", number, " ", kw, "`"}));
    }
}

bool is_leap_year(int year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

decimal exact_value(const std::string& number) {
    auto parsed = parse_decimal(number);
    return parsed.value ? *parsed.value : decimal();
}

} // namespace

std::optional<keyword> read_keyword(const char* p, const char* end, const char*& word_end) noexcept {
    word_end = lexical::scan_word(p, end);
    if (word_end == p) return std::nullopt;
    return find_keyword(std::string_view(p, length(p, word_end)));
}

std::optional<keyword> keyword_at(const parse_state& state, const char* p, const char*& word_end) noexcept {
    if (p != state.keyword_at) {
        state.keyword_found = read_keyword(p, state.end, state.keyword_end);
        state.keyword_at = p;
    }
    word_end = state.keyword_end;
    return state.keyword_found;
}

bool read_identifier(const parse_state& state, const char*& p, ast::name& out) {
    const char* word_end = nullptr;
    if (keyword_at(state, p, word_end) || word_end == p) return false;
    check_name_length(state, p, word_end);
    out.text.assign(p, word_end);
    out.quoted = false;
    out.range = state.range(p, word_end);
    p = word_end;
    return true;
}

bool read_name(const parse_state& state, const char*& p, ast::name& out) {
    if (read_identifier(state, p, out)) return true;
    ast::text string;
    const char* first = p;
    if (!read_string(state, p, string)) return false;
    if (*first != '"' && lexical::scan_word(p, state.end) != p) {
        const char* word_end = lexical::scan_word(p, state.end);
        throw syntax_error("E0113", first, word_end,
                           lexical::join({"a name that starts with “ must be quoted whole: write \"",
                                          std::string_view(first, length(first, word_end)), "\""}));
    }
    out.text = std::move(string.value);
    out.quoted = true;
    out.range = string.range;
    return true;
}

bool read_digits_name(const parse_state& state, const char*& p, ast::name& out) {
    ast::digits number;
    if (!read_digits(state, p, number)) return false;
    out.text = std::move(number.text);
    out.quoted = false;
    out.range = number.range;
    return true;
}

bool read_path(const parse_state& state, const char*& p, ast::path& out, bool with_strings) {
    const auto read_part = [&](const char*& q, ast::name& part) {
        return with_strings ? read_name(state, q, part) : read_identifier(state, q, part);
    };
    ast::path path;
    const char* q = p;
    ast::name part;
    if (!read_part(q, part)) return false;
    path.parts.push_back(std::move(part));
    while (q != state.end && *q == '.') {
        const char* r = q + 1;
        ast::name next;
        if (!read_part(r, next) && !read_digits_name(state, r, next)) break;
        path.parts.push_back(std::move(next));
        q = r;
    }
    path.range = state.range(p, q);
    out = std::move(path);
    p = q;
    return true;
}

bool read_string(const parse_state& state, const char*& p, ast::text& out) {
    auto token = lexical::scan_string(p, state.end);
    switch (token.result) {
    case lexical::string_token::status::none:
        return false;
    case lexical::string_token::status::ok:
        if (count_characters(p, token.end, state.limits.max_string_chars + 2) >
            state.limits.max_string_chars + 2)
            throw syntax_error("E0007", p, token.end,
                               lexical::join({"this string is too long: more than ",
                                              std::to_string(state.limits.max_string_chars), " characters"}));
        out.value = std::move(token.value);
        out.range = state.range(p, token.end);
        p = token.end;
        return true;
    case lexical::string_token::status::unterminated:
        throw syntax_error("E0102", p, p + lexical::decode(p, state.end).length,
                           *p == '"'
                               ? "this string is not closed: a string ends with `\"` on the line it starts"
                               : "this string is not closed: a string ends with `”` on the line it starts");
    case lexical::string_token::status::bad_escape: {
        const char* escape_end = token.end + 1 + lexical::decode(token.end + 1, state.end).length;
        throw syntax_error(
            "E0107", token.end, escape_end,
            lexical::join({"unknown escape `", std::string_view(token.end, length(token.end, escape_end)),
                           "`: a string allows \\\" \\\\ \\n \\t"}));
    }
    }
    return false;
}

bool read_text(const parse_state& state, const char*& p, ast::text& out) {
    ast::text text;
    if (!read_string(state, p, text)) return false;
    for (;;) {
        const char* q = skip(p, state.end);
        ast::text more;
        if (!read_string(state, q, more)) break;
        text.value += more.value;
        text.range.end = more.range.end;
        p = q;
    }
    out = std::move(text);
    return true;
}

bool read_quantity(const parse_state& state, const char*& p, ast::quantity& out, bool with_sign) {
    const char* q = p;
    const bool negative = with_sign && q != state.end && *q == '-';
    if (negative) q = skip(q + 1, state.end);
    reject_fullwidth_number(state, q);
    const char* digits_end = lexical::scan_decimal(q, state.end);
    if (digits_end == q) return false;
    check_number_length(state, q, digits_end);
    const char* unit_end = lexical::scan_number_unit(digits_end, state.end);
    check_unit(state, q, digits_end, unit_end);
    out.number.clear();
    if (negative) out.number += '-';
    out.number.append(q, digits_end);
    out.value = exact_value(out.number);
    out.unit.assign(digits_end, unit_end);
    out.unit_range = state.range(digits_end, unit_end);
    out.range = state.range(p, unit_end);
    p = unit_end;
    return true;
}

bool read_digits(const parse_state& state, const char*& p, ast::digits& out) {
    reject_fullwidth_number(state, p);
    const char* digits_end = lexical::scan_digits(p, state.end);
    if (digits_end == p) return false;
    check_number_length(state, p, digits_end);
    out.text.assign(p, digits_end);
    out.value = exact_value(out.text);
    out.range = state.range(p, digits_end);
    p = digits_end;
    return true;
}

bool read_date(const parse_state& state, const char*& p, ast::date& out) {
    const auto date = lexical::scan_date(p, state.end);
    if (!date) return false;
    if (date->month < 1 || date->month > 12 || date->day < 1 ||
        date->day > days_in_month(date->year, date->month))
        throw syntax_error(
            "E0106", p, date->end,
            lexical::join({"there is no such date: ", std::string_view(p, length(p, date->end))}));
    out.text.assign(p, date->end);
    out.year = date->year;
    out.month = date->month;
    out.day = date->day;
    out.range = state.range(p, date->end);
    p = date->end;
    return true;
}

bool read_unit(const parse_state& state, const char*& p, ast::unit_name& out) {
    const char* unit_end = lexical::scan_unit(p, state.end);
    if (unit_end == p) return false;
    out.text.assign(p, unit_end);
    out.range = state.range(p, unit_end);
    p = unit_end;
    return true;
}

std::optional<std::size_t> read_punctuation(const char*& p, const char* end,
                                            std::span<const std::string_view> spellings) noexcept {
    for (std::size_t i = 0; i != spellings.size(); ++i) {
        const auto& s = spellings[i];
        if (p != end && *p == s.front() && length(p, end) >= s.size() && std::string_view(p, s.size()) == s) {
            p += s.size();
            return i;
        }
    }
    return std::nullopt;
}

const char* skip(const char* p, const char* end) {
    const char* unterminated = nullptr;
    p = lexical::skip(p, end, &unterminated);
    if (unterminated) {
        syntax_error error("E0101", end, end,
                           "expected `*/` to close the comment opened at line {line}, found end of file");
        error.line_of = unterminated;
        error.notes.push_back({"the comment opened here", unterminated, unterminated + 2});
        throw error;
    }
    return p;
}

const char* skip(const parse_state& state, const char* p) {
    if (p != state.skipped_from) {
        state.skipped_to = skip(p, state.end);
        state.skipped_from = p;
        if (state.skipped_to > state.furthest) state.furthest = state.skipped_to;
    }
    return state.skipped_to;
}

void reject_fullwidth_number(const parse_state& state, const char* p) {
    const auto run = lexical::find_fullwidth_number(state.begin, p, state.end);
    if (!run) return;
    const std::string written(run->begin, run->end);
    throw syntax_error("E0104", run->begin, run->end,
                       lexical::join({"write numbers with ASCII digits: ", lexical::to_ascii_number(written),
                                      " not ", written}));
}

} // namespace rubric::syntax::tokens

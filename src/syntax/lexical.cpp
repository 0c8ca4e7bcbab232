// lexical.cpp — scanning the tokens of a rubric file: white space, comments, words, strings, numbers, dates.
#include "syntax/lexical.hpp"

#include "source/utf8.hpp"
#include "syntax/keywords.hpp"

#include <array>
#include <cstdio>

namespace rubric::syntax::lexical {
namespace {

bool is_ascii_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

bool starts_with(const char* p, const char* end, std::string_view s) noexcept {
    return static_cast<std::size_t>(end - p) >= s.size() && std::string_view(p, s.size()) == s;
}

// A WORD that is not a keyword.
const char* scan_unit_word(const char* p, const char* end) noexcept {
    const char* word_end = scan_word(p, end);
    if (word_end == p || find_keyword(std::string_view(p, static_cast<std::size_t>(word_end - p)))) return p;
    return word_end;
}

// Reads min_digits to max_digits ASCII digits as a number; nullptr when there are too few.
const char* read_number(const char* p, const char* end, int min_digits, int max_digits, int& value) noexcept {
    value = 0;
    int n = 0;
    while (p != end && n < max_digits && is_ascii_digit(*p)) {
        value = value * 10 + (*p - '0');
        ++p;
        ++n;
    }
    return n >= min_digits ? p : nullptr;
}

bool is_fullwidth_at(const char* p, const char* end) noexcept {
    return p != end && is_fullwidth_number_char(decode(p, end).code_point);
}

bool is_number_run_byte(char c) noexcept {
    return is_ascii_digit(c) || c == '.' || c == '%';
}

} // namespace

character decode(const char* p, const char* end) noexcept {
    if (p >= end) return {};
    const auto b0 = static_cast<unsigned char>(*p);
    if (b0 < 0x80) return {b0, 1};
    // The common case of rubric text, a well-formed three-byte character (CJK), without the general decoder.
    if ((b0 & 0xF0) == 0xE0 && end - p >= 3) {
        const auto b1 = static_cast<unsigned char>(p[1]), b2 = static_cast<unsigned char>(p[2]);
        const char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && c >= 0x800 && (c < 0xD800 || c > 0xDFFF))
            return {c, 3};
    }
    const auto step = detail::decode_utf8(std::string_view(p, static_cast<std::size_t>(end - p)), 0);
    return {step.code_point, step.length};
}

bool is_name_start(char32_t c) noexcept {
    return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || c == U'_' ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2EBEF) || (c >= 0x30000 && c <= 0x3134F) || c == 0x3007 ||
           (c >= 0x2460 && c <= 0x2473);
}

bool is_name_char(char32_t c) noexcept {
    return is_name_start(c) || (c >= U'0' && c <= U'9');
}

const char* skip(const char* p, const char* end, const char** unterminated_comment) noexcept {
    while (p != end) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            ++p;
        } else if (starts_with(p, end, "\xE3\x80\x80")) { // U+3000 ideographic space
            p += 3;
        } else if (starts_with(p, end, "//")) {
            while (p != end && *p != '\n')
                ++p;
        } else if (starts_with(p, end, "/*")) {
            const char* close = p + 2;
            while (close != end && !starts_with(close, end, "*/"))
                ++close;
            if (close == end) {
                if (unterminated_comment) *unterminated_comment = p;
                return end;
            }
            p = close + 2;
        } else {
            break;
        }
    }
    return p;
}

const char* scan_word(const char* p, const char* end) noexcept {
    auto c = decode(p, end);
    if (c.length == 0 || !is_name_start(c.code_point)) return p;
    p += c.length;
    for (c = decode(p, end); c.length != 0 && is_name_char(c.code_point); c = decode(p, end))
        p += c.length;
    return p;
}

string_token scan_string(const char* p, const char* end) {
    string_token token;
    if (p != end && *p == '"') {
        for (const char* q = p + 1; q != end; ++q) {
            if (*q == '"') {
                token.result = string_token::status::ok;
                token.end = q + 1;
                return token;
            }
            if (*q == '\n' || *q == '\r') break;
            if (*q == '\\') {
                const char next = q + 1 != end ? q[1] : '\0';
                if (next != '"' && next != '\\' && next != 'n' && next != 't') {
                    token.result = string_token::status::bad_escape;
                    token.end = q;
                    return token;
                }
                token.value += next == 'n' ? '\n' : next == 't' ? '\t' : next;
                ++q;
                continue;
            }
            token.value += *q;
        }
        token.result = string_token::status::unterminated;
        token.end = p;
        return token;
    }
    constexpr std::string_view open = "\xE2\x80\x9C", close = "\xE2\x80\x9D"; // “ ”
    if (starts_with(p, end, open)) {
        for (const char* q = p + open.size(); q != end; ++q) {
            if (starts_with(q, end, close)) {
                token.result = string_token::status::ok;
                token.value.assign(p + open.size(), q);
                token.end = q + close.size();
                return token;
            }
            if (*q == '\n' || *q == '\r') break;
        }
        token.result = string_token::status::unterminated;
        token.end = p;
    }
    return token;
}

const char* scan_digits(const char* p, const char* end) noexcept {
    while (p != end && is_ascii_digit(*p))
        ++p;
    return p;
}

const char* scan_decimal(const char* p, const char* end) noexcept {
    const char* q = scan_digits(p, end);
    if (q == p) return p;
    if (q != end && *q == '.' && q + 1 != end && is_ascii_digit(q[1])) q = scan_digits(q + 1, end);
    return q;
}

const char* scan_number_unit(const char* p, const char* end) noexcept {
    if (p != end && *p == '%') return p + 1;
    if (starts_with(p, end, "\xE2\x80\xB0")) return p + 3; // ‰
    return scan_unit(p, end);
}

const char* scan_unit(const char* p, const char* end) noexcept {
    const char* q = scan_unit_word(p, end);
    if (q == p) return p;
    if (q != end && *q == '/') {
        const char* r = scan_unit_word(q + 1, end);
        if (r != q + 1) return r;
    }
    return q;
}

std::optional<date_token> scan_date(const char* p, const char* end) noexcept {
    date_token date;
    const char* q = read_number(p, end, 4, 4, date.year);
    if (!q || q == end) return std::nullopt;
    if (*q == '-') {
        q = read_number(q + 1, end, 2, 2, date.month);
        if (!q || q == end || *q != '-') return std::nullopt;
        q = read_number(q + 1, end, 2, 2, date.day);
    } else {
        constexpr std::string_view year = "年", month = "月", day = "日";
        if (!starts_with(q, end, year)) return std::nullopt;
        q = read_number(q + year.size(), end, 1, 2, date.month);
        if (!q || !starts_with(q, end, month)) return std::nullopt;
        q = read_number(q + month.size(), end, 1, 2, date.day);
        if (!q || !starts_with(q, end, day)) return std::nullopt;
        q += day.size();
    }
    if (!q) return std::nullopt;
    const auto next = decode(q, end);
    if (next.length != 0 && is_name_char(next.code_point)) return std::nullopt;
    date.end = q;
    return date;
}

bool is_fullwidth_number_char(char32_t c) noexcept {
    return (c >= 0xFF10 && c <= 0xFF19) || c == 0xFF0E || c == 0xFF05; // ０–９ ． ％
}

std::optional<fullwidth_number> find_fullwidth_number(const char* text_begin, const char* p,
                                                      const char* end) noexcept {
    // A full-width character at p, or ASCII digits at p followed by one.
    const char* q = p;
    while (q != end && is_number_run_byte(*q))
        ++q;
    if (!is_fullwidth_at(q, end)) return std::nullopt;
    fullwidth_number run{p, q};
    while (run.end != end) {
        if (is_number_run_byte(*run.end))
            ++run.end;
        else if (is_fullwidth_at(run.end, end))
            run.end += 3; // every full-width form is three bytes
        else
            break;
    }
    while (run.begin != text_begin) {
        if (is_number_run_byte(run.begin[-1]))
            --run.begin;
        else if (run.begin - text_begin >= 3 && is_fullwidth_at(run.begin - 3, end))
            run.begin -= 3;
        else
            break;
    }
    return run;
}

std::string to_ascii_number(std::string_view text) {
    std::string out;
    for (const char *p = text.data(), *end = p + text.size(); p != end;) {
        const auto c = decode(p, end);
        if (c.code_point >= 0xFF10 && c.code_point <= 0xFF19)
            out += static_cast<char>('0' + (c.code_point - 0xFF10));
        else if (c.code_point == 0xFF0E)
            out += '.';
        else if (c.code_point == 0xFF05)
            out += '%';
        else
            out.append(p, c.length);
        p += c.length;
    }
    return out;
}

std::string join(std::initializer_list<std::string_view> pieces) {
    std::string out;
    for (const auto piece : pieces)
        out += piece;
    return out;
}

found_token describe_found(const char* p, const char* end) {
    if (p == end) return {"end of file", p};
    const char* word_end = scan_word(p, end);
    if (word_end != p) {
        const std::string_view word(p, static_cast<std::size_t>(word_end - p));
        return {join({find_keyword(word) ? "the keyword `" : "`", word, "`"}), word_end};
    }
    if (is_ascii_digit(*p)) {
        const char* number_end = scan_number_unit(scan_decimal(p, end), end);
        return {join({"`", std::string_view(p, static_cast<std::size_t>(number_end - p)), "`"}), number_end};
    }
    if (const auto string = scan_string(p, end); string.result == string_token::status::ok)
        return {"a string", string.end};
    const auto c = decode(p, end);
    if (c.code_point < 0x20 || c.code_point == 0x7F || c.code_point == 0xFEFF || c.code_point == 0xA0 ||
        c.code_point == 0xFFFD) {
        std::array<char, 16> buffer{};
        std::snprintf(buffer.data(), buffer.size(), "U+%04X", static_cast<unsigned>(c.code_point));
        return {join({"the character ", buffer.data()}), p + c.length};
    }
    return {join({"`", std::string_view(p, c.length), "`"}), p + c.length};
}

} // namespace rubric::syntax::lexical

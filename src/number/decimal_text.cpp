// decimal_text.cpp — reading numbers as scoring tables print them (95.4%, 1.8067万, full-width forms).
#include "number/big_rational.hpp"
#include "number/number_limits.hpp"
#include "source/utf8.hpp"

#include <string>
#include <vector>

namespace rubric {
namespace {

// One character of the input, decoded from UTF-8, with the ASCII character it stands for in a number
// (full-width digits and punctuation as pasted from Word map to their ASCII twins).
struct text_char {
    char32_t code;
    char ascii; // 0 when the character has no ASCII meaning
    std::string_view spelling;
};

char ascii_meaning(char32_t c) {
    if (c < 0x80) return static_cast<char>(c);
    if (c >= 0xFF01 && c <= 0xFF5E) // full-width forms of ASCII ! to ~
        return static_cast<char>(c - 0xFF01 + '!');
    if (c == 0x2212) // MINUS SIGN
        return '-';
    return 0;
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

// Decodes with the library's one UTF-8 decoder; an ill-formed byte becomes U+FFFD, which no rule accepts.
std::vector<text_char> decode(std::string_view text) {
    std::vector<text_char> out;
    for (std::size_t i = 0; i < text.size();) {
        const detail::utf8_step step = detail::decode_utf8(text, i);
        out.push_back({step.code_point, step.error ? '\0' : ascii_meaning(step.code_point),
                       text.substr(i, step.length)});
        i += step.length;
    }
    return out;
}

// Text quoted in a message, with ill-formed bytes shown as U+FFFD so the message itself stays valid UTF-8.
std::string quoted(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const detail::utf8_step step = detail::decode_utf8(text, i);
        if (step.error)
            detail::append_utf8(out, 0xFFFD);
        else
            out.append(text.substr(i, step.length));
        i += step.length;
    }
    return out;
}

// The whole text as a message quotes it: cut after 40 characters, so a pasted page stays out of the message.
std::string shown(std::string_view text) {
    constexpr std::size_t at_most = 40;
    std::size_t end = 0;
    for (std::size_t n = 0; end < text.size() && n < at_most; ++n)
        end += detail::decode_utf8(text, end).length;
    return end < text.size() ? quoted(text.substr(0, end)) + "…" : quoted(text);
}

struct magnitude_word {
    std::u32string_view word;
    int power; // of ten
};
// Longest first, so that 千万 is not read as 千 followed by 万.
constexpr magnitude_word magnitudes[] = {{U"万亿", 12}, {U"千万", 7}, {U"百万", 6},
                                         {U"亿", 8},    {U"万", 4},   {U"千", 3}};

constexpr std::string_view example = "a number such as 95, -0.5, 95.4% or 1.8067万";

class number_reader {
public:
    explicit number_reader(std::string_view text) : text_(text), chars_(decode(text)) {}

    decimal_parse_result read() {
        std::size_t begin = 0, end = chars_.size();
        while (begin < end && is_space(chars_[begin].code))
            ++begin;
        while (end > begin && is_space(chars_[end - 1].code))
            --end;
        if (begin == end)
            return fail(text_.empty() ? "the text is empty" : "the text is blank",
                        "expected " + std::string(example));
        pos_ = begin;
        end_ = end;

        bool negative = false;
        if (at('-') || at('+')) {
            negative = at('-');
            ++pos_;
        }
        if (!read_digits(/*allow_groups=*/true)) return unexpected("a digit");
        int fraction_digits = 0;
        if (at('.')) {
            ++pos_;
            const std::size_t before = digits_.size();
            if (!read_digits(/*allow_groups=*/false)) return unexpected("a digit after the decimal point");
            fraction_digits = static_cast<int>(digits_.size() - before);
        }
        if (!error_.empty()) return fail(error_, "");
        if (std::string problem =
                detail::digits_over_limit(digits_, static_cast<std::size_t>(fraction_digits), {});
            !problem.empty())
            return {std::nullopt, "\"" + shown(text_) + "\": " + problem};
        const std::string number_so_far(spelled(begin, pos_));

        int power = -fraction_digits;
        int per = 1; // 100 for %, 1000 for ‰
        if (const magnitude_word* m = read_magnitude()) {
            power += m->power;
        } else if (at('%')) {
            per = 100;
            ++pos_;
        } else if (pos_ < end_ && chars_[pos_].code == U'‰') {
            per = 1000;
            ++pos_;
        } else if (pos_ < end_) {
            return unexpected(
                fraction_digits == 0
                    ? "a digit, \".\", \"%\", \"‰\" or a magnitude (\"千\", \"万\", \"亿\") after " +
                          number_so_far
                    : "a digit, \"%\", \"‰\" or a magnitude (\"千\", \"万\", \"亿\") after " + number_so_far);
        }
        if (pos_ < end_)
            return unexpected("the end of the number after " + std::string(spelled(begin, pos_)));

        decimal value = to_decimal(power);
        if (per != 1) value = value / per;
        return {negative ? -value : value, {}};
    }

private:
    bool at(char ascii) const { return pos_ < end_ && chars_[pos_].ascii == ascii; }
    bool at_digit() const { return pos_ < end_ && chars_[pos_].ascii >= '0' && chars_[pos_].ascii <= '9'; }

    // Reads digits into digits_; with allow_groups, also "8,383" thousands groups (each exactly three
    // digits).
    bool read_digits(bool allow_groups) {
        const std::size_t first = pos_;
        while (at_digit())
            digits_ += chars_[pos_++].ascii;
        if (pos_ == first) return false;
        // A group separator follows one to three digits that do not start with 0: "0,123" is a decimal comma
        // (0.123 in many spreadsheets), and reading it as 123 would be off by a factor of 1000.
        if (allow_groups && at(',') && pos_ - first <= 3 && chars_[first].ascii != '0') {
            while (at(',')) {
                const std::size_t comma = pos_++;
                std::size_t count = 0;
                while (at_digit() && count < 4) {
                    digits_ += chars_[pos_++].ascii;
                    ++count;
                }
                if (count != 3) {
                    error_ = "the thousands group after \",\" at character " + std::to_string(comma + 1) +
                             " has " + std::to_string(count) + " digit" + (count == 1 ? "" : "s") +
                             "; expected exactly 3";
                    return true;
                }
            }
        }
        return true;
    }

    const magnitude_word* read_magnitude() {
        for (const magnitude_word& m : magnitudes) {
            if (end_ - pos_ < m.word.size()) continue;
            bool match = true;
            for (std::size_t k = 0; k < m.word.size() && match; ++k)
                match = chars_[pos_ + k].code == m.word[k];
            if (match) {
                pos_ += m.word.size();
                return &m;
            }
        }
        return nullptr;
    }

    // digits_ × 10^power, exactly; machine integers when the digits fit.
    decimal to_decimal(int power) const {
        std::size_t start = digits_.find_first_not_of('0');
        if (start == std::string::npos) return decimal();
        const std::string_view significant = std::string_view(digits_).substr(start);
        if (significant.size() <= 18 && power >= -18 && power <= 18) {
            std::int64_t mantissa = 0, scale = 1;
            for (char d : significant)
                mantissa = mantissa * 10 + (d - '0');
            for (int i = 0; i < (power < 0 ? -power : power); ++i)
                scale *= 10;
            return power < 0 ? decimal::fraction(mantissa, scale) : decimal(mantissa) * scale;
        }
        detail::big_int mantissa{std::string(significant)}, scale = 1;
        for (int i = 0; i < (power < 0 ? -power : power); ++i)
            scale *= 10;
        return detail::big_rational::make(power < 0 ? detail::rational(mantissa, scale)
                                                    : detail::rational(mantissa * scale));
    }

    std::string_view spelled(std::size_t from, std::size_t to) const {
        if (from >= to) return {};
        const char* first = chars_[from].spelling.data();
        const char* last = chars_[to - 1].spelling.data() + chars_[to - 1].spelling.size();
        return {first, static_cast<std::size_t>(last - first)};
    }

    decimal_parse_result unexpected(const std::string& expected) {
        if (pos_ >= end_)
            return fail("the text ends after \"" + quoted(spelled(0, end_)) + "\"", "expected " + expected);
        const text_char& c = chars_[pos_];
        std::string found =
            "unexpected \"" + quoted(c.spelling) + "\" at character " + std::to_string(pos_ + 1);
        std::string hint = "expected " + expected;
        if (c.ascii == 'e' || c.ascii == 'E') hint += " (exponent notation such as 1e5 is not accepted)";
        return fail(found, hint);
    }

    decimal_parse_result fail(const std::string& what, const std::string& expected) const {
        // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on the chain of operator+.
        std::string message = "\"";
        message.append(shown(text_)).append("\" is not a number: ").append(what);
        if (!expected.empty()) message.append("; ").append(expected);
        return {std::nullopt, message};
    }

    std::string_view text_;
    std::vector<text_char> chars_;
    std::size_t pos_ = 0, end_ = 0;
    std::string digits_;
    std::string error_;
};

} // namespace

decimal_parse_result parse_decimal(std::string_view text) {
    return number_reader(text).read();
}

} // namespace rubric

// values_csv.cpp — reads a CSV values file: rows of key, value and reason, as spreadsheets export them
// (RFC 4180 quoting, CRLF or LF, with or without a BOM).
#include "io/codes.hpp"
#include "io/values_builder.hpp"
#include "source/utf8.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rubric {
namespace io {
namespace {

// One field of a row, trimmed.
struct field {
    std::string text;
    source_range range{}; ///< the trimmed text's place; inside the quotes for a quoted field
    bool verbatim = true; ///< the text is the file's bytes at `range` (no doubled quotes), byte for byte
};

struct row {
    std::vector<field> fields;
    bool broken = false; ///< a quoting error was reported: the row is not read
};

struct keyword {
    std::string_view chinese;
    std::string_view english;
    value_kind kind;
};

constexpr std::array<keyword, 7> keywords{{
    {"目标", "target", value_kind::target},
    {"不适用", "not_applicable", value_kind::not_applicable},
    {"豁免", "exempt", value_kind::exempt},
    {"评定", "judged", value_kind::judged},
    {"选择", "choose", value_kind::choice},
    {"类别", "category", value_kind::category},
    {"自评", "claimed", value_kind::claimed},
}};

std::optional<value_kind> find_keyword(std::string_view word) {
    for (const keyword& k : keywords)
        if (word == k.chinese || word == k.english) return k.kind;
    return std::nullopt;
}

bool is_unit_key(std::string_view key) { return key == "单位" || key == "unit"; }

bool ascii_iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

bool any_of_words(std::string_view text, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
        if (ascii_iequals(text, w)) return true;
    return false;
}

// `name,value` (名称,取值 / 名称,数值 / key,value), with `reason` (理由) or nothing third.
bool is_header(const row& r) {
    return r.fields.size() >= 2 && r.fields.size() <= 3 &&
           any_of_words(r.fields[0].text, {"name", "key", "名称"}) &&
           any_of_words(r.fields[1].text, {"value", "取值", "数值"}) &&
           (r.fields.size() == 2 || any_of_words(r.fields[2].text, {"reason", "理由", ""}));
}

// Splits the text into rows, reporting quoting errors (V0111, V0112) as it goes.
class csv_scanner {
public:
    explicit csv_scanner(values_builder& out)
        : out_(out), text_(out.file().text()), at_(out.file().content_begin()) {}

    /// The next row that is neither blank nor a comment; false at the end of the text.
    bool next(row& out) {
        while (at_ < text_.size()) {
            std::size_t i = at_;
            while (const std::size_t n = space_length(text_, i))
                i += n;
            if (i == text_.size()) {
                at_ = i;
                return false;
            }
            if (const std::size_t n = line_break(i)) { // a blank line
                at_ = i + n;
                continue;
            }
            if (text_[i] == '#') { // a comment
                skip_line(i);
                continue;
            }
            out = row{};
            read_row(out);
            return true;
        }
        return false;
    }

private:
    values_builder& out_;
    std::string_view text_;
    std::size_t at_;

    // Length of the line break at `i`: 2 for "\r\n", 1 for "\n" (or a "\r" ending the text), else 0.
    std::size_t line_break(std::size_t i) const noexcept {
        if (i >= text_.size()) return 0;
        if (text_[i] == '\n') return 1;
        if (text_[i] != '\r') return 0;
        if (i + 1 == text_.size()) return 1;
        return text_[i + 1] == '\n' ? 2 : 0;
    }

    bool field_ends(std::size_t i) const noexcept {
        return i == text_.size() || text_[i] == ',' || line_break(i);
    }

    void skip_line(std::size_t i) {
        while (i < text_.size() && !line_break(i))
            ++i;
        at_ = i + line_break(i);
    }

    void read_row(row& r) {
        while (true) {
            r.fields.push_back(read_field(r));
            if (at_ == text_.size() || text_[at_] != ',') break;
            ++at_;
        }
        at_ += line_break(at_);
    }

    field read_field(row& r) {
        std::size_t i = at_;
        while (const std::size_t n = space_length(text_, i))
            i += n;
        if (i < text_.size() && text_[i] == '"') return read_quoted(r, i);
        while (!field_ends(i))
            ++i;
        field f;
        f.range = trim(out_.file(), {at_, i});
        f.text = std::string(out_.file().text(f.range));
        at_ = i;
        return f;
    }

    field read_quoted(row& r, std::size_t open) {
        field f;
        std::string decoded;
        std::size_t i = open + 1;
        while (true) {
            if (i == text_.size()) {
                out_.error(codes::unterminated_quote, {open, open + 1},
                           "unterminated quoted field: the closing `\"` is missing");
                r.broken = true;
                at_ = i;
                return f;
            }
            if (text_[i] == '"') {
                if (i + 1 < text_.size() && text_[i + 1] == '"') {
                    decoded += '"';
                    f.verbatim = false;
                    i += 2;
                    continue;
                }
                break;
            }
            decoded += text_[i++];
        }
        const source_range inside{open + 1, i};
        f.text = std::string(trim(decoded));
        f.range = f.verbatim ? trim(out_.file(), inside) : inside;
        ++i; // the closing quote
        while (const std::size_t n = space_length(text_, i))
            i += n;
        if (!field_ends(i)) {
            const std::size_t length = detail::decode_utf8(text_, i).length;
            out_.error(codes::text_after_quote, {i, i + length},
                       "text after the closing quote of a field: expected `,` or the end of the line, "
                       "found " +
                           quote(text_.substr(i, length)))
                .note("a quote inside a quoted field is written twice: \"\"");
            r.broken = true;
            while (!field_ends(i))
                ++i;
        }
        at_ = i;
        return f;
    }
};

// Gives each row its meaning: an input, a keyword and a path, or the unit's name.
class row_reader {
public:
    explicit row_reader(values_builder& out) : out_(out) {}

    void read(const row& r) {
        if (r.broken) return;
        bool empty = true;
        for (const field& f : r.fields)
            empty = empty && f.text.empty();
        if (empty) return; // a spreadsheet's blank row: `,,`
        const bool first = first_;
        first_ = false;
        if (first && is_header(r)) return;
        if (r.fields.size() > 3) {
            out_.error(codes::too_many_fields, r.fields[3].range,
                       "too many fields: a row is a key, a value and a reason, found " +
                           std::to_string(r.fields.size()) + " fields");
            return;
        }
        const field& key = r.fields[0];
        const field* second = r.fields.size() > 1 ? &r.fields[1] : nullptr;
        const field* third = r.fields.size() > 2 ? &r.fields[2] : nullptr;
        if (key.text.empty()) {
            out_.error(codes::empty_key, key.range,
                       "empty key: a row starts with an input's name, or a keyword and a path (目标 项目产出)");
            return;
        }

        value_entry entry;
        entry.key_range = key.range;
        std::size_t space = 0;
        while (space < key.text.size() && !space_length(key.text, space))
            ++space;
        if (space < key.text.size()) {
            const std::string_view word = std::string_view(key.text).substr(0, space);
            const std::string_view path = trim(std::string_view(key.text).substr(space));
            const std::optional<value_kind> kind = find_keyword(word);
            if (!kind) {
                unknown_keyword(key, word, path);
                return;
            }
            entry.kind = *kind;
            entry.key = std::string(path);
            entry.key_range = part(key, path);
        } else if (find_keyword(key.text)) {
            out_.error(codes::empty_key, key.range,
                       "the keyword " + quote(key.text) + " needs a path after it: " +
                           quote(key.text + " <path>"));
            return;
        } else if (is_unit_key(key.text)) {
            if (third && !third->text.empty()) {
                reason_not_taken(*third);
            } else if (!second || second->text.empty()) {
                out_.error(codes::missing_value, key.range, "the unit's name is empty");
            } else {
                out_.set_unit(second->text, key.range);
            }
            return;
        } else {
            entry.key = key.text;
        }

        if (third && !third->text.empty() && entry.kind != value_kind::judged) {
            reason_not_taken(*third);
            return;
        }
        const bool has_second = second && !second->text.empty();
        entry.value_range = has_second ? second->range : entry.key_range;
        if (entry.kind == value_kind::exempt || entry.kind == value_kind::not_applicable) {
            if (has_second) entry.reason = second->text;
        } else {
            if (has_second) entry.text = second->text;
            if (third) entry.reason = third->text;
        }
        if (!has_second && entry.kind != value_kind::not_applicable) {
            out_.error(codes::missing_value, key.range, missing_value_message(entry.kind, entry.key));
            return;
        }
        out_.add(std::move(entry), key.range);
    }

private:
    values_builder& out_;
    bool first_ = true;

    // The place of `part`, a piece of `f.text`, when the text is the file's bytes; else the field's.
    static source_range part(const field& f, std::string_view piece) {
        if (!f.verbatim) return f.range;
        const auto offset = static_cast<std::size_t>(piece.data() - f.text.data());
        return {f.range.begin + offset, f.range.begin + offset + piece.size()};
    }

    void unknown_keyword(const field& key, std::string_view word, std::string_view path) {
        diagnostic& d = out_.error(codes::unknown_keyword, part(key, word),
                                   "unknown keyword " + quote(word) + " before " + quote(path) +
                                       "; the keywords are 目标 (target), 不适用 (not_applicable), 豁免 (exempt), "
                                       "评定 (judged), 选择 (choose), 类别 (category) and 自评 (claimed)");
        static const std::vector<std::string> words = [] {
            std::vector<std::string> all;
            for (const keyword& k : keywords) {
                all.emplace_back(k.chinese);
                all.emplace_back(k.english);
            }
            return all;
        }();
        suggest(d, word, words);
    }

    void reason_not_taken(const field& third) {
        out_.error(codes::too_many_fields, third.range,
                   "too many fields: only a 评定 (judged) row has a third field, the reason");
    }
};

} // namespace
} // namespace io

values_result read_values_csv(const source_file& file) {
    io::values_builder out(file);
    if (out.check_text()) {
        io::csv_scanner rows(out);
        io::row_reader reader(out);
        io::row r;
        while (rows.next(r))
            reader.read(r);
    }
    return std::move(out).finish();
}

} // namespace rubric

// values_json.cpp — reads a JSON values file through nlohmann::json's SAX interface, so that a number keeps
// the text it was written with and every entry keeps the place it was written at.
#include "io/codes.hpp"
#include "io/values_builder.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rubric {
namespace io {
namespace {

using json = nlohmann::json;

enum class section { values, targets, not_applicable, exempt, judged, choices, category, claimed, unit };

struct section_name {
    std::string_view english;
    std::string_view chinese;
    section id;
};

constexpr std::array<section_name, 9> section_names{{
    {"values", "取值", section::values},
    {"targets", "目标", section::targets},
    {"not_applicable", "不适用", section::not_applicable},
    {"exempt", "豁免", section::exempt},
    {"judged", "评定", section::judged},
    {"choices", "选择", section::choices},
    {"category", "类别", section::category},
    {"claimed", "自评", section::claimed},
    {"unit", "单位", section::unit},
}};

std::optional<section> find_section(std::string_view name) {
    for (const section_name& s : section_names)
        if (name == s.english || name == s.chinese) return s.id;
    return std::nullopt;
}

value_kind kind_of(section s) {
    switch (s) {
    case section::targets: return value_kind::target;
    case section::not_applicable: return value_kind::not_applicable;
    case section::exempt: return value_kind::exempt;
    case section::judged: return value_kind::judged;
    case section::choices: return value_kind::choice;
    case section::category: return value_kind::category;
    case section::claimed: return value_kind::claimed;
    case section::values:
    case section::unit: break;
    }
    return value_kind::input;
}

// What a section holds, for “section … must be …”.
std::string_view section_shape(section s) {
    switch (s) {
    case section::values: return "an object of names and values";
    case section::targets: return "an object of paths and targets";
    case section::not_applicable: return "an array of paths (or an object of paths and reasons)";
    case section::exempt: return "an object of paths and reasons";
    case section::judged: return "an object of paths and scores";
    case section::choices: return "an object of paths and chosen items";
    case section::category: return "an object of category sets and categories";
    case section::claimed: return "an object of paths (or 总分, 等级) and claimed scores";
    case section::unit: return "text (the unit's name)";
    }
    return "";
}

// What an entry's value may be, for “… must be …”.
std::string_view value_shape(section s) {
    switch (s) {
    case section::values: return "text, a number, true or false";
    case section::targets: return "text or a number";
    case section::not_applicable: return "text (a reason)";
    case section::exempt: return "text (the reason)";
    case section::judged: return "a score (text or a number) or an object with “score” and “reason”";
    case section::choices: return "text (the chosen item)";
    case section::category: return "text (the category)";
    case section::claimed: return "text or a number";
    case section::unit: return "text (the unit's name)";
    }
    return "";
}

// What a section's keys are, for “empty … in section …”.
std::string_view key_word(section s) {
    switch (s) {
    case section::values: return "name";
    case section::category: return "category set";
    default: return "path";
    }
}

std::vector<std::string> all_section_names() {
    std::vector<std::string> names;
    for (const section_name& s : section_names) {
        names.emplace_back(s.english);
        names.emplace_back(s.chinese);
    }
    return names;
}

enum class judged_field { score, reason, unknown };

judged_field find_judged_field(std::string_view name) {
    if (name == "score" || name == "得分") return judged_field::score;
    if (name == "reason" || name == "理由") return judged_field::reason;
    return judged_field::unknown;
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_structural(char c) {
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':' || c == '"';
}

// Follows the parser through the text. The parser reports one event per token, in order, and only after
// it has read the token whole; so the next token after spaces and separators (`:`, `,`, which have no
// event) is the one the event stands for.
class token_cursor {
public:
    token_cursor(std::string_view text, std::size_t at) : text_(text), at_(at) {}

    source_range next() noexcept {
        while (at_ < text_.size() && (is_json_space(text_[at_]) || text_[at_] == ',' || text_[at_] == ':'))
            ++at_;
        const std::size_t begin = at_;
        if (at_ == text_.size()) return {begin, begin};
        const char c = text_[at_];
        if (c == '"') {
            ++at_;
            while (at_ < text_.size() && text_[at_] != '"')
                at_ += text_[at_] == '\\' ? 2 : 1;
            at_ = std::min(at_ + 1, text_.size());
        } else if (is_structural(c)) {
            ++at_;
        } else {
            while (at_ < text_.size() && !is_json_space(text_[at_]) && !is_structural(text_[at_]))
                ++at_;
        }
        return {begin, at_};
    }

private:
    std::string_view text_;
    std::size_t at_;
};

enum class json_type { string, number, boolean, null, array, object };

std::string found_word(json_type type, std::string_view text) {
    switch (type) {
    case json_type::string: return "text";
    case json_type::number: return "a number";
    case json_type::boolean: return std::string(text);
    case json_type::null: return "null";
    case json_type::array: return "an array";
    case json_type::object: return "an object";
    }
    return "";
}

// A JSON scalar as read: its decoded text (a number's and a literal's as written) and its token's place.
struct scalar {
    json_type type;
    std::string text;
    source_range token; // a string's with its quotes
};

// The parts of nlohmann's message for a syntax error, reworded for ours.
struct syntax_error_parts {
    std::string context;  // "value", "object key", "object separator", "object", "array" or ""
    std::string found;    // nlohmann's token name after “unexpected”; "" for a lexical error
    std::string lexical;  // the lexer's message ("invalid literal", …); "" for an unexpected token
    std::string expected; // nlohmann's token name after “expected”; "" when none
};

syntax_error_parts split_syntax_error(std::string_view what) {
    syntax_error_parts parts;
    const auto take = [&what](std::string_view marker) {
        const std::size_t at = what.find(marker);
        if (at == std::string_view::npos) return false;
        what.remove_prefix(at + marker.size());
        return true;
    };
    if (!take("syntax error ")) return parts;
    if (what.starts_with("while parsing ")) {
        what.remove_prefix(std::string_view("while parsing ").size());
        const std::size_t end = what.find(" - ");
        parts.context = std::string(what.substr(0, end));
        what.remove_prefix(std::min(what.size(), end));
    }
    if (what.starts_with(" - ")) what.remove_prefix(3);
    else if (what.starts_with("- ")) what.remove_prefix(2);
    const std::size_t expected_at = what.rfind("; expected ");
    std::string_view head = what.substr(0, expected_at);
    if (expected_at != std::string_view::npos) {
        const std::string_view tail = what.substr(expected_at + std::string_view("; expected ").size());
        // “expected digit after '-'” belongs to the lexer's message, not to the parser's expectation.
        if (!tail.starts_with("digit")) parts.expected = std::string(tail);
        else head = what;
    }
    if (head.starts_with("unexpected ")) {
        parts.found = std::string(head.substr(std::string_view("unexpected ").size()));
    } else {
        parts.lexical = std::string(head.substr(0, head.find("; last read: ")));
    }
    return parts;
}

// nlohmann's token names as our messages word them.
std::string token_words(std::string_view name, std::string_view context, bool expected) {
    if (name == "'[', '{', or a literal") return "a value";
    if (name == "string literal")
        return expected && context == "object key" ? "a key in double quotes" : "a string";
    if (name == "number literal") return "a number";
    if (name == "true literal") return "`true`";
    if (name == "false literal") return "`false`";
    if (name == "null literal") return "`null`";
    if (name == "end of input") return "the end of the text";
    if (expected && name == "'}'" && context == "object") return "`,` or `}`";
    if (expected && name == "']'" && context == "array") return "`,` or `]`";
    if (name.size() == 3 && name.front() == '\'' && name.back() == '\'')
        return "`" + std::string(name.substr(1, 1)) + "`";
    return std::string(name);
}

std::string expected_words(const syntax_error_parts& parts) {
    if (!parts.expected.empty()) return token_words(parts.expected, parts.context, true);
    if (parts.context == "object key") return "a key in double quotes";
    if (parts.context == "object separator") return "`:`";
    if (parts.context == "object") return "`,` or `}`";
    if (parts.context == "array") return "`,` or `]`";
    return "a value";
}

class values_handler final : public nlohmann::json_sax<json> {
public:
    explicit values_handler(values_builder& out)
        : out_(out), file_(out.file()), tokens_(file_.text(), file_.content_begin()) {}

    bool null() override { return on_scalar({json_type::null, "null", tokens_.next()}); }
    bool boolean(bool value) override {
        return on_scalar({json_type::boolean, value ? "true" : "false", tokens_.next()});
    }
    // Integers arrive as binary values only; their text is the token's, which is plain ASCII.
    bool number_integer(number_integer_t) override { return on_number(); }
    bool number_unsigned(number_unsigned_t) override { return on_number(); }
    bool number_float(number_float_t, const string_t& text) override {
        return on_scalar({json_type::number, text, tokens_.next()});
    }
    bool string(string_t& text) override {
        return on_scalar({json_type::string, std::move(text), tokens_.next()});
    }
    bool binary(binary_t&) override { return true; } // never in a JSON text
    bool start_object(std::size_t) override { return open(json_type::object, tokens_.next()); }
    bool start_array(std::size_t) override { return open(json_type::array, tokens_.next()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& name) override { return on_key(std::move(name), tokens_.next()); }

    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& e) override {
        report_syntax_error(position, last_token, e);
        return false;
    }

private:
    enum class frame { top, section_object, section_array, judged_object };

    // The judged score written as an object, until its `}`.
    struct judged_draft {
        value_entry entry{};
        source_range key_place{};
        std::optional<source_range> score_place{};
        std::optional<source_range> reason_place{};
    };

    values_builder& out_;
    const source_file& file_;
    token_cursor tokens_;
    std::vector<frame> frames_;
    std::size_t skipped_ = 0; // depth inside a value being skipped (after an error, or of an unknown section)
    bool top_done_ = false;

    // Sections seen, each with the name and place of its key.
    std::array<std::optional<std::pair<std::string, source_range>>, section_names.size()> seen_{};
    std::optional<section> section_;  // the section whose value is being read; none after an error
    std::string section_written_;     // its name as written
    value_entry entry_;               // the key of the entry whose value comes next
    source_range entry_place_{};      // that key with its quotes
    bool entry_dropped_ = false;      // the key was an error: skip its value
    std::optional<judged_draft> judged_;
    judged_field field_ = judged_field::unknown;
    bool field_dropped_ = false;

    bool on_number() {
        const source_range token = tokens_.next();
        return on_scalar({json_type::number, std::string(file_.text(token)), token});
    }

    // The text between a string's quotes, without spaces at either end.
    source_range inside(source_range token) const {
        return trim(file_, {token.begin + 1, token.end > token.begin + 1 ? token.end - 1 : token.begin + 1});
    }
    source_range place_of(const scalar& v) const {
        return v.type == json_type::string ? inside(v.token) : v.token;
    }

    bool open(json_type type, source_range token) {
        if (skipped_ > 0) {
            ++skipped_;
            return true;
        }
        if (frames_.empty()) {
            if (type == json_type::object && !top_done_) {
                frames_.push_back(frame::top);
            } else {
                not_an_object(type, token, file_.text(token));
                ++skipped_;
            }
            return true;
        }
        switch (frames_.back()) {
        case frame::top:
            if (!section_) {
                ++skipped_;
            } else if (type == json_type::object && *section_ != section::unit) {
                frames_.push_back(frame::section_object);
            } else if (type == json_type::array && *section_ == section::not_applicable) {
                frames_.push_back(frame::section_array);
            } else {
                wrong_section_type(type, token, "");
                ++skipped_;
            }
            break;
        case frame::section_object:
            if (!entry_dropped_ && type == json_type::object && *section_ == section::judged) {
                judged_ = judged_draft{.entry = entry_, .key_place = entry_place_};
                frames_.push_back(frame::judged_object);
                return true;
            }
            if (!entry_dropped_) wrong_value_type(type, token, "");
            ++skipped_;
            break;
        case frame::section_array: wrong_path_type(type, token, ""); ++skipped_; break;
        case frame::judged_object:
            if (!field_dropped_) wrong_field_type(type, token, "");
            ++skipped_;
            break;
        }
        return true;
    }

    bool close() {
        tokens_.next();
        if (skipped_ > 0) {
            --skipped_;
            return true;
        }
        const frame closed = frames_.back();
        frames_.pop_back();
        if (closed == frame::judged_object) finish_judged();
        if (closed == frame::top) top_done_ = true;
        return true;
    }

    bool on_key(std::string name, source_range token) {
        if (skipped_ > 0) return true;
        switch (frames_.back()) {
        case frame::top: section_key(name, token); break;
        case frame::section_object: {
            entry_ = value_entry{.kind = kind_of(*section_), .key = std::string(trim(name))};
            entry_.key_range = inside(token);
            entry_place_ = token;
            entry_dropped_ = entry_.key.empty();
            if (entry_dropped_)
                out_.error(codes::empty_key, token,
                           "empty " + std::string(key_word(*section_)) + " in section " +
                               quote(section_written_));
            break;
        }
        case frame::judged_object: judged_key(name, token); break;
        case frame::section_array: break; // arrays have no keys
        }
        return true;
    }

    void section_key(const std::string& name, source_range token) {
        section_ = find_section(name);
        section_written_ = name;
        if (!section_) {
            diagnostic& d = out_.error(codes::unknown_section, token,
                                       "unknown section " + quote(name) +
                                           "; the sections are values (取值), targets (目标), not_applicable "
                                           "(不适用), exempt (豁免), judged (评定), choices (选择), category (类别), "
                                           "claimed (自评) and unit (单位)");
            suggest(d, name, all_section_names());
            return;
        }
        auto& seen = seen_[static_cast<std::size_t>(*section_)];
        if (seen) {
            std::string message = "section " + quote(name) + " is given twice";
            if (seen->first != name) message += " (" + quote(seen->first) + " is the same section)";
            out_.error(codes::given_twice, token, message).note("first given here", seen->second);
            section_.reset();
            return;
        }
        seen.emplace(name, token);
    }

    void judged_key(const std::string& name, source_range token) {
        judged_draft& draft = *judged_;
        field_ = find_judged_field(name);
        field_dropped_ = false;
        if (field_ == judged_field::unknown) {
            static const std::vector<std::string> fields{"score", "得分", "reason", "理由"};
            diagnostic& d = out_.error(codes::unknown_field, token,
                                       "unknown field " + quote(name) + " in " +
                                           describe(value_kind::judged, draft.entry.key) +
                                           "; the fields are score (得分) and reason (理由)");
            suggest(d, name, fields);
            field_dropped_ = true;
            return;
        }
        std::optional<source_range>& first =
            field_ == judged_field::score ? draft.score_place : draft.reason_place;
        if (first) {
            out_.error(codes::given_twice, token,
                       "the " + std::string(field_ == judged_field::score ? "score" : "reason") + " of " +
                           describe(value_kind::judged, draft.entry.key) + " is given twice")
                .note("first given here", *first);
            field_dropped_ = true;
            return;
        }
        first = token;
    }

    bool on_scalar(scalar v) {
        if (skipped_ > 0) return true;
        if (frames_.empty()) {
            not_an_object(v.type, v.token, v.text);
            return true;
        }
        switch (frames_.back()) {
        case frame::top: section_scalar(v); break;
        case frame::section_object:
            if (!entry_dropped_) entry_value(v);
            break;
        case frame::section_array: not_applicable_path(v); break;
        case frame::judged_object:
            if (!field_dropped_) judged_field_value(v);
            break;
        }
        return true;
    }

    void section_scalar(const scalar& v) {
        if (!section_) return;
        if (*section_ != section::unit || v.type != json_type::string) {
            wrong_section_type(v.type, v.token, v.text);
            return;
        }
        const std::string_view name = trim(v.text);
        if (name.empty())
            out_.error(codes::missing_value, v.token, "the unit's name is empty");
        else
            out_.set_unit(std::string(name), v.token);
    }

    void entry_value(const scalar& v) {
        value_entry entry = entry_;
        const section s = *section_;
        const bool text = v.type == json_type::string;
        const bool number = v.type == json_type::number;
        const bool allowed = s == section::values ? v.type != json_type::null
                             : s == section::targets || s == section::judged || s == section::claimed ? text || number
                                                                              : text;
        if (!allowed) {
            wrong_value_type(v.type, v.token, v.text);
            return;
        }
        std::string written = std::string(text ? trim(v.text) : std::string_view(v.text));
        if (v.type == json_type::boolean) written = v.text == "true" ? "是" : "否";
        entry.value_range = place_of(v);
        if (s == section::exempt || s == section::not_applicable)
            entry.reason = std::move(written);
        else
            entry.text = std::move(written);
        if (entry.text.empty() && entry.reason.empty() && s != section::not_applicable) {
            out_.error(codes::missing_value, v.token, missing_value_message(entry.kind, entry.key));
            return;
        }
        out_.add(std::move(entry), entry_place_);
    }

    void not_applicable_path(const scalar& v) {
        if (v.type != json_type::string) {
            wrong_path_type(v.type, v.token, v.text);
            return;
        }
        value_entry entry{.kind = value_kind::not_applicable, .key = std::string(trim(v.text))};
        if (entry.key.empty()) {
            out_.error(codes::empty_key, v.token, "empty path in section " + quote(section_written_));
            return;
        }
        entry.key_range = inside(v.token);
        entry.value_range = entry.key_range;
        out_.add(std::move(entry), v.token);
    }

    void judged_field_value(const scalar& v) {
        judged_draft& draft = *judged_;
        const bool text = v.type == json_type::string;
        if (!(text || (field_ == judged_field::score && v.type == json_type::number))) {
            wrong_field_type(v.type, v.token, v.text);
            return;
        }
        std::string written = std::string(text ? trim(v.text) : std::string_view(v.text));
        if (field_ == judged_field::reason) {
            draft.entry.reason = std::move(written);
            return;
        }
        if (written.empty()) {
            out_.error(codes::missing_value, v.token,
                       missing_value_message(value_kind::judged, draft.entry.key));
            field_dropped_ = true;
            return;
        }
        draft.entry.text = std::move(written);
        draft.entry.value_range = place_of(v);
    }

    void finish_judged() {
        judged_draft draft = std::move(*judged_);
        judged_.reset();
        if (draft.score_place && draft.entry.text.empty()) return; // the score was an error, reported
        if (!draft.score_place) {
            out_.error(codes::missing_value, draft.key_place,
                       missing_value_message(value_kind::judged, draft.entry.key) +
                           ": give “score” (or “得分”)");
            return;
        }
        out_.add(std::move(draft.entry), draft.key_place);
    }

    void not_an_object(json_type type, source_range token, std::string_view text) {
        out_.error(codes::not_an_object, token,
                   "expected a JSON object of sections (values, targets, …), found " +
                       found_word(type, text));
    }

    void wrong_section_type(json_type type, source_range token, std::string_view text) {
        out_.error(codes::section_type, token,
                   "section " + quote(section_written_) + " must be " +
                       std::string(section_shape(*section_)) + ", found " + found_word(type, text));
    }

    void wrong_value_type(json_type type, source_range token, std::string_view text) {
        out_.error(codes::value_type, token,
                   describe(entry_.kind, entry_.key) + " must be " + std::string(value_shape(*section_)) +
                       ", found " + found_word(type, text));
    }

    void wrong_path_type(json_type type, source_range token, std::string_view text) {
        out_.error(codes::value_type, token,
                   "a path in section " + quote(section_written_) + " must be text, found " +
                       found_word(type, text));
    }

    void wrong_field_type(json_type type, source_range token, std::string_view text) {
        const bool score = field_ == judged_field::score;
        out_.error(codes::value_type, token,
                   "the " + std::string(score ? "score" : "reason") + " of " +
                       describe(value_kind::judged, judged_->entry.key) + " must be " +
                       (score ? "text or a number" : "text") + ", found " + found_word(type, text));
    }

    // nlohmann reports the count of bytes read, the offending byte being the last one read.
    void report_syntax_error(std::size_t position, const std::string& last_token,
                             const nlohmann::detail::exception& e) {
        const std::string_view text = file_.text();
        const std::size_t base = file_.content_begin();
        const std::size_t at = std::min(base + (position > 0 ? position - 1 : 0), text.size());
        const source_range byte{at, std::min(at + 1, text.size())};
        // The token read last, when nlohmann's copy of it matches the text ending at the offending byte.
        const auto token_ending_here = [&]() -> std::optional<source_range> {
            const std::size_t end = byte.end;
            if (last_token.empty() || last_token.size() > end - base) return std::nullopt;
            if (text.substr(end - last_token.size(), last_token.size()) != last_token) return std::nullopt;
            return source_range{end - last_token.size(), end};
        };

        if (e.id == 406) { // a number out of the range of double: nlohmann refuses it
            const source_range place = token_ending_here().value_or(byte);
            out_.error(codes::malformed_json, place,
                       "the number " + quote(last_token) +
                           " is too large for a JSON reader; write it as text in double quotes");
            return;
        }
        const syntax_error_parts parts = split_syntax_error(e.what());
        if (!parts.found.empty()) {
            const bool literal = parts.found.ends_with("literal");
            out_.error(codes::malformed_json, literal ? token_ending_here().value_or(byte) : byte,
                       "malformed JSON: expected " + expected_words(parts) + ", found " +
                           token_words(parts.found, parts.context, false));
            return;
        }
        // A string cut by the end of the text or of its line: point at its opening quote. `last_token` is
        // the string read so far, from that quote, the line break shown as <U+000A> or <U+000D>.
        const bool at_line_break = parts.lexical.starts_with("invalid string: control character U+000A") ||
                                   parts.lexical.starts_with("invalid string: control character U+000D");
        if (parts.lexical == "invalid string: missing closing quote" || at_line_break) {
            const std::string_view read = std::string_view(last_token).substr(
                0, at_line_break && last_token.size() >= 8 ? last_token.size() - 8 : last_token.size());
            source_range place = byte;
            if (!read.empty() && read.size() <= at - base &&
                text.substr(at - read.size(), read.size()) == read)
                place = {at - read.size(), at - read.size() + 1};
            out_.error(codes::malformed_json, place,
                       "malformed JSON: unterminated string: the closing `\"` is missing");
            return;
        }
        if (parts.lexical == "invalid literal") {
            const source_range word = word_around(at);
            out_.error(codes::malformed_json, word,
                       "malformed JSON: expected " + expected_words(parts) + ", found " +
                           quote(file_.text(word)))
                .note("text must be in double quotes; JSON's words are true, false and null");
            return;
        }
        out_.error(codes::malformed_json, byte, "malformed JSON: " + parts.lexical);
    }

    // The run of bytes that are neither spaces nor JSON punctuation at `at` (or just before it, when the
    // byte at `at` ended an unknown word: `tru}`).
    source_range word_around(std::size_t at) const {
        const std::string_view text = file_.text();
        const auto in_word = [&](std::size_t i) {
            return i < text.size() && !is_json_space(text[i]) && !is_structural(text[i]);
        };
        std::size_t begin = at;
        if (!in_word(at)) {
            if (at == 0 || !in_word(at - 1)) return {at, std::min(at + 1, text.size())};
            begin = at - 1;
        }
        std::size_t end = begin;
        while (begin > file_.content_begin() && in_word(begin - 1))
            --begin;
        while (in_word(end))
            ++end;
        return {begin, end};
    }
};

} // namespace
} // namespace io

values_result read_values_json(const source_file& file) {
    io::values_builder out(file);
    if (out.check_text()) {
        const std::string_view content = file.content();
        if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            out.error(io::codes::not_an_object, {file.text().size(), file.text().size()},
                      "the file is empty: expected a JSON object of sections (values, targets, …)");
        } else {
            io::values_handler handler(out);
            nlohmann::json::sax_parse(content.begin(), content.end(), &handler);
        }
    }
    return std::move(out).finish();
}

} // namespace rubric

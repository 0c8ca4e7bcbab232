// values_builder.cpp — the parts of reading a values file that do not depend on its format.
#include "io/values_builder.hpp"

#include "check/suggest.hpp"
#include "io/codes.hpp"

#include <array>
#include <cstdio>

namespace rubric {

std::string_view to_string(value_kind kind) noexcept {
    switch (kind) {
    case value_kind::input: return "";
    case value_kind::target: return "目标";
    case value_kind::not_applicable: return "不适用";
    case value_kind::exempt: return "豁免";
    case value_kind::judged: return "评定";
    case value_kind::choice: return "选择";
    case value_kind::category: return "类别";
    case value_kind::claimed: return "自评";
    }
    return "";
}

namespace io {

namespace {

constexpr std::string_view ideographic_space = "\xE3\x80\x80"; // U+3000

std::string hex_byte(unsigned char byte) {
    std::array<char, 8> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "0x%02X", static_cast<unsigned>(byte));
    return buffer.data();
}

} // namespace

std::size_t space_length(std::string_view text, std::size_t at) noexcept {
    if (at >= text.size()) return 0;
    if (text[at] == ' ' || text[at] == '\t') return 1;
    return text.substr(at).starts_with(ideographic_space) ? ideographic_space.size() : 0;
}

std::string_view trim(std::string_view text) noexcept {
    std::size_t begin = 0;
    while (const std::size_t n = space_length(text, begin))
        begin += n;
    std::size_t end = text.size();
    while (end > begin) {
        if (text[end - 1] == ' ' || text[end - 1] == '\t')
            --end;
        else if (end - begin >= ideographic_space.size() &&
                 text.substr(end - ideographic_space.size(), ideographic_space.size()) == ideographic_space)
            end -= ideographic_space.size();
        else
            break;
    }
    return text.substr(begin, end - begin);
}

source_range trim(const source_file& file, source_range range) noexcept {
    const std::string_view raw = file.text(range);
    const std::string_view kept = trim(raw);
    if (kept.empty()) return {range.begin, range.begin};
    const auto begin = range.begin + static_cast<std::size_t>(kept.data() - raw.data());
    return {begin, begin + kept.size()};
}

std::string quote(std::string_view text) { return "“" + std::string(text) + "”"; }

std::string describe(value_kind kind, std::string_view key) {
    switch (kind) {
    case value_kind::input: return quote(key);
    case value_kind::target: return "the target of " + quote(key);
    case value_kind::not_applicable: return "the not-applicable mark on " + quote(key);
    case value_kind::exempt: return "the exemption of " + quote(key);
    case value_kind::judged: return "the judged score of " + quote(key);
    case value_kind::choice: return "the choice for " + quote(key);
    case value_kind::category: return "the category of " + quote(key);
    case value_kind::claimed: return "the claimed score of " + quote(key);
    }
    return quote(key);
}

std::string missing_value_message(value_kind kind, std::string_view key) {
    switch (kind) {
    case value_kind::input:
    case value_kind::claimed:
    case value_kind::target: return describe(kind, key) + " has no value";
    case value_kind::exempt: return describe(kind, key) + " has no reason";
    case value_kind::judged: return describe(kind, key) + " has no score";
    case value_kind::not_applicable:
    case value_kind::choice:
    case value_kind::category: break;
    }
    return describe(kind, key) + " is empty";
}

void suggest(diagnostic& d, std::string_view written, std::span<const std::string> candidates) {
    if (const std::optional<std::string> close = checker::closest(written, candidates))
        d.note("did you mean " + quote(*close) + "?");
}

diagnostic& values_builder::error(std::string_view code, source_range range, std::string message) {
    return diagnostics_.error(std::string(code), file_.name(), range, std::move(message));
}

bool values_builder::check_text() {
    if (file_.text().size() > max_file_bytes) {
        error(codes::file_too_large, {0, 0},
              "the file is too large: " + std::to_string(file_.text().size()) +
                  " bytes, more than the limit of " + std::to_string(max_file_bytes) + " bytes");
        return false;
    }
    const std::optional<utf8_error> bad = validate_utf8(file_.text());
    if (!bad) return true;
    error(codes::invalid_utf8, {bad->offset, bad->offset + 1},
          "the file is not valid UTF-8: " + std::string(to_string(bad->kind)) + " (byte " +
              hex_byte(bad->value) + ") at line " + std::to_string(bad->line) + ", byte " +
              std::to_string(bad->line_byte));
    return false;
}

void values_builder::add(value_entry entry, source_range key_place) {
    const auto [first, inserted] = first_place_.try_emplace({entry.kind, entry.key}, key_place);
    if (!inserted) {
        error(codes::given_twice, key_place, describe(entry.kind, entry.key) + " is given twice")
            .note("first given here", first->second);
        return;
    }
    entries_.push_back(std::move(entry));
}

void values_builder::set_unit(std::string name, source_range place) {
    if (unit_place_) {
        error(codes::given_twice, place, "the unit's name is given twice")
            .note("first given here", *unit_place_);
        return;
    }
    unit_ = std::move(name);
    unit_place_ = place;
}

values_result values_builder::finish() && {
    values_result result;
    if (!diagnostics_.has_errors())
        result.values =
            unit_values{.file = file_.name(), .unit = std::move(unit_), .entries = std::move(entries_)};
    result.diagnostics = std::move(diagnostics_);
    return result;
}

} // namespace io
} // namespace rubric

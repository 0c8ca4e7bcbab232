// values_builder.hpp — what the JSON and CSV values readers share: trimming, the UTF-8 check, the words
// messages use for entries, and the builder that collects entries, reports repeats and is all or nothing.
#pragma once

#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>
#include <rubric/values.hpp>

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rubric::io {

/// Whether `text[at]` starts a space that trimming removes: ASCII space, tab, or U+3000 (the ideographic
/// space a Chinese input method types); returns its length in bytes, 0 when it is not one.
std::size_t space_length(std::string_view text, std::size_t at) noexcept;
/// The range of `range`'s text without the spaces at either end (space_length).
source_range trim(const source_file& file, source_range range) noexcept;
/// `text` without the spaces at either end.
std::string_view trim(std::string_view text) noexcept;

/// A name or text as messages quote it: “预算数”.
std::string quote(std::string_view text);
/// How messages name an entry: “预算数” for an input, “the target of “项目产出”” for a target, ….
std::string describe(value_kind kind, std::string_view key);
/// The message for an entry without its value: “预算数” has no value, the exemption of “X” has no reason, ….
std::string missing_value_message(value_kind kind, std::string_view key);
/// Adds “did you mean …?” to `d` when one of `candidates` is close to `written`.
void suggest(diagnostic& d, std::string_view written, std::span<const std::string> candidates);

/// Collects a values file's entries and diagnostics; finish() gives values only when there is no error.
class values_builder {
public:
    explicit values_builder(const source_file& file) : file_(file) {}

    const source_file& file() const noexcept { return file_; }
    diagnostic& error(std::string_view code, source_range range, std::string message);

    /// A unit's values fit in far less than a rubric may take; the limit keeps a wrong file (a database dump)
    /// harmless.
    static constexpr std::size_t max_file_bytes = 4 * 1024 * 1024;

    /// False, after V0115, when the file is larger than max_file_bytes, or after V0101 at the first bad byte
    /// when it is not UTF-8: nothing else can be read then.
    bool check_text();
    /// Adds an entry unless its kind and key were given before: then V0106 at `key_place` with a note at
    /// the first's (a place is the key as diagnostics show it: a JSON key with its quotes).
    void add(value_entry entry, source_range key_place);
    /// Sets the unit's name, once (V0106 the second time).
    void set_unit(std::string name, source_range place);

    values_result finish() &&;

private:
    const source_file& file_;
    diagnostic_list diagnostics_;
    std::vector<value_entry> entries_;
    std::map<std::pair<value_kind, std::string>, source_range> first_place_;
    std::string unit_;
    std::optional<source_range> unit_place_;
};

} // namespace rubric::io

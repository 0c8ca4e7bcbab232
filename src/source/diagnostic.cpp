// diagnostic.cpp — building diagnostics and the list that collects them.
#include <algorithm>
#include <rubric/diagnostic.hpp>
#include <utility>

namespace rubric {

std::string_view to_string(severity level) noexcept {
    switch (level) {
    case severity::error:
        return "error";
    case severity::warning:
        return "warning";
    case severity::note:
        return "note";
    }
    return "error";
}

diagnostic& diagnostic::note(std::string note_message, source_range note_range) {
    notes.push_back({std::move(note_message), note_range, {}});
    return *this;
}

diagnostic& diagnostic::note(std::string note_message) {
    notes.push_back({std::move(note_message), std::nullopt, {}});
    return *this;
}

diagnostic& diagnostic_list::add(diagnostic d) {
    return items_.emplace_back(std::move(d));
}

diagnostic& diagnostic_list::error(std::string code, std::string file, source_range range,
                                   std::string message) {
    return add({std::move(code), severity::error, std::move(file), range, std::move(message), {}});
}

diagnostic& diagnostic_list::warning(std::string code, std::string file, source_range range,
                                     std::string message) {
    return add({std::move(code), severity::warning, std::move(file), range, std::move(message), {}});
}

void diagnostic_list::append(const diagnostic_list& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t diagnostic_list::count(rubric::severity level) const noexcept {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                  [&](const diagnostic& d) { return d.severity == level; }));
}

void diagnostic_list::sort_by_position() {
    std::stable_sort(items_.begin(), items_.end(), [](const diagnostic& a, const diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        return a.range.begin < b.range.begin;
    });
}

} // namespace rubric

// context.hpp — what every checker pass shares: the model being built and the diagnostics being collected.
#pragma once

#include "check/model.hpp"

#include <rubric/diagnostic.hpp>
#include <string>
#include <string_view>

namespace rubric::checker {

using detail::checked_model;
using detail::file_index;

class context {
public:
    context(checked_model& model, diagnostic_list& diagnostics) : model_(model), diagnostics_(diagnostics) {}

    checked_model& model() noexcept { return model_; }
    const checked_model& model() const noexcept { return model_; }
    const std::string& file_name(file_index file) const { return model_.sources[file].name(); }

    diagnostic& error(std::string_view code, file_index file, source_range range, std::string message) {
        return report(severity::error, code, file, range, std::move(message));
    }
    diagnostic& warning(std::string_view code, file_index file, source_range range, std::string message) {
        return report(severity::warning, code, file, range, std::move(message));
    }

    /// Adds a diagnostic made elsewhere (the parser's).
    void add(const diagnostic& d) { diagnostics_.add(d); }

    /// Adds a note pointing at `where`, which may be in another file than the diagnostic.
    void note(diagnostic& d, const detail::origin& where, std::string message) const {
        d.notes.push_back(diagnostic_note{
            .message = std::move(message), .range = where.range, .file = file_name(where.file)});
    }

private:
    diagnostic& report(severity level, std::string_view code, file_index file, source_range range,
                       std::string message) {
        return diagnostics_.add(diagnostic{.code = std::string(code),
                                           .severity = level,
                                           .file = file_name(file),
                                           .range = range,
                                           .message = std::move(message)});
    }

    checked_model& model_;
    diagnostic_list& diagnostics_;
};

} // namespace rubric::checker

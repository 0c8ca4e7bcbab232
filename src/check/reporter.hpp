// reporter.hpp — reports each diagnostic once. A named rule is read once for every indicator that uses it, so
// the same problem at the same place would otherwise be reported again for each use.
#pragma once

#include "check/context.hpp"
#include "check/scope.hpp"

#include <set>
#include <string>
#include <string_view>
#include <tuple>

namespace rubric::checker {

class reporter {
public:
    explicit reporter(context& ctx) : ctx_(ctx) {}

    /// The new diagnostic, or null when the same one was reported already (notes on null are dropped).
    diagnostic* error(std::string_view code, const detail::origin& where, std::string message) {
        return report(severity::error, code, where, std::move(message));
    }
    diagnostic* warning(std::string_view code, const detail::origin& where, std::string message) {
        return report(severity::warning, code, where, std::move(message));
    }
    void note(diagnostic* d, const detail::origin& where, std::string message) const {
        if (d) ctx_.note(*d, where, std::move(message));
    }
    /// For a problem inside a named rule's body: a note at each call that led there, innermost first.
    void note_calls(diagnostic* d, const scope& where, const std::string& subject_name) const {
        for (const scope* s = &where; d && s && s->rule(); s = s->caller()) {
            const std::string user = s->caller() && s->caller()->rule()
                                         ? "the rule “" + s->caller()->rule()->name.text + "”"
                                         : "“" + subject_name + "”";
            ctx_.note(*d, s->call(), user + " uses “" + s->rule()->name.text + "” here");
        }
    }

    context& ctx() noexcept { return ctx_; }
    const checked_model& model() const noexcept { return ctx_.model(); }

private:
    diagnostic* report(severity level, std::string_view code, const detail::origin& where,
                       std::string message) {
        if (!seen_.emplace(std::string(code), where.file, where.range.begin, where.range.end, message).second)
            return nullptr;
        return level == severity::error ? &ctx_.error(code, where.file, where.range, std::move(message))
                                        : &ctx_.warning(code, where.file, where.range, std::move(message));
    }

    context& ctx_;
    std::set<std::tuple<std::string, file_index, std::size_t, std::size_t, std::string>> seen_;
};

} // namespace rubric::checker

// render.hpp — what the text and JSON renderers of diagnostics share.
#pragma once

#include <algorithm>
#include <rubric/source.hpp>
#include <span>
#include <string_view>

namespace rubric::detail {

/// The source a diagnostic or note names, or null when it names none or it was not given.
inline const source_file* find_source(std::span<const source_file> sources, std::string_view name) noexcept {
    if (name.empty()) return nullptr;
    auto it =
        std::find_if(sources.begin(), sources.end(), [&](const source_file& s) { return s.name() == name; });
    return it == sources.end() ? nullptr : &*it;
}

} // namespace rubric::detail

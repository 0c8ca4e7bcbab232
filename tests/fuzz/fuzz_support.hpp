// fuzz_support.hpp — what the fuzz targets share: how a broken promise becomes a finding, and the checks
// every diagnostic must pass whatever the input.
//
// A fuzz target finds more than crashes: each one states what the library promises about any input and aborts
// when a promise breaks, so libFuzzer keeps the input as a finding like any crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>
#include <span>

namespace rubric::fuzz {

/// Aborts with `what` when `holds` is false.
inline void require(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
    std::abort();
}

/// Every diagnostic points inside its file and renders, as text and as JSON.
inline void require_renderable(const diagnostic_list& diagnostics, std::span<const source_file> sources) {
    for (const diagnostic& d : diagnostics.items()) {
        require(!d.code.empty() && !d.message.empty(), "a diagnostic has a code and a message");
        for (const source_file& file : sources)
            if (file.name() == d.file)
                require(d.range.begin <= d.range.end && d.range.end <= file.text().size(),
                        "a diagnostic's range lies inside its file");
    }
    require(!render_text(diagnostics.items(), sources).empty() || diagnostics.empty(), "diagnostics render");
    render_json(diagnostics.items(), sources);
}

} // namespace rubric::fuzz

// parse_support.hpp — helpers of the parser's tests: parse a text, then compare its dump or its diagnostics.
#pragma once

#include "syntax/ast_dump.hpp"
#include "syntax/parse.hpp"

#include <optional>
#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace rubric::testing {

/// A text parsed as the file `name`.
struct parsed {
    source_file file;
    diagnostic_list diagnostics;
    std::optional<ast::source_module> module;
};

inline parsed parse_text(std::string text, std::string name = "test.rubric",
                         syntax::parse_limits limits = {}) {
    parsed p{source_file(std::move(name), std::move(text)), {}, {}};
    p.module = syntax::parse_module(p.file, p.diagnostics, limits);
    return p;
}

/// The whole dump of a text that parses, else its rendered diagnostics (so a failing CHECK shows why).
inline std::string dump_of(std::string text, syntax::dump_options options = {}) {
    const parsed p = parse_text(std::move(text));
    if (!p.module || !p.diagnostics.empty()) return render_text(p.diagnostics.items(), p.file);
    return syntax::dump(*p.module, options);
}

/// The rendered diagnostics of a text (empty when it parses cleanly).
inline std::string errors_of(std::string text, std::string name = "test.rubric",
                             syntax::parse_limits limits = {}) {
    const parsed p = parse_text(std::move(text), std::move(name), limits);
    return render_text(p.diagnostics.items(), p.file);
}

/// Where a fragment is written for a test: the body of an indicator, of a group, of the rubric, after the
/// rubric (tests), or the whole file.
enum class place { indicator, group, rubric, tests, file };

/// The dump of what `fragment` adds at its place, without the surrounding rubric, indicator or group, and
/// indented from column 0; the rendered diagnostics if it does not parse.
inline std::string dump_in(place where, std::string_view fragment) {
    std::string text;
    std::size_t drop_lines = 0, indent = 0, closers = 0;
    switch (where) {
    case place::indicator:
        text = "评分表 \"t\" {\n  指标 x {\n    " + std::string(fragment) + "\n  }\n}\n";
        drop_lines = 2, indent = 4, closers = 2;
        break;
    case place::group:
        text = "评分表 \"t\" {\n  分组 g {\n    " + std::string(fragment) + "\n  }\n}\n";
        drop_lines = 2, indent = 4, closers = 2;
        break;
    case place::rubric:
        text = "评分表 \"t\" {\n  " + std::string(fragment) + "\n}\n";
        drop_lines = 1, indent = 2, closers = 1;
        break;
    case place::tests:
        text = "评分表 \"t\" { }\n" + std::string(fragment) + "\n";
        drop_lines = 1, indent = 2, closers = 1;
        break;
    case place::file:
        text = std::string(fragment);
        break;
    }
    const parsed p = parse_text(text);
    if (!p.module || !p.diagnostics.empty()) return render_text(p.diagnostics.items(), p.file);
    std::istringstream lines(syntax::dump(*p.module));
    std::vector<std::string> kept;
    std::string line;
    for (std::size_t n = 0; std::getline(lines, line); ++n)
        if (n >= drop_lines) kept.push_back(line.substr(std::min(indent, line.size())));
    if (!kept.empty()) kept.back().resize(kept.back().size() - std::min(closers, kept.back().size()));
    std::string out;
    for (const auto& l : kept)
        out += l + "\n";
    return out;
}

} // namespace rubric::testing

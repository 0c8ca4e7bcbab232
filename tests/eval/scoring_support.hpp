// scoring_support.hpp — what the scoring tests share: a rubric compiled from text or from rubrics/, values
// written as `key = text` lines, and a node's score as text.
#pragma once

#include <catch2/catch.hpp>
#include <fstream>
#include <rubric/rubric.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace rubric::testing {

/// Compiles rubric text; fails the test with the diagnostics when it does not check.
inline compiled_rubric compile_text(std::string text, std::string name = "test.rubric") {
    check_result checked = check(source_file(std::move(name), std::move(text)));
    INFO(render_text(checked.diagnostics.items(), checked.sources));
    REQUIRE(checked.rubric);
    return compile(*checked.rubric);
}

/// The text of a file of the repository (a path from its root).
inline std::string repository_file(const std::string& path) {
    std::ifstream in(std::string(RUBRIC_SOURCE_DIR) + "/" + path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Compiles a rubric of the repository (a path from its root), with the files it imports.
inline compiled_rubric compile_file(const std::string& path) {
    check_options options;
    options.resolve_import = [](std::string_view imported, const source_file& importer) {
        const std::string base = importer.name().substr(0, importer.name().rfind('/') + 1);
        const std::string full = base + std::string(imported);
        return std::optional(source_file(full, repository_file(full)));
    };
    check_result checked = check(source_file(path, repository_file(path)), options);
    INFO(render_text(checked.diagnostics.items(), checked.sources));
    REQUIRE(checked.rubric);
    return compile(*checked.rubric);
}

/// One values entry: an input by default, or another kind.
inline value_entry entry(std::string key, std::string text, value_kind kind = value_kind::input,
                         std::string reason = {}) {
    value_entry e;
    e.kind = kind;
    e.key = std::move(key);
    e.text = std::move(text);
    e.reason = std::move(reason);
    return e;
}

inline unit_values values(std::vector<value_entry> entries) {
    unit_values out;
    out.file = "values.json";
    out.entries = std::move(entries);
    return out;
}

/// Binds; fails the test with the diagnostics when binding fails.
inline bound_values bind_ok(const compiled_rubric& rubric, const unit_values& v) {
    bind_result bound = bind(rubric, v);
    INFO(render_text(bound.diagnostics.items(), std::span<const source_file>()));
    REQUIRE(bound.values);
    return *bound.values;
}

/// The messages of bind's diagnostics, one per line: `CODE message`.
inline std::string bind_errors(const compiled_rubric& rubric, const unit_values& v) {
    bind_result bound = bind(rubric, v);
    std::string out;
    for (const diagnostic& d : bound.diagnostics)
        out += d.code + " " + d.message + "\n";
    return out;
}

/// A node's score as text ("2", "3.6"), or "error: …" with its message.
inline std::string score_of(const compiled_rubric& rubric, const result& r, std::string_view path) {
    const std::optional<std::size_t> node = rubric.find(path);
    REQUIRE(node);
    const node_result& n = r.nodes()[*node];
    if (n.status == node_status::error) return "error: " + r.error(*node);
    return n.score.to_string();
}

inline std::string explanation(const compiled_rubric& rubric, const result& r, std::string_view path,
                               language lang = language::zh) {
    const std::optional<std::size_t> node = rubric.find(path);
    REQUIRE(node);
    return r.explain(*node, lang);
}

} // namespace rubric::testing

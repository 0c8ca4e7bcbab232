// fuzz_values.hpp — the body of the values-file fuzz targets: any bytes as a unit's values file, read, bound
// to every rubric of the corpus (rubrics/), scored, explained and audited.
//
// Promises: reading and binding are all or nothing (values exactly when no error); every diagnostic points
// inside the file and renders; a scored indicator or item lies in [0, its weight]; scoring into a result
// reused from the previous input gives what scoring into a new one gives, explanations included; so does
// the interpreter alone, where the fixed-point scorer took the unit (plan/fixed_point.hpp).
#pragma once

#include "cli/files.hpp"
#include "eval/evaluate.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <rubric/rubric.hpp>
#include <string>
#include <vector>

namespace rubric::fuzz {

struct corpus_rubric {
    compiled_rubric compiled;
    std::unique_ptr<result> reused; // holds the previous input's result
};

// The corpus's rubrics (not its templates, libraries or test suites), compiled once.
inline std::vector<corpus_rubric>& corpus_rubrics() {
    static std::vector<corpus_rubric> all = [] {
        std::vector<corpus_rubric> out;
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(RUBRIC_SOURCE_DIR "/rubrics")) {
            if (entry.path().extension() != ".rubric") continue;
            std::string error;
            std::optional<std::string> text = cli::read_file(entry.path().string(), error);
            require(text.has_value(), "the corpus's rubric files can be read");
            const check_result checked =
                check(source_file(entry.path().string(), std::move(*text)), {cli::file_import_resolver()});
            require(checked.rubric.has_value(), "the corpus's rubric files check");
            if (checked.rubric->kind() == file_kind::rubric)
                out.push_back({compile(*checked.rubric), std::make_unique<result>()});
        }
        require(!out.empty(), "the corpus has rubrics");
        return out;
    }();
    return all;
}

// `pair` names the two results compared, for the message of a broken promise.
inline void require_same(const result& a, const result& b, std::size_t node_count, const char* pair) {
    const auto same = [pair](bool holds, const char* what) {
        if (!holds) std::fprintf(stderr, "fuzz: %s differ in %s\n", pair, what);
        require(holds, "two ways of scoring one unit agree");
    };
    same(a.complete() == b.complete() && a.total() == b.total() && a.grade() == b.grade(), "total or grade");
    for (std::size_t i = 0; i < node_count; ++i) {
        const node_result &x = a.nodes()[i], &y = b.nodes()[i];
        same(x.status == y.status && x.zeroed == y.zeroed, "a status");
        if (x.status == node_status::error) {
            same(a.error(i) == b.error(i), "an error");
            continue;
        }
        same(x.max == y.max && x.score == y.score && x.unrounded == y.unrounded, "a score");
        same(a.explain(i) == b.explain(i) && a.explain(i, language::en) == b.explain(i, language::en),
             "an explanation");
    }
}

inline void score_everywhere(const source_file& file, const values_result& read) {
    require(read.ok() == read.values.has_value(), "reading gives values exactly when it is ok");
    require_renderable(read.diagnostics, {&file, 1});
    if (!read.values) return;
    for (corpus_rubric& r : corpus_rubrics()) {
        const bind_result bound = bind(r.compiled, *read.values);
        require(bound.ok() == bound.values.has_value(), "binding gives values exactly when it is ok");
        require_renderable(bound.diagnostics, {&file, 1});
        if (!bound.values) continue;

        const result fresh = evaluate(r.compiled, *bound.values);
        evaluate(r.compiled, *bound.values, *r.reused);
        const auto nodes = r.compiled.nodes();
        require_same(fresh, *r.reused, nodes.size(), "a reused result and a new one");
        result interpreted;
        detail::evaluate_into(interpreted.record(), r.compiled.shared_program(), bound.values->shared_state(),
                              detail::scorer::interpreter);
        require_same(fresh, interpreted, nodes.size(), "the fastest scorer and the interpreter");
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const node_result& n = fresh.nodes()[i];
            if (n.status == node_status::scored &&
                (nodes[i].kind == node_kind::indicator || nodes[i].kind == node_kind::item))
                require(n.score >= 0 && n.score <= n.max, "a scored indicator lies in [0, its weight]");
        }
        fresh.vetoes();
        audit(r.compiled, *bound.values, fresh);
        audit(r.compiled, *bound.values, fresh, language::en);
    }
}

/// The whole target: `read` is read_values_json or read_values_csv.
inline int fuzz_values(const std::uint8_t* data, std::size_t size,
                       values_result (*read)(const source_file&)) {
    const source_file file("fuzz.values", std::string(reinterpret_cast<const char*>(data), size));
    score_everywhere(file, read(file));
    return 0;
}

} // namespace rubric::fuzz

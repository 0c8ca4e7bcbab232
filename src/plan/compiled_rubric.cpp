// compiled_rubric.cpp — the public face of a program (compiler.hpp): compile(), and looking up nodes by path.
#include "check/suggest.hpp"
#include "plan/compile.hpp"

#include <algorithm>
#include <rubric/compiler.hpp>

namespace rubric {

std::string_view to_string(node_kind kind) noexcept {
    switch (kind) {
    case node_kind::group: return "group";
    case node_kind::indicator: return "indicator";
    case node_kind::item: return "item";
    case node_kind::bonus: return "bonus";
    case node_kind::penalty: return "penalty";
    }
    return "group";
}

const std::string& compiled_rubric::title() const noexcept {
    return program_->title;
}

const decimal& compiled_rubric::total() const noexcept {
    return program_->total;
}

std::span<const node_info> compiled_rubric::nodes() const noexcept {
    return program_->info;
}

std::span<const input_info> compiled_rubric::inputs() const noexcept {
    return program_->inputs_info;
}

std::span<const std::string> compiled_rubric::grades() const noexcept {
    return program_->grade_names;
}

std::optional<std::size_t> compiled_rubric::find(std::string_view path) const {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t dot = path.find('.', start);
        parts.push_back(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < program_->info.size(); ++i) {
        const std::vector<std::string>& p = program_->info[i].path;
        if (p.size() < parts.size() ||
            !std::equal(parts.begin(), parts.end(), p.end() - static_cast<std::ptrdiff_t>(parts.size())))
            continue;
        if (found) return std::nullopt; // ambiguous
        found = i;
    }
    return found;
}

std::optional<std::string> compiled_rubric::closest(std::string_view path) const {
    std::vector<std::string> candidates;
    for (const node_info& n : program_->info) {
        candidates.push_back(n.name);
        std::string dotted;
        for (const std::string& part : n.path)
            dotted += (dotted.empty() ? "" : ".") + part;
        candidates.push_back(std::move(dotted));
    }
    return checker::closest(path, candidates);
}

file_kind checked_rubric::kind() const noexcept {
    switch (model_->modules[0].kind) {
    case ast::module_kind::rubric: return file_kind::rubric;
    case ast::module_kind::template_: return file_kind::template_;
    case ast::module_kind::library: return file_kind::library;
    case ast::module_kind::test_suite: return file_kind::test_suite;
    }
    return file_kind::rubric;
}

compiled_rubric compile(const checked_rubric& rubric) {
    return compiled_rubric(std::make_shared<const detail::program>(detail::compile_program(rubric.model())));
}

} // namespace rubric

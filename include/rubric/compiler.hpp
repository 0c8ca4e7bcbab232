// compiler.hpp — from rubric text to a compiled rubric: parse, check every rule before anything is scored, then
// compile the checked model into an immutable evaluation tree that scores units (result.hpp).
//
// The library reads no files: the caller hands over the text of the rubric and, through an import_resolver,
// the text of every file it imports. Problems in the rubric are diagnostics in the result, never exceptions;
// an exception means the library could not go on at all (std::bad_alloc).
#pragma once

#include <rubric/decimal.hpp>
#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rubric {

/// Finds the text of an imported file. `path` is the string written after `import`/`导入` (or `extends`/`基于`);
/// `importer` is the file that wrote it, so relative paths can be resolved against it. Return nullopt when
/// there is no such file: the checker reports it at the import.
using import_resolver =
    std::function<std::optional<source_file>(std::string_view path, const source_file& importer)>;

struct check_options {
    import_resolver resolve_import; ///< when empty, every import is reported as unresolved
};

namespace detail {
struct checked_model;
struct program;
} // namespace detail

/// What a checked file is: a scoring table, a template others extend, a library of definitions, or a suite of
/// tests for a rubric (grammar/README.md §4).
enum class file_kind { rubric, template_, library, test_suite };

/// A rubric that passed the checker. Immutable; copies share one model, so it is cheap to pass around and
/// safe to read from many threads at once.
class checked_rubric {
public:
    explicit checked_rubric(std::shared_ptr<const detail::checked_model> model) : model_(std::move(model)) {}

    /// What the checked file is. Units are scored by a rubric (`评分表`); a template's rows are left to the
    /// rubrics that extend it, a library has none, a test suite scores by the rubric it names.
    file_kind kind() const noexcept;

    /// The model, for the compiler stage inside the library.
    const detail::checked_model& model() const noexcept { return *model_; }

private:
    std::shared_ptr<const detail::checked_model> model_;
};

/// What check() found.
struct check_result {
    std::optional<checked_rubric> rubric; ///< present exactly when there are no errors
    diagnostic_list diagnostics;          ///< every error, warning and note, in source order
    std::vector<source_file> sources;     ///< the checked file first, then every file it imported

    bool ok() const noexcept { return !diagnostics.has_errors(); }
};

/// Parses and checks one rubric file (and what it imports). Reports every problem in the file, not only the
/// first: syntax errors stop that file's checking, semantic problems are all collected.
check_result check(source_file file, const check_options& options = {});

/// What a node of the scoring tree is.
enum class node_kind {
    group,     ///< 分组: its score is the sum of its children's
    indicator, ///< 指标: a scored row
    item,      ///< 分项: one of several rows scored under one indicator's weight
    bonus,     ///< 加分: a block added to the total
    penalty,   ///< 减分: a block subtracted from the total
};

/// Words for a kind: "group", "indicator", "item", "bonus", "penalty".
std::string_view to_string(node_kind kind) noexcept;

/// A node of the scoring tree as the rubric declares it.
struct node_info {
    node_kind kind = node_kind::indicator;
    std::string name;
    std::vector<std::string> path;   ///< names from the top down to this node, itself included
    std::optional<std::size_t> parent;
    std::vector<std::size_t> children;
    /// The weight in points; nullopt when it depends on the unit's category (`权重 依 …`). An item's weight is
    /// its indicator's: each item is scored as if it had the whole weight.
    std::optional<decimal> weight;
    std::string published; ///< the published rule text (`原文`), if written
};

/// What kind of value an input takes.
enum class input_kind { quantity, percent, date, boolean, level };

/// An input of the rubric: a key a unit's values may give.
struct input_info {
    std::string name;                ///< the key: “支出进度率”, or “财务管理制度健全性.1” for a checklist item
    input_kind kind = input_kind::quantity;
    std::string unit;                ///< the unit values are shown in: “万元”, “人”, “元/人”; "" for none
    std::vector<std::string> levels; ///< a level input's levels, best first
    bool derived = false;            ///< computed from other inputs when they are given (取值 … = 公式)
    bool checklist_item = false;
};

/// A rubric compiled for scoring: names resolved to slots, constants folded, named rules expanded. Immutable;
/// copies share one evaluation tree, so it is cheap to pass around and safe to evaluate from many threads at
/// once (each thread with its own result).
class compiled_rubric {
public:
    explicit compiled_rubric(std::shared_ptr<const detail::program> program) : program_(std::move(program)) {}

    const std::string& title() const noexcept;
    /// The declared total (100 when none is declared).
    const decimal& total() const noexcept;
    /// Every node, parents before children (pre-order, in the order written).
    std::span<const node_info> nodes() const noexcept;
    /// The node a path names: all its names joined with '.', or any unambiguous tail of them
    /// ("效益.经济效益", "经济效益"). nullopt when none or several match.
    std::optional<std::size_t> find(std::string_view path) const;
    /// For a path find() does not know, the node name or dotted path nearest to it by character edits
    /// (“did you mean …”); nullopt when none is near.
    std::optional<std::string> closest(std::string_view path) const;
    /// Every input, in the order of their names (inputs first, then checklist items).
    std::span<const input_info> inputs() const noexcept;
    /// The names of the grades, in the order declared (best first).
    std::span<const std::string> grades() const noexcept;

    /// The evaluation tree, for the evaluator inside the library.
    const detail::program& program() const noexcept { return *program_; }
    const std::shared_ptr<const detail::program>& shared_program() const noexcept { return program_; }

private:
    std::shared_ptr<const detail::program> program_;
};

/// Compiles a checked rubric. Never fails: everything that could stop scoring was checked already.
compiled_rubric compile(const checked_rubric& rubric);

} // namespace rubric

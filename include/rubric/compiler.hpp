// compiler.hpp — from rubric text to a checked rubric: parse, then check every rule before anything is scored.
//
// The library reads no files: the caller hands over the text of the rubric and, through an import_resolver,
// the text of every file it imports. Problems in the rubric are diagnostics in the result, never exceptions;
// an exception means the library could not go on at all (std::bad_alloc).
#pragma once

#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>

#include <functional>
#include <memory>
#include <optional>
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
} // namespace detail

/// A rubric that passed the checker. Immutable; copies share one model, so it is cheap to pass around and
/// safe to read from many threads at once.
class checked_rubric {
public:
    explicit checked_rubric(std::shared_ptr<const detail::checked_model> model) : model_(std::move(model)) {}

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

} // namespace rubric

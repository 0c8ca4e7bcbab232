// checker.cpp — check(): the checker's entry point, running the passes in order over one rubric and its
// imports.
#include "check/passes.hpp"

#include <memory>

namespace rubric {

check_result check(source_file file, const check_options& options) {
    check_result result;
    auto model = std::make_shared<detail::checked_model>();
    checker::context ctx(*model, result.diagnostics);

    checker::load_modules(ctx, std::move(file), options.resolve_import);
    // A file that did not parse has no tree to check; its syntax errors are the report. Named rules too
    // large written out (E0219) stop the passes that follow them into their bodies.
    if (!result.diagnostics.has_errors()) {
        checker::collect_declarations(ctx);
        if (checker::resolve_names(ctx)) {
            checker::check_templates(ctx);
            checker::check_weights(ctx);
            checker::check_types(ctx);
            checker::check_derived_inputs(ctx);
            checker::check_rules(ctx);
            checker::check_policies(ctx);
        }
        checker::apply_acknowledgements(ctx, result.diagnostics);
    }

    result.diagnostics.sort_by_position();
    result.sources = model->sources;
    if (!result.diagnostics.has_errors()) result.rubric.emplace(std::move(model));
    return result;
}

} // namespace rubric

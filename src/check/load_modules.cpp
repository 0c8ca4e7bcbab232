// load_modules.cpp — the checked file and everything it imports or extends, parsed once each, cycles
// reported.
#include "check/codes.hpp"
#include "check/passes.hpp"
#include "syntax/parse.hpp"

#include <algorithm>

namespace rubric::checker {
namespace {

class loader {
public:
    loader(context& ctx, const import_resolver& resolve) : ctx_(ctx), resolve_(resolve) {}

    // Parses `file` and then what it imports, depth first; chain_ is the import path that led here.
    file_index load(source_file file, detail::module_role role) {
        checked_model& model = ctx_.model();
        const file_index index = model.sources.size();
        model.sources.push_back(std::move(file));
        model.roles.push_back(role);
        diagnostic_list syntax;
        std::optional<ast::source_module> parsed = syntax::parse_module(model.sources[index], syntax);
        for (const diagnostic& d : syntax)
            ctx_.add(d);
        if (!parsed) {
            model.modules.emplace_back(); // keeps modules parallel to sources
            return index;
        }
        model.modules.push_back(std::move(*parsed));
        chain_.push_back(index);
        const ast::source_module& module = model.modules[index];
        for (const ast::import_decl& import : module.imports)
            follow(index, import.file, &import, detail::module_role::library);
        // What a library imports is a library too; what the checked file or a base extends is a base.
        if (module.base)
            follow(index, *module.base, nullptr,
                   role == detail::module_role::library ? detail::module_role::library
                                                        : detail::module_role::base);
        // A test suite's tests are checked against the rubric it names (针对), which it reads like a base.
        if (module.kind == ast::module_kind::test_suite && role == detail::module_role::checked)
            follow(index, module.title, nullptr, detail::module_role::base);
        chain_.pop_back();
        return index;
    }

private:
    void follow(file_index from, const ast::text& path, const ast::import_decl* import,
                detail::module_role role) {
        checked_model& model = ctx_.model();
        std::optional<source_file> target;
        if (resolve_) target = resolve_(path.value, model.sources[from]);
        if (!target) {
            ctx_.error(codes::import_not_found, from, path.range,
                       "cannot find the file “" + path.value + "”");
            return;
        }
        const auto same_file = [&](file_index i) { return model.sources[i].name() == target->name(); };
        if (const auto on_chain = std::find_if(chain_.begin(), chain_.end(), same_file);
            on_chain != chain_.end()) {
            std::string cycle;
            for (auto it = on_chain; it != chain_.end(); ++it)
                cycle += model.sources[*it].name() + " → ";
            ctx_.error(codes::import_cycle, from, path.range, "import cycle: " + cycle + target->name());
            return;
        }
        for (file_index i = 0; i < model.sources.size(); ++i)
            if (same_file(i)) { // already loaded through another import
                model.links.push_back({from, i, import});
                return;
            }
        const file_index to = load(std::move(*target), role);
        model.links.push_back({from, to, import});
    }

    context& ctx_;
    const import_resolver& resolve_;
    std::vector<file_index> chain_;
};

} // namespace

void load_modules(context& ctx, source_file file, const import_resolver& resolve) {
    loader(ctx, resolve).load(std::move(file), detail::module_role::checked);
    // The extends chain, base-most first: the tree is built from its first file and amended by the others.
    checked_model& model = ctx.model();
    std::vector<file_index> chain{0};
    for (bool extended = true; extended;) {
        extended = false;
        for (const detail::module_link& link : model.links)
            if (!link.import && link.from == chain.back() &&
                model.roles[link.to] == detail::module_role::base &&
                std::find(chain.begin(), chain.end(), link.to) == chain.end()) {
                chain.push_back(link.to);
                extended = true;
                break;
            }
    }
    model.chain.assign(chain.rbegin(), chain.rend());
}

} // namespace rubric::checker

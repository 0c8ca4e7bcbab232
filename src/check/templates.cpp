// templates.cpp — imports and extension: a rubric `基于` a template starts from the template's tree and
// amends it (new nodes are added, `覆盖` nodes keep the base's parts they do not replace); imports bring
// libraries.
//
// Reported here: 覆盖 of a node the base lacks (E0703), a base node written again without 覆盖 (E0704), a
// rule left 待定 in a rubric (E0705), importing or extending the wrong kind of file (E0706), and a name that
// two imports, or an import and the rubric, both define (E0707).
#include "check/codes.hpp"
#include "check/overloaded.hpp"
#include "check/passes.hpp"
#include "check/suggest.hpp"
#include "check/tree.hpp"

#include <algorithm>
#include <boost/variant/apply_visitor.hpp>
#include <set>

namespace rubric::checker {
namespace {

std::string_view kind_word(ast::module_kind kind) {
    switch (kind) {
    case ast::module_kind::rubric:
        return "评分表";
    case ast::module_kind::template_:
        return "模板";
    case ast::module_kind::library:
        return "规则库";
    case ast::module_kind::test_suite:
        return "测试集";
    }
    return "评分表";
}

std::string_view kind_word(detail::node_kind kind) {
    switch (kind) {
    case detail::node_kind::group:
        return "group";
    case detail::node_kind::indicator:
        return "indicator";
    case detail::node_kind::bonus:
        return "bonus block";
    case detail::node_kind::penalty:
        return "penalty block";
    }
    return "node";
}

std::string a_kind(detail::node_kind kind) {
    return (kind == detail::node_kind::indicator ? "an " : "a ") + std::string(kind_word(kind));
}

// What an amending clause replaces in the base: the clause of the same kind, or nothing when clauses of its
// kind add up (inputs, notes, exemptions, acknowledgements, vetoes).
std::string replaced_kind(const ast::text_clause& t) {
    return t.kind == ast::text_kind::note ? "" : std::string(ast::to_string(t.kind));
}
std::string replaced_kind(const ast::not_applicable_clause&) {
    return "not_applicable";
}
std::string replaced_kind(const ast::value_clause&) {
    return "value";
}
std::string replaced_kind(const ast::target_clause&) {
    return "target";
}
std::string replaced_kind(const ast::rule_clause&) {
    return "rule";
}
std::string replaced_kind(const ast::combine_clause&) {
    return "combine";
}
std::string replaced_kind(const ast::item& row) {
    return "item " + row.name.text; // an item of the same name
}
template <class T>
std::string replaced_kind(const T&) {
    return "";
}

class amender {
public:
    amender(context& ctx, tree_builder& tree, file_index file)
        : ctx_(ctx), model_(ctx.model()), tree_(tree), file_(file) {}

    void module(const ast::source_module& m) {
        for (const ast::rubric_item& item : m.items)
            boost::apply_visitor(overloaded{
                                     [&](const ast::indicator& i) { add(i, std::nullopt); },
                                     [&](const ast::group& g) { add(g, std::nullopt); },
                                     [&](const ast::extra_block& e) {
                                         if (!written_in_base(e.name.text, e.name.range, std::nullopt))
                                             tree_.add(file_, e);
                                     },
                                     [&](const ast::override_decl& o) { amend(o, std::nullopt); },
                                     [](const auto&) {},
                                 },
                                 item);
    }

private:
    // A new node, under `scope` (an amended group) or at the top; a dotted name places it under the base's
    // node named by the parts before the last.
    template <class Node>
    void add(const Node& syntax, std::optional<std::size_t> scope) {
        std::optional<std::size_t> parent = scope;
        if (syntax.name.parts.size() > 1) {
            std::vector<std::string> parts = path_parts(syntax.name);
            parts.pop_back();
            const std::optional<std::size_t> found = find_one(parts, syntax.name.range, scope, std::nullopt);
            if (!found) return;
            parent = *found;
        }
        if (!written_in_base(syntax.name.parts.back().text, syntax.name.range, parent))
            tree_.add(file_, syntax, parent, true);
    }

    // E0704: the base already has a node of this name here.
    bool written_in_base(const std::string& name, source_range range, std::optional<std::size_t> parent) {
        const std::vector<std::size_t>& siblings = parent ? model_.nodes[*parent].children : model_.roots;
        for (std::size_t sibling : siblings) {
            const detail::node& existing = model_.nodes[sibling];
            // A node this file wrote already is a plain duplicate (E0212, from the tree builder).
            if (existing.name != name || existing.written.front().file == file_) continue;
            const bool indicator = existing.kind == detail::node_kind::indicator;
            ctx_.note(ctx_.error(codes::redefined_without_override, file_, range,
                                 "the base already has the " + std::string(kind_word(existing.kind)) + " “" +
                                     joined(existing.path) + "”; write 覆盖 " +
                                     (indicator ? "指标" : "分组") + " to amend it"),
                      existing.where, "the base's “" + existing.name + "” is here");
            return true;
        }
        return false;
    }

    // The one node a path names, searched under `scope` when given; reports none (E0703 when amending a node
    // of kind `amended`, E0204 when placing a new node under it) and several (E0214).
    std::optional<std::size_t> find_one(std::span<const std::string> parts, source_range range,
                                        std::optional<std::size_t> scope,
                                        std::optional<std::string_view> amended) {
        std::vector<std::size_t> found = find_nodes(model_, parts);
        if (scope) std::erase_if(found, [&](std::size_t i) { return !inside(i, *scope); });
        if (found.size() == 1) return found.front();
        if (found.empty()) {
            diagnostic& d = ctx_.error(amended ? codes::override_unknown : codes::unknown_path, file_, range,
                                       amended ? "the base has no " + std::string(*amended) + " “" +
                                                     joined(parts) + "” to amend"
                                               : "the base has no group “" + joined(parts) + "” to add to");
            std::vector<std::string> names;
            for (const detail::node& n : model_.nodes)
                names.push_back(joined(std::span(n.path).last(std::min(n.path.size(), parts.size()))));
            if (const std::optional<std::string> close = closest(joined(parts), names))
                d.note("did you mean “" + *close + "”?");
            return std::nullopt;
        }
        diagnostic& d = ctx_.error(codes::ambiguous_path, file_, range,
                                   "“" + joined(parts) + "” names " + std::to_string(found.size()) +
                                       " nodes; write more of its path");
        for (std::size_t i : found)
            ctx_.note(d, model_.nodes[i].where, "“" + joined(model_.nodes[i].path) + "”");
        return std::nullopt;
    }

    bool inside(std::size_t node, std::size_t ancestor) const {
        for (std::optional<std::size_t> at = model_.nodes[node].parent; at; at = model_.nodes[*at].parent)
            if (*at == ancestor) return true;
        return false;
    }

    // `覆盖 指标 …` / `覆盖 分组 …`: find the base's node and replace the parts written.
    void amend(const ast::override_decl& o, std::optional<std::size_t> scope) {
        boost::apply_visitor(
            overloaded{
                [&](const ast::indicator& i) { amend_indicator(i, o, scope); },
                [&](const ast::x3::forward_ast<ast::group>& g) { amend_group(g.get(), o, scope); },
            },
            o.target);
    }

    std::optional<std::size_t> target(const ast::path& name, detail::node_kind kind,
                                      std::optional<std::size_t> scope) {
        const std::vector<std::string> parts = path_parts(name);
        const std::optional<std::size_t> found = find_one(parts, name.range, scope, kind_word(kind));
        if (!found) return std::nullopt;
        const detail::node& n = model_.nodes[*found];
        if (n.kind != kind) {
            ctx_.note(ctx_.error(codes::override_unknown, file_, name.range,
                                 "“" + joined(n.path) + "” is " + a_kind(n.kind) + " in the base, not " +
                                     a_kind(kind) + "; write 覆盖 " +
                                     (n.kind == detail::node_kind::indicator ? "指标" : "分组")),
                      n.where, "the base's “" + n.name + "” is here");
            return std::nullopt;
        }
        return found;
    }

    // Keeps the base's items that the override does not replace, then appends the override's.
    template <class Item>
    std::vector<file_index> merge(std::vector<Item>& merged, const std::vector<Item>& base,
                                  const std::vector<file_index>& base_files,
                                  const std::vector<Item>& written) {
        std::set<std::string> replaced;
        for (const Item& item : written)
            boost::apply_visitor([&](const auto& x) { replaced.insert(replaced_kind(x)); }, item);
        replaced.erase("");
        std::vector<file_index> files;
        for (std::size_t i = 0; i < base.size(); ++i)
            if (!replaced.contains(
                    boost::apply_visitor([](const auto& x) { return replaced_kind(x); }, base[i]))) {
                merged.push_back(base[i]);
                files.push_back(i < base_files.size() ? base_files[i] : file_);
            }
        for (const Item& item : written) {
            merged.push_back(item);
            files.push_back(file_);
        }
        return files;
    }

    void amend_indicator(const ast::indicator& written, const ast::override_decl& o,
                         std::optional<std::size_t> scope) {
        const std::optional<std::size_t> index = target(written.name, detail::node_kind::indicator, scope);
        if (!index) return;
        detail::node& n = model_.nodes[*index];
        ast::indicator& merged = model_.amended_indicators.emplace_back();
        merged.range = n.indicator->range;
        merged.name = n.indicator->name;
        merged.weight = written.weight ? written.weight : n.indicator->weight;
        n.item_files = merge(merged.items, n.indicator->items, n.item_files, written.items);
        n.indicator = &merged;
        amended(n, written.weight.has_value(), written.name.range, o.range);
    }

    void amend_group(const ast::group& written, const ast::override_decl& o,
                     std::optional<std::size_t> scope) {
        const std::optional<std::size_t> index = target(written.name, detail::node_kind::group, scope);
        if (!index) return;
        // The group's clauses merge like an indicator's; its children are amended or added in the tree.
        const auto clauses_of = [](const std::vector<ast::group_item>& items) {
            std::vector<ast::group_item> clauses;
            for (const ast::group_item& item : items)
                if (!boost::get<ast::indicator>(&item) &&
                    !boost::get<ast::x3::forward_ast<ast::group>>(&item) &&
                    !boost::get<ast::override_decl>(&item))
                    clauses.push_back(item);
            return clauses;
        };
        {
            detail::node& n = model_.nodes[*index];
            ast::group& merged = model_.amended_groups.emplace_back();
            merged.range = n.group->range;
            merged.name = n.group->name;
            merged.weight = written.weight ? written.weight : n.group->weight;
            std::vector<file_index> base_files;
            std::vector<ast::group_item> base_clauses;
            for (std::size_t i = 0; i < n.group->items.size(); ++i)
                if (clauses_of({n.group->items[i]}).size() == 1) {
                    base_clauses.push_back(n.group->items[i]);
                    base_files.push_back(i < n.item_files.size() ? n.item_files[i] : n.where.file);
                }
            n.item_files = merge(merged.items, base_clauses, base_files, clauses_of(written.items));
            n.group = &merged;
            amended(n, written.weight.has_value(), written.name.range, o.range);
        }
        for (const ast::group_item& item : written.items)
            boost::apply_visitor(overloaded{
                                     [&](const ast::indicator& i) { add(i, *index); },
                                     [&](const ast::x3::forward_ast<ast::group>& g) { add(g.get(), *index); },
                                     [&](const ast::override_decl& child) { amend(child, *index); },
                                     [](const auto&) {},
                                 },
                                 item);
    }

    // The amended node is now named where the override is written, so diagnostics about it land there.
    void amended(detail::node& n, bool weight_written, source_range name, source_range whole) {
        if (weight_written) n.weight_file = file_;
        n.where = {file_, name};
        n.written.push_back({file_, whole});
    }

    context& ctx_;
    checked_model& model_;
    tree_builder& tree_;
    file_index file_;
};

// E0706: only a library can be imported, and a library or a test suite cannot be extended.
void check_module_kinds(context& ctx) {
    const checked_model& model = ctx.model();
    for (const detail::module_link& link : model.links) {
        const ast::source_module& target = model.modules[link.to];
        const std::string& name = model.sources[link.to].name();
        if (link.import && target.kind != ast::module_kind::library)
            ctx.error(codes::import_kind, link.from, link.import->file.range,
                      "“" + name + "” is a " + std::string(kind_word(target.kind)) +
                          ", and only a 规则库 can be imported; a 模板 or 评分表 is extended with 基于");
        else if (!link.import &&
                 (target.kind == ast::module_kind::library || target.kind == ast::module_kind::test_suite)) {
            const ast::source_module& from = model.modules[link.from];
            if (from.kind == ast::module_kind::test_suite)
                ctx.error(codes::import_kind, link.from, from.title.range,
                          "“" + name + "” is a " + std::string(kind_word(target.kind)) +
                              ", and 针对 names the 评分表 or 模板 the tests are for");
            else
                ctx.error(
                    codes::import_kind, link.from, from.base->range,
                    "“" + name + "” is a " + std::string(kind_word(target.kind)) +
                        ", and 基于 extends a 模板 or 评分表" +
                        (target.kind == ast::module_kind::library ? "; import a 规则库 with 导入" : ""));
        }
    }
}

// E0705: a rubric (not a template) must give every rule; 待定 is for templates.
void check_pending(context& ctx) {
    const checked_model& model = ctx.model();
    const ast::source_module& checked = model.modules[0];
    if (checked.kind != ast::module_kind::rubric) return;
    for (const detail::node& n : model.nodes) {
        if (!n.indicator) continue;
        const auto report = [&](const ast::rule_clause& rule, file_index file, const std::string& item) {
            const auto* pending = boost::get<ast::pending>(&rule.body);
            if (!pending) return;
            const std::string what =
                "“" + joined(n.path) + "”" + (item.empty() ? "" : " (item “" + item + "”)");
            if (file == 0 || !checked.base) {
                ctx.error(codes::pending_in_rubric, file, pending->range,
                          "the rule of " + what +
                              " is left 待定; a 评分表 must give it (待定 is for a 模板)");
                return;
            }
            // The template left it: say so in the rubric, where it has to be given.
            ctx.note(ctx.error(codes::pending_in_rubric, 0, checked.base->range,
                               "the template leaves the rule of " + what + " 待定; give it with 覆盖 指标 " +
                                   joined(n.path) + " { 规则 … }"),
                     {file, pending->range}, "left 待定 here");
        };
        const std::vector<ast::indicator_item>& items = n.indicator->items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const file_index file = i < n.item_files.size() ? n.item_files[i] : n.where.file;
            if (const auto* rule = boost::get<ast::rule_clause>(&items[i]))
                report(*rule, file, "");
            else if (const auto* row = boost::get<ast::item>(&items[i]))
                for (const ast::item_clause& clause : row->clauses)
                    if (const auto* item_rule = boost::get<ast::rule_clause>(&clause))
                        report(*item_rule, file, row->name.text);
        }
    }
}

} // namespace

void amend_tree(context& ctx, tree_builder& tree, file_index extending) {
    amender(ctx, tree, extending).module(ctx.model().modules[extending]);
}

void report_import_clash(context& ctx, std::string_view what, const std::string& name,
                         const detail::origin& first, const detail::origin& second) {
    const checked_model& model = ctx.model();
    const auto imported = [&](file_index f) { return model.roles[f] == detail::module_role::library; };
    const std::string subject = std::string(what) + " “" + name + "”";
    if (imported(first.file) && imported(second.file)) {
        // Two libraries: the place to fix it is the import of the second.
        const auto link =
            std::find_if(model.links.begin(), model.links.end(),
                         [&](const detail::module_link& l) { return l.to == second.file && l.import; });
        const detail::origin at =
            link != model.links.end() ? detail::origin{link->from, link->import->file.range} : second;
        diagnostic& d = ctx.error(codes::name_from_two_imports, at.file, at.range,
                                  "“" + ctx.file_name(first.file) + "” and “" + ctx.file_name(second.file) +
                                      "” both define the " + subject + "; import one of them 作为 a prefix");
        ctx.note(d, first, "defined here");
        ctx.note(d, second, "and here");
        return;
    }
    const detail::origin& library = imported(first.file) ? first : second;
    const detail::origin& own = imported(first.file) ? second : first;
    ctx.note(ctx.error(codes::name_from_two_imports, own.file, own.range,
                       "the " + subject + " is also defined by the imported “" + ctx.file_name(library.file) +
                           "”; rename one of them, or import the file 作为 a prefix"),
             library, "defined here");
}

void check_templates(context& ctx) {
    check_module_kinds(ctx);
    check_pending(ctx);
}

} // namespace rubric::checker

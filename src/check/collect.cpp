// collect.cpp — the first checker pass: every declaration into the symbol tables, every group and indicator
// into the node tree with its weight in points. Later passes read what this one built.
#include "check/codes.hpp"
#include "check/overloaded.hpp"
#include "check/passes.hpp"
#include "check/tree.hpp"

#include <algorithm>
#include <boost/variant/apply_visitor.hpp>

namespace rubric::checker {
namespace {

// The rubric-level declarations of one file: definitions always; the rest only for the checked file and the
// templates it extends (a library holds definitions only).
class declarations {
public:
    declarations(context& ctx, file_index file)
        : ctx_(ctx), model_(ctx.model()), file_(file), inherited_(model_.policies.rounding.size()) {
        // A library imported `作为 别名` puts its named rules under the prefix: 河北.低于目标扣权重.
        for (const detail::module_link& link : model_.links)
            if (link.to == file && link.import && link.import->alias) {
                prefix_ = link.import->alias->text + ".";
                break;
            }
    }

    void module(const ast::source_module& m) {
        if (file_ == 0) model_.title = m.title.value;
        const bool definitions_only = model_.roles[file_] == detail::module_role::library;
        for (const ast::rubric_item& item : m.items)
            boost::apply_visitor(overloaded{
                                     [&](const ast::rule_def& x) { definition(x); },
                                     [&](const ast::levels_decl& x) { definition(x); },
                                     [&](const ast::category_decl& x) { definition(x); },
                                     [&](const ast::unit_decl& x) { definition(x); },
                                     [&](const auto& x) {
                                         if (!definitions_only) declaration(x);
                                     },
                                 },
                                 item);
    }

private:
    void definition(const ast::rule_def& rule) {
        const std::string name = prefix_ + rule.name.text;
        declare(model_.rules, name, rule.name.range, "named rule",
                detail::rule_symbol{name, &rule, {file_, rule.name.range}, false});
    }
    void definition(const ast::levels_decl& levels) {
        detail::level_set_symbol symbol{levels.name.text, {}, &levels, {file_, levels.name.range}, false};
        for (const ast::name& level : levels.levels)
            symbol.levels.push_back(level.text);
        declare(model_.level_sets, levels.name.text, levels.name.range, "level set", std::move(symbol));
    }
    void definition(const ast::category_decl& categories) {
        detail::category_set_symbol symbol{
            categories.name.text, {}, &categories, {file_, categories.name.range}, false};
        for (const ast::name& category : categories.categories)
            symbol.categories.push_back(category.text);
        declare(model_.category_sets, categories.name.text, categories.name.range, "category",
                std::move(symbol));
    }
    void definition(const ast::unit_decl& units) {
        for (const ast::unit_name& unit : units.units) {
            const detail::origin here{file_, unit.range};
            const auto first =
                std::find_if(model_.declared_units.begin(), model_.declared_units.end(),
                             [&](const detail::unit_symbol& u) { return u.name == unit.text; });
            if (first != model_.declared_units.end()) {
                twice("unit", unit.text, first->where, here);
                continue;
            }
            model_.units.push_back(unit.text);
            model_.declared_units.push_back({unit.text, here, false});
        }
    }

    // The checked file and its templates: later files in the chain replace what earlier ones set.
    void declaration(const ast::total_decl& total) {
        if (!total.points.unit.empty() && total.points.unit != "分") {
            ctx_.error(codes::weight_not_positive, file_, total.points.range,
                       "the total is written in " + total.points.unit +
                           "; expected points, such as 100 or 100分");
            return;
        }
        model_.total = total.points.value;
        model_.total_declared = true;
        model_.total_origin = detail::origin{file_, total.range};
    }
    void declaration(const ast::grade_table& grades) {
        // A grade table in an extending file replaces the base's whole.
        std::erase_if(model_.grades, [&](const detail::grade_symbol& g) { return g.where.file != file_; });
        for (const ast::grade_band& band : grades.bands) {
            const auto first =
                std::find_if(model_.grades.begin(), model_.grades.end(),
                             [&](const detail::grade_symbol& g) { return g.name == band.grade.text; });
            if (first != model_.grades.end()) {
                twice("grade", band.grade.text, first->where, {file_, band.grade.range});
                continue;
            }
            model_.grades.push_back({band.grade.text, &band, {file_, band.grade.range}});
        }
    }
    void declaration(const ast::policy& p) {
        detail::policies& out = model_.policies;
        for (const ast::policy_entry& entry : p.entries)
            boost::apply_visitor(
                overloaded{
                    [&](const ast::step_counting_policy& e) { out.step_counting = e.counting; },
                    [&](const ast::percent_steps_policy& e) { out.percent_steps = e.mode; },
                    [&](const ast::rounding_policy& e) {
                        // An extending file's rounding of a level replaces the base's rounding of that level.
                        const auto inherited_end =
                            out.rounding.begin() + static_cast<std::ptrdiff_t>(inherited_);
                        const auto kept = std::remove_if(
                            out.rounding.begin(), inherited_end,
                            [&](const ast::rounding_policy* r) { return r->level == e.level; });
                        inherited_ -= static_cast<std::size_t>(inherited_end - kept);
                        out.rounding.erase(kept, inherited_end);
                        out.rounding.push_back(&e);
                    },
                    [&](const ast::missing_policy& e) { out.missing = e.effect; },
                    [&](const ast::not_applicable_policy& e) { out.not_applicable = e.effect; },
                },
                entry);
    }
    void declaration(const ast::input_decl& inputs) { declare_inputs(ctx_, file_, inputs); }
    // Nodes are built by the tree builder, the rest is read where it is written.
    template <class T>
    void declaration(const T&) {}

public:
    // Adds an input unless its name is taken.
    static void declare_inputs(context& ctx, file_index file, const ast::input_decl& inputs) {
        for (const ast::input_spec& spec : inputs.inputs)
            declare_input(ctx, file, spec.name, &spec, &spec.type);
    }
    static void declare_input(context& ctx, file_index file, const ast::name& name,
                              const ast::input_spec* spec, const ast::type_spec* type) {
        std::map<std::string, detail::input_symbol, std::less<>>& inputs = ctx.model().inputs;
        if (const auto found = inputs.find(name.text); found != inputs.end()) {
            ctx.note(ctx.error(codes::duplicate_input, file, name.range,
                               "input “" + name.text + "” is declared twice"),
                     found->second.where, "first declared here");
            return;
        }
        inputs.emplace(name.text, detail::input_symbol{name.text, spec, type, {file, name.range}, false});
    }

private:
    // Adds a symbol to a table unless its name is taken, in which case the later declaration is reported.
    template <class Table, class Symbol>
    void declare(Table& table, const std::string& name, source_range range, std::string_view what,
                 Symbol symbol) {
        const auto found = table.find(name);
        if (found != table.end()) {
            twice(what, name, found->second.where, {file_, range});
            return;
        }
        table.emplace(name, std::move(symbol));
    }
    void twice(std::string_view what, const std::string& name, const detail::origin& first,
               const detail::origin& second) {
        const auto imported = [&](file_index f) {
            return ctx_.model().roles[f] == detail::module_role::library;
        };
        if (first.file != second.file && (imported(first.file) || imported(second.file))) {
            report_import_clash(ctx_, what, name, first, second);
            return;
        }
        ctx_.note(ctx_.error(codes::duplicate_definition, second.file, second.range,
                             std::string(what) + " “" + name + "” is declared twice"),
                  first, "first declared here");
    }

    context& ctx_;
    checked_model& model_;
    file_index file_;
    std::size_t inherited_; // rounding entries set by the files this one extends
    std::string prefix_;
};

// The inputs declared inside the tree's nodes, as amended: `输入` clauses and `取值 名称: 类型`.
void collect_node_inputs(context& ctx) {
    for (const detail::node& n : ctx.model().nodes) {
        const auto input_clauses = [&](const auto& items) {
            for (std::size_t i = 0; i < items.size(); ++i) {
                const file_index file = n.item_files.size() > i ? n.item_files[i] : n.where.file;
                const auto value_input = [&](const ast::value_clause& v) {
                    if (v.input && v.type)
                        declarations::declare_input(ctx, file, *v.input, nullptr, &*v.type);
                };
                const auto inputs = [&](const ast::input_decl& d) {
                    declarations::declare_inputs(ctx, file, d);
                };
                boost::apply_visitor(overloaded{
                                         inputs,
                                         value_input,
                                         [&](const ast::item& row) {
                                             for (const ast::item_clause& clause : row.clauses)
                                                 boost::apply_visitor(
                                                     overloaded{inputs, value_input, [](const auto&) {}},
                                                     clause);
                                         },
                                         [](const auto&) {},
                                     },
                                     items[i]);
            }
        };
        if (n.indicator)
            input_clauses(n.indicator->items);
        else if (n.group)
            input_clauses(n.group->items);
        else if (n.extra)
            input_clauses(n.extra->items);
    }
}

// Orders the nodes parent before children, as the model promises, after amendments appended children late.
void renumber_preorder(checked_model& model) {
    std::vector<std::size_t> order;
    order.reserve(model.nodes.size());
    const auto visit = [&](const auto& self, std::size_t index) -> void {
        order.push_back(index);
        for (std::size_t child : model.nodes[index].children)
            self(self, child);
    };
    for (std::size_t root : model.roots)
        visit(visit, root);
    std::vector<std::size_t> new_index(model.nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        new_index[order[i]] = i;
    std::vector<detail::node> nodes;
    nodes.reserve(order.size());
    for (std::size_t old : order) {
        detail::node n = std::move(model.nodes[old]);
        if (n.parent) n.parent = new_index[*n.parent];
        for (std::size_t& child : n.children)
            child = new_index[child];
        nodes.push_back(std::move(n));
    }
    for (std::size_t& root : model.roots)
        root = new_index[root];
    model.nodes = std::move(nodes);
}

// A weight in points must be points: 4, 4分 or 10.3, above zero.
bool points(context& ctx, file_index file, const ast::quantity& q) {
    if (!q.unit.empty() && q.unit != "分") {
        ctx.error(codes::weight_not_positive, file, q.unit_range,
                  "a weight is written in points (4, 4分) or as a share of the parent (20%), not in " +
                      q.unit);
        return false;
    }
    if (q.value.sign() <= 0) {
        ctx.error(codes::weight_not_positive, file, q.range,
                  "a weight must be above 0; this one is " + q.number);
        return false;
    }
    return true;
}

// Points (4, 4分) as they are; a percentage (20%) is that share of the parent's weight, or of the total at
// the top; points by category of unit go to category_weights. Parents come first, so their weights are known.
void resolve_weights(context& ctx) {
    checked_model& model = ctx.model();
    for (detail::node& n : model.nodes) {
        const file_index file = n.weight_file;
        if (n.extra) {
            if (n.extra->at_most) n.weight = n.extra->at_most->value; // E0414 checks it
            continue;
        }
        const std::optional<ast::weight>& written = n.indicator ? n.indicator->weight : n.group->weight;
        if (!written) continue;
        if (const auto* by_category = boost::get<ast::weight_by_category>(&*written)) {
            for (const ast::category_weight& w : by_category->weights)
                if (points(ctx, file, w.points)) n.category_weights.emplace(w.category.text, w.points.value);
            continue;
        }
        const ast::quantity& q = boost::get<ast::quantity>(*written);
        if (q.unit == "%") {
            if (q.value.sign() <= 0) {
                ctx.error(codes::weight_not_positive, file, q.range,
                          "a weight must be above 0; this one is " + q.number + "%");
                continue;
            }
            const std::optional<decimal> whole = n.parent ? model.nodes[*n.parent].weight : model.total;
            if (whole) n.weight = *whole * q.value / 100;
            continue;
        }
        if (points(ctx, file, q)) n.weight = q.value;
    }
}

} // namespace

// The tree builder (tree.hpp).

std::vector<std::string> path_parts(const ast::path& p) {
    std::vector<std::string> parts;
    for (const ast::name& part : p.parts)
        parts.push_back(part.text);
    return parts;
}

std::string joined(std::span<const std::string> parts) {
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : ".") + part;
    return out;
}

std::string joined(const ast::path& p) {
    return joined(path_parts(p));
}

std::vector<std::size_t> find_nodes(const checked_model& model, std::span<const std::string> parts) {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const std::vector<std::string>& path = model.nodes[i].path;
        if (!parts.empty() && path.size() >= parts.size() &&
            std::equal(parts.begin(), parts.end(), path.end() - static_cast<std::ptrdiff_t>(parts.size())))
            found.push_back(i);
    }
    return found;
}

std::size_t tree_builder::add(file_index file, const ast::indicator& syntax,
                              std::optional<std::size_t> parent, bool dotted_allowed) {
    const std::size_t index = add_node(detail::node_kind::indicator, file, &syntax.name,
                                       syntax.name.parts.back(), syntax.range, parent, dotted_allowed);
    detail::node& n = ctx_.model().nodes[index];
    n.indicator = &syntax;
    n.item_files.assign(syntax.items.size(), file);
    return index;
}

std::size_t tree_builder::add(file_index file, const ast::group& syntax, std::optional<std::size_t> parent,
                              bool dotted_allowed) {
    const std::size_t index = add_node(detail::node_kind::group, file, &syntax.name, syntax.name.parts.back(),
                                       syntax.range, parent, dotted_allowed);
    detail::node& n = ctx_.model().nodes[index];
    n.group = &syntax;
    n.item_files.assign(syntax.items.size(), file);
    add_children(file, syntax.items, index);
    return index;
}

std::size_t tree_builder::add(file_index file, const ast::extra_block& syntax) {
    const std::size_t index = add_node(syntax.kind == ast::extra_kind::bonus ? detail::node_kind::bonus
                                                                             : detail::node_kind::penalty,
                                       file, nullptr, syntax.name, syntax.range, std::nullopt, false);
    detail::node& n = ctx_.model().nodes[index];
    n.extra = &syntax;
    n.item_files.assign(syntax.items.size(), file);
    add_children(file, syntax.items, index);
    return index;
}

void tree_builder::add_children(file_index file, const std::vector<ast::group_item>& items,
                                std::size_t parent) {
    for (const ast::group_item& item : items)
        boost::apply_visitor(
            overloaded{
                [&](const ast::indicator& i) { add(file, i, parent); },
                [&](const ast::x3::forward_ast<ast::group>& g) { add(file, g.get(), parent); },
                [&](const ast::override_decl& o) {
                    // Inside a new node there is nothing of the base's to amend.
                    ctx_.error(codes::override_unknown, file, o.range,
                               "覆盖 amends a node of the base template, but “" +
                                   ctx_.model().nodes[parent].name +
                                   "” is new here; write the node without 覆盖");
                },
                [](const auto&) {},
            },
            item);
}

std::size_t tree_builder::add_node(detail::node_kind kind, file_index file, const ast::path* path,
                                   const ast::name& name, source_range whole,
                                   std::optional<std::size_t> parent, bool dotted_allowed) {
    checked_model& model = ctx_.model();
    if (path && path->parts.size() > 1 && !dotted_allowed)
        ctx_.error(codes::dotted_name_outside_extension, file, path->range,
                   "“" + joined(*path) +
                       "” is a dotted name; only a rubric that extends a template (基于) writes one, to "
                       "reach a node "
                       "of the base");
    detail::node n;
    n.kind = kind;
    n.name = name.text;
    n.where = {file, path ? path->range : name.range};
    n.parent = parent;
    n.weight_file = file;
    n.written.push_back({file, whole});
    if (parent) n.path = model.nodes[*parent].path;
    n.path.push_back(n.name);
    const std::size_t index = model.nodes.size();
    std::vector<std::size_t>& siblings = parent ? model.nodes[*parent].children : model.roots;
    for (std::size_t sibling : siblings)
        if (model.nodes[sibling].name == n.name) {
            const detail::node& first = model.nodes[sibling];
            ctx_.note(ctx_.error(codes::duplicate_sibling, file, n.where.range,
                                 "“" + n.name + "” is declared twice in the same group"),
                      first.where, "first declared here");
            break;
        }
    siblings.push_back(index);
    model.nodes.push_back(std::move(n));
    return index;
}

void collect_declarations(context& ctx) {
    checked_model& model = ctx.model();
    // Libraries first, then the extends chain from its base: the checked file's declarations are the ones
    // reported as duplicates, and an extending file's total and policies replace its base's.
    for (file_index file = 0; file < model.modules.size(); ++file)
        if (model.roles[file] == detail::module_role::library)
            declarations(ctx, file).module(model.modules[file]);
    for (file_index file : model.chain)
        declarations(ctx, file).module(model.modules[file]);

    // The tree: the base-most file's nodes, amended by every file that extends it.
    tree_builder tree(ctx);
    const file_index base = model.chain.front();
    for (const ast::rubric_item& item : model.modules[base].items)
        boost::apply_visitor(overloaded{
                                 [&](const ast::indicator& i) { tree.add(base, i, std::nullopt); },
                                 [&](const ast::group& g) { tree.add(base, g, std::nullopt); },
                                 [&](const ast::extra_block& e) { tree.add(base, e); },
                                 [&](const ast::override_decl& o) {
                                     ctx.error(
                                         codes::override_unknown, base, o.range,
                                         "覆盖 amends a node of the template a rubric extends, and this file "
                                         "extends none (基于 \"…\"); write the node without 覆盖");
                                 },
                                 [](const auto&) {},
                             },
                             item);
    for (std::size_t i = 1; i < model.chain.size(); ++i)
        amend_tree(ctx, tree, model.chain[i]);
    renumber_preorder(model);

    collect_node_inputs(ctx);
    resolve_weights(ctx);
}

} // namespace rubric::checker

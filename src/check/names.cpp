// names.cpp — name resolution: every name the rubric writes refers to something declared, and everything
// declared in the checked file is used.
//
// Names in formulas are inputs, parameters of the enclosing named rule, levels, or checklist items written
// `指标.标签`; `对 X` names an input; rules call named rules with their parameters; paths name nodes by any
// suffix of their ancestors. Each name found is recorded in the model (names, calls) for the later stages.
#include "check/codes.hpp"
#include "check/overloaded.hpp"
#include "check/passes.hpp"
#include "check/suggest.hpp"
#include "check/tree.hpp"

#include <algorithm>
#include <boost/variant/apply_visitor.hpp>
#include <map>
#include <set>

namespace rubric::checker {
namespace {

constexpr std::size_t max_rule_nesting = 16; // README §18: named rules using named rules
// Depths are followed this far and no further, so a chain of thousands of rules cannot exhaust the stack.
constexpr std::size_t followed_rule_nesting = 64;
// README §18: the bytes of rule text a rubric compiles to, with every named rule written out where it is
// used.
constexpr std::size_t max_expanded_rule_bytes = 4 * 1024 * 1024;

// A named rule's argument, or a parameter's default, is written out wherever the parameter is read; were it a
// formula of the caller's own parameters, every level of calls would multiply the formula's size, so it may
// only be a constant or a name (E0207).
bool is_formula(const ast::expression& e) {
    if (const auto* u = boost::get<ast::x3::forward_ast<ast::unary>>(&e)) return is_formula(u->get().operand);
    return boost::get<ast::x3::forward_ast<ast::binary>>(&e) ||
           boost::get<ast::x3::forward_ast<ast::call>>(&e);
}

// Where a name is read, and what it may refer to there.
struct scope {
    explicit scope(file_index in, std::optional<std::size_t> at = std::nullopt,
                   const ast::type_spec* value_is = nullptr)
        : file(in), node(at), value_type(value_is) {}

    file_index file = 0;
    const detail::rule_symbol* rule = nullptr;  // inside a named rule: its parameters are names
    std::optional<std::size_t> node;            // the indicator (or group) the name is written in
    const ast::type_spec* value_type = nullptr; // the type of the value the rule judges, when declared
    std::optional<source_range> value_read;     // the first place the rule reads the value (E0213)
    bool tests = false;                         // names in tests do not make an input used

    void read_value(source_range where) {
        if (!value_read) value_read = where;
    }
};

// A named rule's calls, for E0208.
struct call_edge {
    const detail::rule_symbol* callee;
    detail::origin where;
};

class resolver {
public:
    explicit resolver(context& ctx) : ctx_(ctx), model_(ctx.model()) {
        for (const auto& [name, set] : model_.level_sets)
            for (const std::string& level : set.levels)
                level_owners_.emplace(level, name);
    }

    // False when named rules written out at their uses would be too large (E0219), or nest too deep to follow
    // (E0208): the passes that follow named rules into their bodies cannot run then. (They skip a rule that
    // uses itself.)
    bool run() {
        for (auto& [name, rule] : model_.rules)
            definition(rule);
        for (file_index file : model_.chain)
            rubric_items(file, model_.modules[file]);
        for (std::size_t i = 0; i < model_.nodes.size(); ++i)
            node(i);
        for (const ast::test_case& test : model_.modules[0].tests)
            test_case(test);
        rules_using_themselves();
        const bool expandable = rules_written_out();
        unused();
        return expandable;
    }

private:
    // ------------------------------------------------------------------------------------------------- defs

    void definition(detail::rule_symbol& rule) {
        const ast::rule_def& def = *rule.syntax;
        scope s(rule.where.file);
        s.rule = &rule;
        std::map<std::string, source_range> seen;
        for (const ast::parameter& p : def.parameters) {
            if (const auto [first, inserted] = seen.emplace(p.name.text, p.name.range); !inserted)
                ctx_.error(codes::duplicate_definition, s.file, p.name.range,
                           "parameter “" + p.name.text + "” of “" + rule.name + "” is declared twice")
                    .note("first declared here", first->second);
            if (p.type) type(*p.type, s.file);
            if (p.default_value) {
                expression(*p.default_value, s);
                if (is_formula(*p.default_value)) formula_argument(ast::range_of(*p.default_value), s.file);
            }
        }
        current_rule_ = &rule;
        rule_body(def.body, s);
        current_rule_ = nullptr;
        if (s.value_read) reads_value_.insert(&rule);
    }

    // ---------------------------------------------------------------------------------- rubric-level items

    void rubric_items(file_index file, const ast::source_module& m) {
        scope s(file);
        for (const ast::rubric_item& item : m.items)
            boost::apply_visitor(overloaded{
                                     [&](const ast::input_decl& d) { inputs(d, file); },
                                     [&](const ast::veto& v) { veto(v, s); },
                                     [](const auto&) {},
                                 },
                                 item);
    }

    void inputs(const ast::input_decl& d, file_index file) {
        scope s(file);
        for (const ast::input_spec& spec : d.inputs) {
            type(spec.type, file);
            if (spec.formula) expression(*spec.formula, s);
            for (const ast::input_option& option : spec.options)
                boost::apply_visitor(
                    overloaded{
                        [&](const ast::input_range& r) { value_range(r.bounds, s); },
                        [&](const ast::input_default& given) { literal(given.value, spec.type, file); },
                        [](const ast::text&) {},
                    },
                    option);
        }
    }

    // A declared type: a level set must exist; a unit is noted for W0211.
    void type(const ast::type_spec& t, file_index file) {
        if (t.unit) units_seen_.insert(t.unit->text);
        if (t.kind != ast::value_type::level || !t.level_set) return;
        const auto found = model_.level_sets.find(t.level_set->text);
        if (found != model_.level_sets.end()) {
            found->second.used = true;
            return;
        }
        diagnostic& d =
            ctx_.error(codes::unknown_level, file, t.level_set->range,
                       "“" + t.level_set->text + "” is neither a type nor a declared level set (档次)");
        suggest(d, t.level_set->text, keys(model_.level_sets));
    }

    // A default written as a name is a level of the input's set.
    void literal(const ast::literal& value, const ast::type_spec& t, file_index file) {
        if (const auto* q = boost::get<ast::quantity>(&value)) units_seen_.insert(q->unit);
        const auto* level = boost::get<ast::name>(&value);
        if (!level || t.kind != ast::value_type::level || !t.level_set) return;
        level_of_set(*level, t.level_set->text, file);
    }

    // E0205 unless `level` is a level of the set named `set_name` (unknown sets are reported at the type).
    void level_of_set(const ast::name& level, const std::string& set_name, file_index file) {
        const auto set = model_.level_sets.find(set_name);
        if (set == model_.level_sets.end() || std::find(set->second.levels.begin(), set->second.levels.end(),
                                                        level.text) != set->second.levels.end())
            return;
        diagnostic& d = ctx_.error(codes::unknown_level, file, level.range,
                                   "“" + level.text + "” is not a level of “" + set_name + "”");
        suggest(d, level.text, set->second.levels);
        ctx_.note(d, set->second.where, "“" + set_name + "” is declared here");
    }

    void veto(const ast::veto& v, scope& s) {
        expression(v.condition, s);
        boost::apply_visitor(
            overloaded{
                [&](const ast::zero_out& z) {
                    if (!z.target) return;
                    const std::optional<std::size_t> found = node_path(*z.target, s.file, false);
                    if (found && model_.nodes[*found].kind == detail::node_kind::indicator)
                        ctx_.note(ctx_.error(codes::veto_target_not_group, s.file, z.target->range,
                                             "a veto zeroes a group, and “" + joined(*z.target) +
                                                 "” is an indicator"),
                                  model_.nodes[*found].where, "declared here");
                },
                [&](const ast::force_grade& g) { grade(g.grade, s.file); },
            },
            v.effect);
    }

    void grade(const ast::name& g, file_index file) {
        std::vector<std::string> names;
        for (const detail::grade_symbol& symbol : model_.grades)
            if (symbol.name == g.text)
                return;
            else
                names.push_back(symbol.name);
        diagnostic& d =
            ctx_.error(codes::unknown_grade, file, g.range,
                       names.empty() ? "“" + g.text + "” is not a grade: the rubric has no grade table (等级)"
                                     : "“" + g.text + "” is not a grade of the grade table (等级)");
        suggest(d, g.text, names);
    }

    // ---------------------------------------------------------------------------------------------- nodes

    void node(std::size_t index) {
        const detail::node& n = model_.nodes[index];
        category_weight(n);
        const auto file_of = [&](std::size_t i) {
            return i < n.item_files.size() ? n.item_files[i] : n.where.file;
        };
        if (n.indicator) {
            indicator(index, file_of);
            return;
        }
        const std::vector<ast::group_item>& items = n.group ? n.group->items : n.extra->items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            scope s(file_of(i), index);
            boost::apply_visitor(overloaded{
                                     [&](const ast::input_decl& d) { inputs(d, s.file); },
                                     [&](const ast::veto& v) { veto(v, s); },
                                     [](const auto&) {},
                                 },
                                 items[i]);
        }
    }

    template <class FileOf>
    void indicator(std::size_t index, FileOf file_of) {
        const detail::node& n = model_.nodes[index];
        const std::vector<ast::indicator_item>& items = n.indicator->items;
        const ast::value_clause* value = nullptr;
        bool has_items = false;
        for (const ast::indicator_item& item : items) {
            if (const auto* v = boost::get<ast::value_clause>(&item)) value = v;
            has_items = has_items || boost::get<ast::item>(&item);
        }
        const ast::type_spec* value_type = value ? type_of(*value) : nullptr;

        std::optional<source_range> indicator_rule_reads; // the indicator's rule, where it reads the value
        file_index indicator_rule_file = n.where.file;
        std::map<std::string, source_range> item_names;
        for (std::size_t i = 0; i < items.size(); ++i) {
            scope s(file_of(i), index, value_type);
            boost::apply_visitor(
                overloaded{
                    [&](const ast::input_decl& d) { inputs(d, s.file); },
                    [&](const ast::value_clause& v) { value_clause(v, s); },
                    [&](const ast::target_clause& t) { target(t, s); },
                    [&](const ast::rule_clause& r) {
                        rule_body(r.body, s);
                        indicator_rule_reads = s.value_read;
                        indicator_rule_file = s.file;
                    },
                    [&](const ast::item& row) {
                        if (const auto [first, inserted] = item_names.emplace(row.name.text, row.name.range);
                            !inserted)
                            ctx_.error(codes::duplicate_label, s.file, row.name.range,
                                       "“" + n.name + "” has two items named “" + row.name.text + "”")
                                .note("first named here", first->second);
                        item(row, s, value != nullptr);
                    },
                    [](const auto&) {},
                },
                items[i]);
        }
        // E0213: the indicator's rule scores the indicator, or each item that has no rule of its own.
        if (!indicator_rule_reads) return;
        if (!has_items) {
            if (!value) value_missing(indicator_rule_file, *indicator_rule_reads, "“" + n.name + "”");
            return;
        }
        for (const ast::indicator_item& entry : items)
            if (const auto* row = boost::get<ast::item>(&entry))
                if (!value && !has_clause<ast::value_clause>(*row) && !has_clause<ast::rule_clause>(*row)) {
                    value_missing(indicator_rule_file, *indicator_rule_reads,
                                  "item “" + row->name.text + "” of “" + n.name + "”");
                    return;
                }
    }

    template <class Clause>
    static bool has_clause(const ast::item& row) {
        return std::any_of(row.clauses.begin(), row.clauses.end(),
                           [](const ast::item_clause& c) { return boost::get<Clause>(&c) != nullptr; });
    }

    void item(const ast::item& row, const scope& outer, bool indicator_has_value) {
        const ast::value_clause* value = nullptr;
        for (const ast::item_clause& clause : row.clauses)
            if (const auto* v = boost::get<ast::value_clause>(&clause)) value = v;
        scope s(outer.file, outer.node, value ? type_of(*value) : outer.value_type);
        for (const ast::item_clause& clause : row.clauses)
            boost::apply_visitor(overloaded{
                                     [&](const ast::input_decl& d) { inputs(d, s.file); },
                                     [&](const ast::value_clause& v) { value_clause(v, s); },
                                     [&](const ast::target_clause& t) { target(t, s); },
                                     [&](const ast::rule_clause& r) { rule_body(r.body, s); },
                                     [](const auto&) {},
                                 },
                                 clause);
        if (s.value_read && !value && !indicator_has_value)
            value_missing(s.file, *s.value_read, "item “" + row.name.text + "”");
    }

    void value_missing(file_index file, source_range where, const std::string& what) {
        ctx_.error(codes::value_missing, file, where,
                   "this rule reads the value, but " + what + " has no 取值")
            .note("declare it with 取值 名称: 类型, or write 取值 and a formula");
    }

    // The type of the value: declared in the clause, or the type of the input a bare name refers to.
    const ast::type_spec* type_of(const ast::value_clause& v) const {
        if (v.type) return &*v.type;
        if (v.formula)
            if (const auto* p = boost::get<ast::path>(&*v.formula); p && p->parts.size() == 1)
                if (const auto found = model_.inputs.find(p->parts[0].text); found != model_.inputs.end())
                    return found->second.type;
        return nullptr;
    }

    void value_clause(const ast::value_clause& v, scope& s) {
        if (v.input) // the declared input is the value the indicator reports
            if (const auto found = model_.inputs.find(v.input->text); found != model_.inputs.end())
                found->second.used = true;
        if (v.type) type(*v.type, s.file);
        if (v.formula) expression(*v.formula, s);
    }

    // A target written as a bare name, for a value of a level set, is one of its levels (目标 普遍知晓).
    void target(const ast::target_clause& t, scope& s) {
        boost::apply_visitor(overloaded{
                                 [&](const ast::interval& i) {
                                     expression(i.lower, s);
                                     expression(i.upper, s);
                                 },
                                 [&](const ast::target_value& v) {
                                     const auto* p = boost::get<ast::path>(&v.value);
                                     if (p && p->parts.size() == 1 && s.value_type &&
                                         s.value_type->kind == ast::value_type::level &&
                                         s.value_type->level_set && !parameter(p->parts[0].text, s) &&
                                         !model_.inputs.contains(p->parts[0].text)) {
                                         level_of_set(p->parts[0], s.value_type->level_set->text, s.file);
                                         model_.names[p] = {detail::name_kind::level, p->parts[0].text, {}};
                                         return;
                                     }
                                     expression(v.value, s);
                                 },
                                 [](const auto&) {},
                             },
                             t.goal);
    }

    // Weights by category of unit: the category and every one of its values, once each (E0209, E0406).
    void category_weight(const detail::node& n) {
        const std::optional<ast::weight>& written = n.indicator ? n.indicator->weight
                                                    : n.group   ? n.group->weight
                                                                : std::optional<ast::weight>();
        const auto* by = written ? boost::get<ast::weight_by_category>(&*written) : nullptr;
        if (!by) return;
        const file_index file = n.weight_file;
        const auto set = model_.category_sets.find(by->category_set.text);
        if (set == model_.category_sets.end()) {
            diagnostic& d = ctx_.error(codes::unknown_category, file, by->category_set.range,
                                       "“" + by->category_set.text + "” is not a declared category (类别)");
            suggest(d, by->category_set.text, keys(model_.category_sets));
            return;
        }
        set->second.used = true;
        const std::vector<std::string>& values = set->second.categories;
        std::set<std::string> given;
        for (const ast::category_weight& w : by->weights) {
            if (std::find(values.begin(), values.end(), w.category.text) == values.end()) {
                diagnostic& d = ctx_.error(codes::unknown_category, file, w.category.range,
                                           "“" + w.category.text + "” is not a value of the category “" +
                                               set->first + "”");
                suggest(d, w.category.text, values);
                ctx_.note(d, set->second.where, "“" + set->first + "” is declared here");
            } else if (!given.insert(w.category.text).second) {
                ctx_.error(codes::category_weights_incomplete, file, w.category.range,
                           "“" + w.category.text + "” is given two weights");
            }
        }
        std::string missing;
        for (const std::string& value : values)
            if (!given.contains(value)) missing += (missing.empty() ? "“" : ", “") + value + "”";
        if (!missing.empty())
            ctx_.note(ctx_.error(codes::category_weights_incomplete, file, by->range,
                                 "the weight of “" + n.name + "” by “" + set->first +
                                     "” gives no weight for " + missing),
                      set->second.where, "“" + set->first + "” is declared here");
    }

    // ---------------------------------------------------------------------------------------------- rules

    void rule_body(const ast::rule_body& body, scope& s) {
        boost::apply_visitor(overloaded{
                                 [&](const ast::step_rule& r) {
                                     for (const ast::step_part& part : r.parts)
                                         boost::apply_visitor(
                                             overloaded{
                                                 [&](const ast::base_score& b) { amount(b.points, s); },
                                                 [&](const ast::step_clause& c) { step(c, s); },
                                                 [&](const ast::bound_clause& b) { bound(b, s); },
                                             },
                                             part);
                                 },
                                 [&](const ast::band_table& t) {
                                     for (const ast::band& b : t.bands) {
                                         if (b.range_of_value) {
                                             s.read_value(b.range);
                                             value_range(*b.range_of_value, s);
                                         }
                                         if (b.condition) expression(*b.condition, s);
                                         outcome(b.result, s);
                                     }
                                 },
                                 [&](const ast::case_table& t) {
                                     for (const ast::case_clause& c : t.cases) {
                                         if (c.condition) expression(*c.condition, s);
                                         outcome(c.result, s);
                                     }
                                 },
                                 [&](const ast::level_map& m) { level_map(m, s); },
                                 [&](const ast::proportional_rule& p) { s.read_value(p.range); },
                                 [&](const ast::score_formula& f) { expression(f.formula, s); },
                                 [&](const ast::checklist& c) { checklist(c, s); },
                                 [&](const ast::judged& j) { judged(j, s); },
                                 [](const ast::pending&) {},
                                 [&](const ast::rank_rule& r) {
                                     s.read_value(r.range);
                                     units_seen_.insert(r.top.unit);
                                     amount(r.per_place, s);
                                     for (const ast::bound_clause& b : r.bounds)
                                         bound(b, s);
                                 },
                                 [&](const ast::rule_call& c) { call(c, s); },
                             },
                             body);
    }

    void step(const ast::step_clause& c, scope& s) {
        if (c.on)
            name(*c.on, s);
        else
            s.read_value(c.range);
        atom(c.step, s);
        amount(c.per_step, s);
        if (c.at_most) amount(*c.at_most, s);
        for (const ast::step_option& option : c.options)
            if (const auto* from = boost::get<ast::from_option>(&option)) expression(from->start, s);
    }

    void bound(const ast::bound_clause& b, scope& s) {
        if (b.limit) amount(*b.limit, s);
    }

    void level_map(const ast::level_map& m, scope& s) {
        s.read_value(m.range);
        const bool typed =
            s.value_type && s.value_type->kind == ast::value_type::level && s.value_type->level_set;
        for (const ast::level_outcome& entry : m.levels) {
            if (entry.level) {
                if (typed)
                    level_of_set(*entry.level, s.value_type->level_set->text, s.file);
                else if (!level_owners_.contains(entry.level->text)) {
                    // The value's set is not known here (a named rule's body): any declared level will do.
                    diagnostic& d =
                        ctx_.error(codes::unknown_level, s.file, entry.level->range,
                                   "“" + entry.level->text + "” is not a level of any level set (档次)");
                    std::vector<std::string> levels;
                    for (const auto& [level, set] : level_owners_)
                        levels.push_back(level);
                    suggest(d, entry.level->text, levels);
                }
            }
            outcome(entry.result, s);
        }
    }

    void checklist(const ast::checklist& c, scope& s) {
        if (c.each) amount(*c.each, s);
        std::map<std::string, const ast::check_item*> labels;
        for (const ast::check_item& item : c.items) {
            if (const auto [first, inserted] = labels.emplace(item.label.text, &item); !inserted)
                ctx_.error(codes::duplicate_label, s.file, item.label.range,
                           "the checklist has two items labelled “" + item.label.text + "”")
                    .note("first labelled here", first->second->label.range);
            if (item.result && item.result->points) amount(*item.result->points, s);
        }
    }

    void judged(const ast::judged& j, scope& s) {
        if (j.within) {
            expression(j.within->lower, s);
            expression(j.within->upper, s);
        }
    }

    void outcome(const ast::outcome& o, scope& s) {
        boost::apply_visitor(overloaded{
                                 [&](const ast::judged& j) { judged(j, s); },
                                 [&](const ast::nested_rule& r) { rule_body(r.body.get(), s); },
                                 [&](const ast::amount& a) { amount(a, s); },
                                 [](const ast::fixed_score&) {},
                             },
                             o);
    }

    void value_range(const ast::value_range& r, scope& s) {
        boost::apply_visitor(overloaded{
                                 [&](const ast::interval& i) {
                                     expression(i.lower, s);
                                     expression(i.upper, s);
                                 },
                                 [&](const ast::threshold& t) { expression(t.value, s); },
                             },
                             r);
    }

    void amount(const ast::amount& a, scope& s) { atom(a.value, s); }

    void atom(const ast::atom& a, scope& s) {
        boost::apply_visitor(overloaded{
                                 [&](const ast::quantity& q) { units_seen_.insert(q.unit); },
                                 [&](const ast::path& p) { name(p, s); },
                             },
                             a);
    }

    // A call of a named rule: the rule exists, and its arguments match its parameters (E0206, E0207).
    void call(const ast::rule_call& c, scope& s) {
        for (const ast::argument& a : c.arguments)
            expression(a.value, s);
        const std::string called = joined(c.rule);
        const auto found = model_.rules.find(called);
        if (found == model_.rules.end()) {
            diagnostic& d = ctx_.error(codes::unknown_rule, s.file, c.rule.range,
                                       "“" + called + "” is not a named rule (定义 规则)");
            suggest(d, called, keys(model_.rules));
            return;
        }
        detail::rule_symbol& rule = found->second;
        rule.used = true;
        model_.calls[&c] = &rule;
        if (current_rule_) {
            calls_[current_rule_].push_back({&rule, {s.file, c.rule.range}});
        } else {
            node_calls_.push_back({&rule, {s.file, c.rule.range}});
            if (reads_value(&rule)) s.read_value(c.range);
        }

        // An argument's place: `名 = 值` or `值` (from its parts, in case the node itself is not tagged).
        const auto place = [](const ast::argument& a) {
            if (!a.range.empty()) return a.range;
            const source_range value = ast::range_of(a.value);
            return source_range{a.parameter ? a.parameter->range.begin : value.begin, value.end};
        };
        const std::vector<ast::parameter>& parameters = rule.syntax->parameters;
        std::vector<bool> given(parameters.size(), false);
        std::size_t next = 0;
        for (const ast::argument& a : c.arguments) {
            if (is_formula(a.value)) formula_argument(place(a), s.file);
            std::size_t index = 0;
            if (a.parameter) {
                const auto p =
                    std::find_if(parameters.begin(), parameters.end(),
                                 [&](const ast::parameter& x) { return x.name.text == a.parameter->text; });
                if (p == parameters.end()) {
                    std::vector<std::string> names;
                    for (const ast::parameter& x : parameters)
                        names.push_back(x.name.text);
                    diagnostic& d =
                        ctx_.error(codes::wrong_rule_arguments, s.file, a.parameter->range,
                                   "“" + called + "” has no parameter “" + a.parameter->text + "”");
                    suggest(d, a.parameter->text, names);
                    ctx_.note(d, rule.where, "“" + called + "” is defined here");
                    continue;
                }
                index = static_cast<std::size_t>(p - parameters.begin());
            } else {
                while (next < parameters.size() && given[next])
                    ++next;
                if (next == parameters.size()) {
                    ctx_.note(ctx_.error(codes::wrong_rule_arguments, s.file, place(a),
                                         "too many arguments: “" + called + "” takes " +
                                             std::to_string(parameters.size())),
                              rule.where, "“" + called + "” is defined here");
                    break;
                }
                index = next;
            }
            if (given[index])
                ctx_.error(codes::wrong_rule_arguments, s.file, place(a),
                           "“" + parameters[index].name.text + "” is given twice");
            given[index] = true;
        }
        for (std::size_t i = 0; i < parameters.size(); ++i)
            if (!given[i] && !parameters[i].default_value)
                ctx_.note(ctx_.error(codes::wrong_rule_arguments, s.file, c.range,
                                     "“" + called + "” needs an argument for “" + parameters[i].name.text +
                                         "”, which has no default"),
                          {rule.where.file, parameters[i].name.range}, "the parameter is declared here");
    }

    void formula_argument(source_range where, file_index file) {
        ctx_.error(
            codes::wrong_rule_arguments, file, where,
            "an argument of a named rule is a constant or a name, not a formula: compute the formula as "
            "a value (`取值 名称: 类型 = 公式`) and pass its name, or write it inside the rule");
    }

    // Whether a named rule reads the value, itself or through the rules it uses.
    bool reads_value(const detail::rule_symbol* rule) {
        std::set<const detail::rule_symbol*> seen;
        std::vector<const detail::rule_symbol*> todo{rule};
        while (!todo.empty()) {
            const detail::rule_symbol* r = todo.back();
            todo.pop_back();
            if (!seen.insert(r).second) continue;
            if (reads_value_.contains(r)) return true;
            for (const call_edge& e : calls_[r])
                todo.push_back(e.callee);
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------- expressions

    void expression(const ast::expression& e, scope& s) {
        boost::apply_visitor(
            overloaded{
                [&](const ast::quantity& q) { units_seen_.insert(q.unit); },
                [&](const ast::path& p) { name(p, s); },
                [&](const ast::context_value& c) {
                    if (c.kind == ast::context_kind::value || c.kind == ast::context_kind::met)
                        s.read_value(c.range);
                },
                [&](const ast::x3::forward_ast<ast::call>& c) {
                    for (const ast::call_argument& a : c.get().arguments)
                        if (const auto* x = boost::get<ast::expression>(&a)) expression(*x, s);
                },
                [&](const ast::x3::forward_ast<ast::unary>& u) { expression(u.get().operand, s); },
                [&](const ast::x3::forward_ast<ast::binary>& b) {
                    expression(b.get().left, s);
                    expression(b.get().right, s);
                },
                [](const auto&) {},
            },
            e);
    }

    const ast::parameter* parameter(const std::string& text, const scope& s) const {
        if (!s.rule) return nullptr;
        for (const ast::parameter& p : s.rule->syntax->parameters)
            if (p.name.text == text) return &p;
        return nullptr;
    }

    // A name in a formula: a parameter, an input or a level; with dots, a checklist item.
    void name(const ast::path& p, scope& s) {
        if (p.parts.size() > 1) {
            checklist_item(p, s);
            return;
        }
        const std::string& text = p.parts[0].text;
        if (parameter(text, s)) {
            model_.names[&p] = {detail::name_kind::parameter, text, {}};
            return;
        }
        if (const auto input = model_.inputs.find(text); input != model_.inputs.end()) {
            if (!s.tests) input->second.used = true;
            model_.names[&p] = {detail::name_kind::input, text, {}};
            return;
        }
        if (const auto owner = level_owners_.find(text); owner != level_owners_.end()) {
            model_.level_sets.find(owner->second)->second.used = true;
            model_.names[&p] = {detail::name_kind::level, text, {}};
            return;
        }
        std::vector<std::string> candidates = keys(model_.inputs);
        if (s.rule)
            for (const ast::parameter& x : s.rule->syntax->parameters)
                candidates.push_back(x.name.text);
        for (const auto& [level, set] : level_owners_)
            candidates.push_back(level);
        diagnostic& d =
            ctx_.error(codes::unknown_input, s.file, p.range,
                       "“" + text + "” is not a declared input" +
                           (s.rule ? ", nor a parameter of “" + s.rule->name + "”" : std::string()));
        suggest(d, text, candidates);
    }

    // `指标.标签`: an item of the checklist of the indicator the path before the last part names.
    void checklist_item(const ast::path& p, scope& s) {
        std::vector<std::string> parts = path_parts(p);
        const std::string label = parts.back();
        parts.pop_back();
        const std::optional<std::size_t> index = node_path_parts(parts, p.range, s.file);
        if (!index) return;
        const detail::node& n = model_.nodes[*index];
        std::vector<std::string> labels = checklist_labels(n);
        if (std::find(labels.begin(), labels.end(), label) != labels.end()) {
            model_.names[&p] = {detail::name_kind::checklist_item, label, *index};
            return;
        }
        diagnostic& d =
            ctx_.error(codes::unknown_input, s.file, p.range,
                       labels.empty() ? "“" + joined(n.path) + "” has no checklist (要点), so “" + joined(p) +
                                            "” names nothing"
                                      : "“" + joined(n.path) + "” has no checklist item “" + label + "”");
        suggest(d, label, labels);
    }

    // The labels of the checklists an indicator's rules (or the named rules they call) hold.
    std::vector<std::string> checklist_labels(const detail::node& n) const {
        std::vector<std::string> labels;
        if (!n.indicator) return labels;
        std::set<const ast::rule_def*> seen;
        const auto from_body = [&](const auto& self, const ast::rule_body& body) -> void {
            if (const auto* c = boost::get<ast::checklist>(&body))
                for (const ast::check_item& item : c->items)
                    labels.push_back(item.label.text);
            if (const auto* call = boost::get<ast::rule_call>(&body))
                if (const auto rule = model_.rules.find(joined(call->rule));
                    rule != model_.rules.end() && seen.insert(rule->second.syntax).second)
                    self(self, rule->second.syntax->body);
        };
        for (const ast::indicator_item& item : n.indicator->items) {
            if (const auto* rule = boost::get<ast::rule_clause>(&item)) from_body(from_body, rule->body);
            if (const auto* row = boost::get<ast::item>(&item))
                for (const ast::item_clause& clause : row->clauses)
                    if (const auto* rule = boost::get<ast::rule_clause>(&clause))
                        from_body(from_body, rule->body);
        }
        return labels;
    }

    // A path naming a node (E0204 none, E0214 several); with `items`, `指标.分项` may name an item.
    std::optional<std::size_t> node_path(const ast::path& p, file_index file, bool items) {
        std::vector<std::string> parts = path_parts(p);
        if (items && parts.size() > 1 && find_nodes(model_, parts).empty()) {
            const std::string last = parts.back();
            parts.pop_back();
            const std::vector<std::size_t> owners = find_nodes(model_, parts);
            if (owners.size() == 1 && has_item(model_.nodes[owners[0]], last)) return owners[0];
            parts.push_back(last);
        }
        return node_path_parts(parts, p.range, file);
    }

    std::optional<std::size_t> node_path_parts(std::span<const std::string> parts, source_range range,
                                               file_index file) {
        const std::vector<std::size_t> found = find_nodes(model_, parts);
        if (found.size() == 1) return found.front();
        if (found.empty()) {
            diagnostic& d = ctx_.error(codes::unknown_path, file, range,
                                       "there is no indicator or group “" + joined(parts) + "”");
            std::vector<std::string> names;
            for (const detail::node& n : model_.nodes)
                names.push_back(joined(std::span(n.path).last(std::min(n.path.size(), parts.size()))));
            suggest(d, joined(parts), names);
            return std::nullopt;
        }
        diagnostic& d = ctx_.error(codes::ambiguous_path, file, range,
                                   "“" + joined(parts) + "” names " + std::to_string(found.size()) +
                                       " nodes; write more of its path");
        for (std::size_t i : found)
            ctx_.note(d, model_.nodes[i].where, "“" + joined(model_.nodes[i].path) + "”");
        return std::nullopt;
    }

    static bool has_item(const detail::node& n, const std::string& name) {
        if (!n.indicator) return false;
        return std::any_of(n.indicator->items.begin(), n.indicator->items.end(),
                           [&](const ast::indicator_item& i) {
                               const auto* row = boost::get<ast::item>(&i);
                               return row && row->name.text == name;
                           });
    }

    // ---------------------------------------------------------------------------------------------- tests

    void test_case(const ast::test_case& test) {
        scope s(0);
        s.tests = true;
        for (const ast::test_item& item : test.items)
            boost::apply_visitor(
                overloaded{
                    [&](const ast::given& g) {
                        for (const ast::given_item& x : g.items)
                            given(x, s);
                    },
                    [&](const ast::expect& e) {
                        for (const ast::expectation& x : e.items)
                            boost::apply_visitor(
                                overloaded{
                                    [&](const ast::expect_node& n) { node_path(n.node, 0, true); },
                                    [&](const ast::expect_grade& g) { grade(g.grade, 0); },
                                    [](const auto&) {},
                                },
                                x);
                    },
                    [&](const ast::test_table& t) {
                        for (const ast::table_column& c : t.columns)
                            if (c.subject) {
                                if (c.kind == ast::column_kind::input)
                                    test_input(*c.subject, s);
                                else
                                    node_path(*c.subject, 0, true);
                            }
                    },
                },
                item);
    }

    void given(const ast::given_item& x, scope& s) {
        boost::apply_visitor(
            overloaded{
                [&](const ast::given_target& g) { node_path(g.node, 0, false); },
                [&](const ast::given_not_applicable& g) { node_path(g.node, 0, true); },
                [&](const ast::given_judged& g) { node_path(g.node, 0, false); },
                [&](const ast::given_exempt& g) { node_path(g.node, 0, false); },
                [&](const ast::given_choice& g) {
                    const std::optional<std::size_t> found = node_path(g.node, 0, false);
                    if (found && !has_item(model_.nodes[*found], g.choice.text)) {
                        std::vector<std::string> names;
                        if (const ast::indicator* i = model_.nodes[*found].indicator)
                            for (const ast::indicator_item& entry : i->items)
                                if (const auto* row = boost::get<ast::item>(&entry))
                                    names.push_back(row->name.text);
                        diagnostic& d = ctx_.error(codes::unknown_path, 0, g.choice.range,
                                                   "“" + joined(model_.nodes[*found].path) +
                                                       "” has no item “" + g.choice.text + "”");
                        suggest(d, g.choice.text, names);
                    }
                },
                [&](const ast::given_category& g) {
                    const auto set = model_.category_sets.find(g.category_set.text);
                    if (set == model_.category_sets.end()) {
                        diagnostic& d =
                            ctx_.error(codes::unknown_category, 0, g.category_set.range,
                                       "“" + g.category_set.text + "” is not a declared category (类别)");
                        suggest(d, g.category_set.text, keys(model_.category_sets));
                        return;
                    }
                    const std::vector<std::string>& values = set->second.categories;
                    if (std::find(values.begin(), values.end(), g.category.text) == values.end()) {
                        diagnostic& d = ctx_.error(
                            codes::unknown_category, 0, g.category.range,
                            "“" + g.category.text + "” is not a value of the category “" + set->first + "”");
                        suggest(d, g.category.text, values);
                    }
                },
                [&](const ast::given_input& g) { test_input(g.input, s); },
            },
            x);
    }

    // A test gives an input by its name, or a checklist item as 指标.标签.
    void test_input(const ast::path& p, scope& s) { name(p, s); }

    // ------------------------------------------------------------------------------------ what is unused

    // A named rule that uses itself, directly or through others, would never finish (E0208); so would a
    // chain of named rules deeper than the limit.
    void rules_using_themselves() {
        std::map<const detail::rule_symbol*, int> state; // 1 on the path, 2 done
        std::map<const detail::rule_symbol*, std::size_t> depth;
        std::vector<const detail::rule_symbol*> path;
        std::set<std::set<const detail::rule_symbol*>> reported;
        const auto visit = [&](const auto& self, const detail::rule_symbol* rule) -> std::size_t {
            state[rule] = 1;
            path.push_back(rule);
            std::size_t deepest = 0;
            for (const call_edge& e : calls_[rule]) {
                if (state[e.callee] == 1) {
                    const auto start = std::find(path.begin(), path.end(), e.callee);
                    const std::set<const detail::rule_symbol*> members(start, path.end());
                    if (reported.insert(members).second) {
                        std::string chain;
                        for (auto it = start; it != path.end(); ++it)
                            chain += (*it)->name + " → ";
                        ctx_.error(codes::recursive_rule, e.where.file, e.where.range,
                                   "the named rule “" + e.callee->name + "” uses itself: " + chain +
                                       e.callee->name);
                    }
                    continue;
                }
                if (state[e.callee] == 2)
                    deepest = std::max(deepest, depth[e.callee]);
                else if (path.size() < followed_rule_nesting)
                    deepest = std::max(deepest, self(self, e.callee));
                else
                    deepest = followed_rule_nesting; // too deep already: the rest is not followed
            }
            path.pop_back();
            state[rule] = 2;
            return depth[rule] = std::min(deepest + 1, followed_rule_nesting + 1);
        };
        for (auto& [name, rule] : model_.rules)
            if (state[&rule] == 0) visit(visit, &rule);
        // Report the top of each chain that is too deep, with the chain.
        std::set<const detail::rule_symbol*> inner;
        for (auto& [name, rule] : model_.rules)
            for (const call_edge& e : calls_[&rule])
                inner.insert(e.callee);
        for (auto& [name, rule] : model_.rules) {
            if (depth[&rule] <= max_rule_nesting || inner.contains(&rule)) continue;
            std::string chain = rule.name;
            std::set<const detail::rule_symbol*> on_chain{&rule};
            for (const detail::rule_symbol* at = &rule; !calls_[at].empty();) {
                if (on_chain.size() > followed_rule_nesting) {
                    chain += " → …";
                    break;
                }
                const call_edge* deepest = &calls_[at].front();
                for (const call_edge& e : calls_[at])
                    if (depth[e.callee] > depth[deepest->callee]) deepest = &e;
                if (!on_chain.insert(deepest->callee).second) break; // a cycle, reported above
                at = deepest->callee;
                chain += " → " + at->name;
            }
            const std::string deep = depth[&rule] > followed_rule_nesting
                                         ? "more than " + std::to_string(followed_rule_nesting)
                                         : std::to_string(depth[&rule]);
            ctx_.error(codes::recursive_rule, rule.where.file, rule.where.range,
                       "the named rule “" + rule.name + "” uses named rules " + deep +
                           " deep, more than the limit of " + std::to_string(max_rule_nesting) + ": " +
                           chain);
        }
    }

    // A named rule is written out at each use (plan/compile.cpp), so rules that each use another several
    // times multiply: five rules each using the next in ten cases come to 10^5 copies. Written out, a
    // rubric's rules may be no longer than a file may be (E0219, reported at the use that passes the limit).
    // False after E0219, and for a chain of rules too deep to follow (E0208 reports it).
    bool rules_written_out() {
        constexpr std::size_t too_much = max_expanded_rule_bytes + 1;
        std::map<const detail::rule_symbol*, std::size_t> bytes; // saturating at too_much
        bool cut = false;
        const auto written_out = [&](const auto& self, const detail::rule_symbol* rule,
                                     std::size_t depth) -> std::size_t {
            if (const auto known = bytes.find(rule); known != bytes.end()) return known->second;
            if (depth > followed_rule_nesting) {
                cut = true;
                return 0;
            }
            bytes[rule] = 0; // a rule using itself (E0208) adds nothing more
            std::size_t total = std::max<std::size_t>(rule->syntax->range.size(), 1);
            for (const call_edge& e : calls_[rule])
                total = std::min(total + self(self, e.callee, depth + 1), too_much);
            return bytes[rule] = total;
        };
        std::size_t total = 0;
        for (const call_edge& e : node_calls_) {
            const std::size_t one = written_out(written_out, e.callee, 1);
            total = std::min(total + one, too_much);
            if (total < too_much) continue;
            ctx_.error(codes::rules_too_large, e.where.file, e.where.range,
                       "with every named rule written out where it is used, this rubric's rules come to more "
                       "than " +
                           std::to_string(max_expanded_rule_bytes) + " bytes, the limit; “" + e.callee->name +
                           "” passes it here" +
                           (one < too_much ? " (" + std::to_string(one) + " bytes written out)" : ""));
            return false;
        }
        return !cut;
    }

    // W0210 and W0211, for what the checked file declares. The definitions of a library or a template are
    // there for the files that import or extend it, so only a rubric's unused definitions are W0211.
    void unused() {
        for (const auto& [name, input] : model_.inputs)
            if (!input.used && input.where.file == 0)
                ctx_.warning(codes::unused_input, 0, input.where.range,
                             "input “" + name + "” is declared but no value, target, rule or veto reads it");
        const ast::module_kind kind = model_.modules[0].kind;
        if (kind == ast::module_kind::library || kind == ast::module_kind::template_) return;
        for (const auto& [name, rule] : model_.rules)
            if (!rule.used && rule.where.file == 0)
                ctx_.warning(codes::unused_definition, 0, rule.where.range,
                             "named rule “" + name + "” is defined but no rule uses it");
        for (const auto& [name, set] : model_.level_sets)
            if (!set.used && set.where.file == 0)
                ctx_.warning(codes::unused_definition, 0, set.where.range,
                             "level set “" + name + "” is declared but no input has it as its type");
        for (const auto& [name, set] : model_.category_sets)
            if (!set.used && set.where.file == 0)
                ctx_.warning(codes::unused_definition, 0, set.where.range,
                             "category “" + name + "” is declared but no weight depends on it");
        for (detail::unit_symbol& unit : model_.declared_units) {
            unit.used = unit_used(unit.name);
            if (!unit.used && unit.where.file == 0)
                ctx_.warning(codes::unused_definition, 0, unit.where.range,
                             "unit “" + unit.name + "” is declared but no number or type is written in it");
        }
    }

    // A unit written anywhere, alone, with a magnitude (万床位) or in a compound (元/床位).
    bool unit_used(const std::string& unit) const {
        for (const std::string& seen : units_seen_) {
            std::string_view rest = seen;
            while (!rest.empty()) {
                const std::size_t slash = rest.find('/');
                std::string_view word = rest.substr(0, slash);
                for (std::string_view magnitude : {"万亿", "亿", "万", "千"})
                    if (word.starts_with(magnitude) && word.size() > magnitude.size()) {
                        if (word.substr(magnitude.size()) == unit) return true;
                    }
                if (word == unit) return true;
                rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    template <class Map>
    static std::vector<std::string> keys(const Map& map) {
        std::vector<std::string> out;
        for (const auto& entry : map)
            out.push_back(entry.first);
        return out;
    }

    static void suggest(diagnostic& d, const std::string& written, std::span<const std::string> candidates) {
        if (const std::optional<std::string> close = closest(written, candidates))
            d.note("did you mean “" + *close + "”?");
    }

    context& ctx_;
    checked_model& model_;
    std::multimap<std::string, std::string> level_owners_; // level → the sets that have it
    std::set<std::string> units_seen_;
    const detail::rule_symbol* current_rule_ = nullptr; // the named rule whose body is being read
    std::map<const detail::rule_symbol*, std::vector<call_edge>> calls_;
    std::vector<call_edge> node_calls_;                // the calls written in indicators, in the order read
    std::set<const detail::rule_symbol*> reads_value_; // named rules whose own body reads the value
};

} // namespace

bool resolve_names(context& ctx) {
    return resolver(ctx).run();
}

} // namespace rubric::checker

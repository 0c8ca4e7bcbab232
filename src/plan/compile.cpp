// compile.cpp — the checked model becomes a program (program.hpp): one pass over the tree, each rule body read
// in the scope it is used in (a named rule is expanded at every call with that call's arguments).
#include "plan/compile.hpp"

#include "check/overloaded.hpp"
#include "check/scope.hpp"
#include "check/steps.hpp"
#include "check/subjects.hpp"
#include "check/tree.hpp"

#include <algorithm>
#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>
#include <map>
#include <numeric>

namespace rubric::detail {
namespace {

using checker::overloaded;
using checker::scope;
using namespace plan;

class compiler {
public:
    explicit compiler(const checked_model& model) : model_(model), read_(model) {}

    program run() {
        out_.title = model_.title;
        out_.total = model_.total;
        out_.units = model_.units;
        category_sets();
        inputs();
        nodes();
        varying_weights();
        subjects();
        derived_inputs();
        vetoes();
        grades();
        policies();
        unique_checklist_names();
        describe_inputs();
        return std::move(out_);
    }

private:
    // ------------------------------------------------------------------------------------ expressions

    index emit(expression e) {
        out_.expressions.push_back(std::move(e));
        return static_cast<index>(out_.expressions.size() - 1);
    }
    index constant(decimal v) {
        expression e;
        e.value = std::move(v);
        return emit(std::move(e));
    }
    index unary(op code, index a) { return emit(expression::of(code, a)); }
    index binary(op code, index a, index b) { return emit(expression::of(code, a, b)); }

    index input(index slot) {
        if (reads_) reads_->push_back(slot);
        return emit(expression::of(op::input, slot));
    }

    index text(std::string t) {
        out_.texts.push_back(std::move(t));
        return static_cast<index>(out_.texts.size() - 1);
    }

    static op binary_code(ast::binary_op o) {
        switch (o) {
        case ast::binary_op::or_: return op::or_;
        case ast::binary_op::and_: return op::and_;
        case ast::binary_op::ge: return op::ge;
        case ast::binary_op::le: return op::le;
        case ast::binary_op::ne: return op::ne;
        case ast::binary_op::eq: return op::eq;
        case ast::binary_op::gt: return op::gt;
        case ast::binary_op::lt: return op::lt;
        case ast::binary_op::add: return op::add;
        case ast::binary_op::subtract: return op::subtract;
        case ast::binary_op::multiply: return op::multiply;
        case ast::binary_op::divide: return op::divide;
        }
        return op::add;
    }

    index expr(const ast::expression& e, const scope& where) {
        if (const std::optional<checker::constant> folded = read_.of(e, where)) return constant(folded->value);
        return boost::apply_visitor(
            overloaded{
                [&](const ast::bool_literal& b) { return constant(b.value ? 1 : 0); },
                [&](const ast::context_value& c) {
                    switch (c.kind) {
                    case ast::context_kind::met: return emit(expression::of(op::met));
                    case ast::context_kind::value: return emit(expression::of(op::value));
                    case ast::context_kind::target: return emit(expression::of(op::target));
                    case ast::context_kind::weight: break;
                    }
                    return emit(expression::of(op::weight));
                },
                [&](const ast::path& p) { return name(p, where); },
                [&](const ast::x3::forward_ast<ast::call>& c) { return call(c.get(), where); },
                [&](const ast::x3::forward_ast<ast::unary>& u) {
                    const index operand = expr(u.get().operand, where);
                    switch (u.get().op) {
                    case ast::unary_op::not_: return unary(op::not_, operand);
                    case ast::unary_op::negate: return unary(op::negate, operand);
                    case ast::unary_op::plus: break;
                    }
                    return operand;
                },
                [&](const ast::x3::forward_ast<ast::binary>& b) {
                    const index left = expr(b.get().left, where);
                    const index right = expr(b.get().right, where);
                    const index at = binary(binary_code(b.get().op), left, right);
                    // Arithmetic can fail (a division by zero, a value too large): its error quotes it.
                    if (const op o = out_.expressions[at].code;
                        o == op::add || o == op::subtract || o == op::multiply || o == op::divide)
                        out_.expressions[at].text = text(source(where.file(), b.get().range));
                    return at;
                },
                // Quantities and dates are constants, folded above.
                [&](const auto&) { return constant(0); },
            },
            e);
    }

    index call(const ast::call& c, const scope& where) {
        std::vector<index> args;
        std::optional<rounding_mode> mode;
        for (const ast::call_argument& a : c.arguments) {
            if (const auto* x = boost::get<ast::expression>(&a))
                args.push_back(expr(*x, where));
            else
                mode = boost::get<ast::rounding_mode_argument>(a).mode;
        }
        switch (c.function) {
        case ast::function_name::abs: return unary(op::abs, args.at(0));
        case ast::function_name::round: {
            expression e = expression::of(op::round, args.at(0));
            // The places are a constant (the checker requires it).
            const expression& places = out_.expressions[args.at(1)];
            e.places = static_cast<std::uint8_t>(std::stoi(places.value.to_string()));
            e.mode = mode.value_or(rounding_mode::half_up);
            return emit(std::move(e));
        }
        case ast::function_name::min:
        case ast::function_name::max: break;
        }
        const index first = static_cast<index>(out_.arguments.size());
        out_.arguments.insert(out_.arguments.end(), args.begin(), args.end());
        return emit(expression::of(c.function == ast::function_name::min ? op::min : op::max, first,
                                   static_cast<index>(args.size())));
    }

    index name(const ast::path& p, const scope& where) {
        if (const auto bound = read_.parameter(p, where)) return expr(*bound->first, bound->second);
        const auto resolved = model_.names.find(&p);
        if (resolved == model_.names.end()) return constant(0); // reported by the checker
        const resolved_name& r = resolved->second;
        switch (r.kind) {
        case name_kind::input: return input(slots_.at(r.symbol));
        case name_kind::level: return constant(level_rank(r.symbol));
        case name_kind::checklist_item: return input(checklist_slot(*r.node, r.symbol));
        case name_kind::parameter: break;
        }
        return constant(0);
    }

    decimal level_rank(const std::string& level) const {
        for (const auto& [set, symbol] : model_.level_sets) {
            const auto at = std::find(symbol.levels.begin(), symbol.levels.end(), level);
            if (at != symbol.levels.end())
                return static_cast<long>(symbol.levels.end() - at); // the best level ranks highest
        }
        return 0;
    }

    std::string source(file_index file, source_range range) const {
        return checker::source_text(model_, file, range);
    }

    // ------------------------------------------------------------------------------------ inputs

    void inputs() {
        for (const auto& [name, symbol] : model_.inputs) {
            input_slot slot;
            slot.name = name;
            if (const auto t = model_.input_types.find(name); t != model_.input_types.end()) slot.type = t->second;
            if (const auto d = model_.input_domains.find(name); d != model_.input_domains.end())
                slot.domain = d->second;
            if (slot.type.kind == checker::type_kind::level)
                if (const auto set = model_.level_sets.find(slot.type.level_set); set != model_.level_sets.end())
                    slot.levels = set->second.levels;
            if (symbol.syntax)
                for (const ast::input_option& o : symbol.syntax->options)
                    if (const auto* d = boost::get<ast::input_default>(&o)) slot.fallback = literal(d->value, symbol);
            slots_[name] = static_cast<index>(out_.inputs.size());
            out_.inputs.push_back(std::move(slot));
        }
    }

    std::optional<decimal> literal(const ast::literal& l, const input_symbol& symbol) const {
        return boost::apply_visitor(
            overloaded{
                [&](const ast::quantity& q) -> std::optional<decimal> {
                    if (const auto c = read_.of(q, symbol.where.file)) return c->value;
                    return std::nullopt;
                },
                [&](const ast::date& d) -> std::optional<decimal> {
                    if (const auto day = checker::day_number(d.year, d.month, d.day)) return decimal(*day);
                    return std::nullopt;
                },
                [&](const ast::bool_literal& b) -> std::optional<decimal> { return decimal(b.value ? 1 : 0); },
                [&](const ast::name& n) -> std::optional<decimal> { return level_rank(n.text); },
            },
            l);
    }

    index checklist_slot(std::size_t model_node, const std::string& label) {
        const auto key = std::make_pair(model_node, label);
        if (const auto found = checklist_slots_.find(key); found != checklist_slots_.end()) return found->second;
        input_slot slot;
        slot.name = model_.nodes[model_node].name + "." + label;
        slot.type = checker::value_type::of_kind(checker::type_kind::boolean);
        slot.checklist_node = node_of_.at(model_node);
        const index at = static_cast<index>(out_.inputs.size());
        out_.inputs.push_back(std::move(slot));
        checklist_slots_[key] = at;
        return at;
    }

    // A derived input (`取值 名: 类型 = 公式`) is computed from its raw figures when they are given.
    void varying_weights() {
        std::vector<bool> varies(out_.nodes.size());
        for (std::size_t i = out_.nodes.size(); i-- > 0;) {
            const plan::node& n = out_.nodes[i];
            const std::vector<std::size_t>& children = out_.info[i].children;
            varies[i] = !n.by_category.empty() ||
                        (sums_children(n) &&
                         std::any_of(children.begin(), children.end(), [&](std::size_t c) { return varies[c]; }));
            if (varies[i]) out_.varying_weights.push_back(i);
        }
    }

    void derived_inputs() {
        for (const auto& [name, symbol] : model_.inputs)
            if (symbol.syntax && symbol.syntax->formula) derive(name, *symbol.syntax->formula, symbol.where.file);
        for (const checker::subject& s : subjects_)
            if (s.value && s.value->input && s.value->formula)
                derive(s.value->input->text, *s.value->formula, s.value.file);
        order_derived();
    }

    void derive(const std::string& name, const ast::expression& written, file_index file) {
        const index slot = slots_.at(name);
        if (out_.inputs[slot].formula != none) return;
        std::vector<index> raw;
        reads_ = &raw;
        const index formula = expr(written, scope(file));
        reads_ = nullptr;
        std::sort(raw.begin(), raw.end());
        raw.erase(std::unique(raw.begin(), raw.end()), raw.end());
        out_.inputs[slot].formula = formula;
        out_.inputs[slot].raw = std::move(raw);
        out_.inputs[slot].formula_text = source(file, ast::range_of(written));
    }

    // Derived inputs in the order they can be computed: each after the derived inputs it reads (the checker
    // rules out cycles, E0218).
    void order_derived() {
        std::vector<bool> placed(out_.inputs.size(), false);
        const auto place = [&](const auto& self, index slot) -> void {
            if (placed[slot]) return;
            placed[slot] = true;
            for (index raw : out_.inputs[slot].raw)
                if (out_.inputs[raw].formula != none) self(self, raw);
            out_.derived.push_back(slot);
        };
        for (index slot = 0; slot < out_.inputs.size(); ++slot)
            if (out_.inputs[slot].formula != none) place(place, slot);
    }

    // Checklist items are keyed 指标.标签; two indicators of one name (seed 003 has two 管理制度健全性) key theirs
    // by the indicator's whole path, so that every input has its own key.
    void unique_checklist_names() {
        std::map<std::string, int, std::less<>> count;
        for (const input_slot& slot : out_.inputs)
            ++count[slot.name];
        for (input_slot& slot : out_.inputs)
            if (slot.checklist_node && count[slot.name] > 1) {
                const std::string label = slot.name.substr(out_.info[*slot.checklist_node].name.size() + 1);
                slot.name = checker::joined(out_.info[*slot.checklist_node].path) + "." + label;
            }
    }

    void describe_inputs() {
        for (const input_slot& slot : out_.inputs) {
            input_info info;
            info.name = slot.name;
            switch (slot.type.kind) {
            case checker::type_kind::date: info.kind = input_kind::date; break;
            case checker::type_kind::boolean: info.kind = input_kind::boolean; break;
            case checker::type_kind::level: info.kind = input_kind::level; break;
            default: info.kind = slot.type.percent ? input_kind::percent : input_kind::quantity; break;
            }
            info.unit = slot.type.unit_text;
            info.levels = slot.levels;
            info.derived = slot.formula != none;
            info.checklist_item = slot.checklist_node.has_value();
            out_.inputs_info.push_back(std::move(info));
        }
    }

    // ------------------------------------------------------------------------------------ the tree

    void category_sets() {
        for (const auto& [name, symbol] : model_.category_sets)
            out_.category_sets.emplace_back(name, symbol.categories);
    }

    std::size_t category_set_index(const std::string& name) const {
        for (std::size_t i = 0; i < out_.category_sets.size(); ++i)
            if (out_.category_sets[i].first == name) return i;
        return 0;
    }

    void nodes() {
        subjects_ = checker::scored_subjects(model_);
        for (std::size_t m = 0; m < model_.nodes.size(); ++m) {
            const detail::node& n = model_.nodes[m];
            const std::size_t at = add_node(n, m);
            if (n.indicator)
                for (const ast::indicator_item& i : n.indicator->items)
                    if (const auto* row = boost::get<ast::item>(&i)) add_item(*row, at);
        }
        // A group without a weight weighs the sum of its children (innermost first).
        for (std::size_t i = out_.nodes.size(); i-- > 0;) {
            plan::node& n = out_.nodes[i];
            if (n.weight || !n.by_category.empty() || n.kind != rubric::node_kind::group) continue;
            decimal sum;
            bool known = true;
            for (std::size_t child : out_.info[i].children) {
                if (!out_.nodes[child].weight) known = false;
                else sum += *out_.nodes[child].weight;
            }
            if (known && !out_.info[i].children.empty()) n.weight = sum;
        }
        for (std::size_t i = 0; i < out_.nodes.size(); ++i)
            out_.info[i].weight = out_.nodes[i].weight;
    }

    static rubric::node_kind kind_of(detail::node_kind k) {
        switch (k) {
        case detail::node_kind::group: return rubric::node_kind::group;
        case detail::node_kind::indicator: return rubric::node_kind::indicator;
        case detail::node_kind::bonus: return rubric::node_kind::bonus;
        case detail::node_kind::penalty: return rubric::node_kind::penalty;
        }
        return rubric::node_kind::group;
    }

    std::size_t add_node(const detail::node& n, std::size_t m) {
        const std::size_t at = out_.nodes.size();
        node_of_[m] = at;
        plan::node p;
        p.kind = kind_of(n.kind);
        p.weight = n.weight;
        node_info info;
        info.kind = p.kind;
        info.name = n.name;
        info.path = n.path;
        if (n.parent) {
            info.parent = node_of_.at(*n.parent);
            out_.info[*info.parent].children.push_back(at);
        } else if (n.kind == detail::node_kind::group || n.kind == detail::node_kind::indicator) {
            out_.roots.push_back(at);
        }
        if (!n.category_weights.empty()) {
            const ast::weight& written = n.indicator ? *n.indicator->weight : *n.group->weight;
            p.category_set = category_set_index(boost::get<ast::weight_by_category>(written).category_set.text);
            const std::vector<std::string>& categories = out_.category_sets[p.category_set].second;
            p.by_category.resize(categories.size());
            for (const auto& [category, points] : n.category_weights) {
                const auto c = std::find(categories.begin(), categories.end(), category);
                if (c != categories.end()) p.by_category[static_cast<std::size_t>(c - categories.begin())] = points;
            }
        }
        if (n.extra && n.extra->at_most) p.at_most = n.extra->at_most->value;
        p.not_applicable = not_applicable_effect(n);
        if (n.indicator)
            for (const ast::indicator_item& i : n.indicator->items) {
                if (const auto* t = boost::get<ast::text_clause>(&i); t && t->kind == ast::text_kind::published)
                    info.published = t->value.value;
                if (const auto* e = boost::get<ast::exempt_clause>(&i))
                    p.exemptions.push_back({e->reason.value, e->effect.value_or(ast::exempt_effect::full)});
                if (const auto* c = boost::get<ast::combine_clause>(&i)) {
                    p.combine = c->mode;
                    p.chosen_by = c->chosen_by;
                }
            }
        out_.nodes.push_back(std::move(p));
        out_.info.push_back(std::move(info));
        return at;
    }

    void add_item(const ast::item& row, std::size_t indicator) {
        const std::size_t at = out_.nodes.size();
        plan::node p;
        p.kind = rubric::node_kind::item;
        p.weight = out_.nodes[indicator].weight;
        p.by_category = out_.nodes[indicator].by_category;
        p.category_set = out_.nodes[indicator].category_set;
        p.not_applicable = out_.nodes[indicator].not_applicable;
        node_info info;
        info.kind = rubric::node_kind::item;
        info.name = row.name.text;
        info.path = out_.info[indicator].path;
        info.path.push_back(row.name.text);
        info.parent = indicator;
        for (const ast::item_clause& c : row.clauses)
            if (const auto* t = boost::get<ast::text_clause>(&c); t && t->kind == ast::text_kind::published)
                info.published = t->value.value;
        out_.info[indicator].children.push_back(at);
        item_node_[&row] = at;
        out_.nodes.push_back(std::move(p));
        out_.info.push_back(std::move(info));
    }

    // The nearest `不适用` clause up the tree wins, then the policy; by default N/A is not allowed.
    ast::na_effect not_applicable_effect(const detail::node& n) const {
        for (const detail::node* at = &n;; at = &model_.nodes[*at->parent]) {
            const auto from = [](const auto& items) -> std::optional<ast::na_effect> {
                for (const auto& i : items)
                    if (const auto* c = boost::get<ast::not_applicable_clause>(&i)) return c->effect;
                return std::nullopt;
            };
            std::optional<ast::na_effect> found;
            if (at->indicator) found = from(at->indicator->items);
            else if (at->group) found = from(at->group->items);
            else if (at->extra) found = from(at->extra->items);
            if (found) return *found;
            if (!at->parent) break;
        }
        return model_.policies.not_applicable.value_or(ast::na_effect::forbidden);
    }

    // ------------------------------------------------------------------------------------ subjects

    void subjects() {
        for (const checker::subject& s : subjects_) {
            const index at = static_cast<index>(out_.subjects.size());
            plan::subject p;
            p.node = s.item ? item_node_.at(s.item) : node_of_.at(s.node);
            p.from_zero = s.block != detail::node_kind::group;
            p.penalty = s.block == detail::node_kind::penalty;
            p.value_type = checker::value_type_of(model_, s);
            reads_ = &p.reads;
            if (s.value) {
                if (s.value->input) {
                    p.value_slot = slots_.at(s.value->input->text);
                    p.value = input(p.value_slot);
                } else if (s.value->formula) {
                    p.value = expr(*s.value->formula, scope(s.value.file));
                    if (out_.expressions[p.value].code == op::input) p.value_slot = out_.expressions[p.value].a;
                }
            }
            if (s.target) p.target = target(*s.target, scope(s.target.file));
            if (s.rule) {
                subject_ = &s;
                weight_ = out_.nodes[p.node].weight;
                p.rule = rule(s.rule->body, scope(s.rule.file), p.node);
            }
            reads_ = nullptr;
            std::sort(p.reads.begin(), p.reads.end());
            p.reads.erase(std::unique(p.reads.begin(), p.reads.end()), p.reads.end());
            out_.nodes[p.node].subject = at;
            out_.subjects.push_back(std::move(p));
        }
    }

    plan::target target(const ast::target_clause& t, const scope& where) {
        plan::target out;
        out.text = source(where.file(), ast::range_of(t.goal));
        boost::apply_visitor(overloaded{
                                 [&](const ast::target_supplied& s) {
                                     out.kind = target_kind::supplied;
                                     out.op = s.op;
                                 },
                                 [&](const ast::text& x) {
                                     out.kind = target_kind::text;
                                     out.text = x.value;
                                 },
                                 [&](const ast::interval& i) {
                                     out.kind = target_kind::interval;
                                     out.low = expr(i.lower, where);
                                     out.high = expr(i.upper, where);
                                     out.low_closed = i.lower_closed;
                                     out.high_closed = i.upper_closed;
                                 },
                                 [&](const ast::target_value& v) {
                                     out.kind = target_kind::compare;
                                     out.op = v.op.value_or(ast::comparison_op::eq);
                                     out.value = expr(v.value, where);
                                 },
                             },
                             t.goal);
        return out;
    }

    // ------------------------------------------------------------------------------------ rules

    index add_rule(plan::rule r) {
        out_.rules.push_back(std::move(r));
        return static_cast<index>(out_.rules.size() - 1);
    }

    plan::amount amount(const ast::amount& a, const scope& where) {
        plan::amount out;
        out.expr = atom(a.value, where);
        out.of_weight = a.of_weight;
        const expression& e = out_.expressions[out.expr];
        if (e.code == op::constant && !a.of_weight) out.fixed = e.value;
        if (e.code == op::constant && a.of_weight && weight_) out.fixed = e.value * *weight_;
        return out;
    }

    index atom(const ast::atom& a, const scope& where) {
        if (const std::optional<checker::constant> c = read_.of(a, where)) return constant(c->value);
        if (const auto* p = boost::get<ast::path>(&a)) return name(*p, where);
        return constant(0);
    }

    std::vector<plan::bound> bounds(const std::vector<ast::bound_clause>& written, const scope& where) {
        std::vector<plan::bound> out;
        for (const ast::bound_clause& b : written)
            out.push_back({b.kind, b.limit ? std::optional(amount(*b.limit, where)) : std::nullopt});
        return out;
    }

    plan::range value_range(const ast::value_range& r, const scope& where) {
        plan::range out;
        out.text = source(where.file(), ast::range_of(r));
        if (const auto* i = boost::get<ast::interval>(&r)) {
            out.low = expr(i->lower, where);
            out.high = expr(i->upper, where);
            out.low_closed = i->lower_closed;
            out.high_closed = i->upper_closed;
            return out;
        }
        const auto& t = boost::get<ast::threshold>(r);
        const index v = expr(t.value, where);
        switch (t.op) {
        case ast::comparison_op::ge: out.low = v; break;
        case ast::comparison_op::gt: out.low = v, out.low_closed = false; break;
        case ast::comparison_op::le: out.high = v; break;
        case ast::comparison_op::lt: out.high = v, out.high_closed = false; break;
        case ast::comparison_op::eq: out.low = out.high = v; break;
        case ast::comparison_op::ne: out.low = v, out.not_equal = true; break;
        }
        return out;
    }

    plan::range judged_range(const ast::interval& i, const scope& where) {
        return value_range(ast::value_range(i), where);
    }

    plan::outcome outcome(const ast::outcome& o, const scope& where, std::size_t node) {
        plan::outcome out;
        boost::apply_visitor(overloaded{
                                 [&](const ast::fixed_score& f) {
                                     out.kind = f.kind == ast::fixed_outcome::full ? outcome_kind::full
                                                                                   : outcome_kind::zero;
                                 },
                                 [&](const ast::judged& j) {
                                     out.kind = outcome_kind::judged;
                                     if (j.within) out.within = judged_range(*j.within, where);
                                     out.judged_of_weight = j.of_weight;
                                     out_.nodes[node].has_judged_rule = true;
                                     out_.nodes[node].reason_required |= j.reason_required;
                                 },
                                 [&](const ast::nested_rule& n) {
                                     out.kind = outcome_kind::nested;
                                     out.rule = rule(n.body.get(), where, node);
                                 },
                                 [&](const ast::amount& a) {
                                     out.kind = outcome_kind::amount;
                                     out.points = amount(a, where);
                                 },
                             },
                             o);
        return out;
    }

    index rule(const ast::rule_body& body, const scope& where, std::size_t node) {
        return boost::apply_visitor(
            overloaded{
                [&](const ast::step_rule& r) { return add_rule(steps(r, where)); },
                [&](const ast::band_table& t) {
                    band_table out;
                    for (const ast::band& b : t.bands) {
                        plan::band p;
                        if (b.range_of_value) p.values = value_range(*b.range_of_value, where);
                        if (b.condition) p.condition = expr(*b.condition, where);
                        p.result = outcome(b.result, where, node);
                        out.bands.push_back(std::move(p));
                    }
                    return add_rule(std::move(out));
                },
                [&](const ast::case_table& t) {
                    case_table out;
                    for (const ast::case_clause& c : t.cases) {
                        case_clause p;
                        if (c.condition) {
                            p.condition = expr(*c.condition, where);
                            p.text = source(where.file(), ast::range_of(*c.condition));
                        }
                        p.result = outcome(c.result, where, node);
                        out.cases.push_back(std::move(p));
                    }
                    return add_rule(std::move(out));
                },
                [&](const ast::level_map& m) {
                    level_map out;
                    const checker::value_type t = subject_ ? checker::value_type_of(model_, *subject_)
                                                           : checker::value_type{};
                    std::vector<std::string> levels;
                    if (const auto set = model_.level_sets.find(t.level_set); set != model_.level_sets.end())
                        levels = set->second.levels;
                    out.by_level.resize(levels.size());
                    for (const ast::level_outcome& l : m.levels) {
                        plan::outcome o = outcome(l.result, where, node);
                        if (!l.level) {
                            out.otherwise = std::move(o);
                            continue;
                        }
                        const auto at = std::find(levels.begin(), levels.end(), l.level->text);
                        if (at != levels.end()) out.by_level[static_cast<std::size_t>(at - levels.begin())] = o;
                    }
                    return add_rule(std::move(out));
                },
                [&](const ast::proportional_rule& r) { return add_rule(proportional{r.kind}); },
                [&](const ast::score_formula& f) {
                    return add_rule(score_formula{expr(f.formula, where), bounds(f.bounds, where),
                                                  source(where.file(), ast::range_of(f.formula))});
                },
                [&](const ast::checklist& c) {
                    checklist out;
                    out.mode = c.mode;
                    if (c.each) out.each = amount(*c.each, where);
                    const std::size_t model_node = subject_ ? subject_->node : 0;
                    for (const ast::check_item& i : c.items) {
                        check_item p;
                        p.label = i.label.text;
                        if (i.description) p.description = i.description->value;
                        p.slot = input(checklist_slot(model_node, i.label.text));
                        p.slot = out_.expressions[p.slot].a;
                        if (i.result) {
                            p.kind = i.result->kind;
                            if (i.result->points) p.points = amount(*i.result->points, where);
                        }
                        out.items.push_back(std::move(p));
                    }
                    return add_rule(std::move(out));
                },
                [&](const ast::judged& j) {
                    judged out;
                    if (j.within) out.within = judged_range(*j.within, where);
                    out.of_weight = j.of_weight;
                    out.reason_required = j.reason_required;
                    out_.nodes[node].has_judged_rule = true;
                    out_.nodes[node].reason_required |= j.reason_required;
                    return add_rule(std::move(out));
                },
                [&](const ast::pending&) { return add_rule(unscorable{false}); },
                [&](const ast::rank_rule&) { return add_rule(unscorable{true}); },
                [&](const ast::rule_call& c) {
                    const std::optional<checker::entered_rule> entered = checker::enter(model_, c, where);
                    if (!entered) return add_rule(unscorable{false}); // reported by the checker
                    return rule(entered->symbol->syntax->body, entered->inner, node);
                },
            },
            body);
    }

    step_rule steps(const ast::step_rule& r, const scope& where) {
        step_rule out;
        for (const ast::step_part& part : r.parts) {
            if (const auto* b = boost::get<ast::base_score>(&part)) out.base = amount(b->points, where);
            if (const auto* b = boost::get<ast::bound_clause>(&part))
                out.bounds.push_back(
                    {b->kind, b->limit ? std::optional(amount(*b->limit, where)) : std::nullopt});
            if (const auto* c = boost::get<ast::step_clause>(&part)) out.clauses.push_back(clause(*c, where));
        }
        out.integers = integer_form(out);
        return out;
    }

    // The rule in machine integers (plan::integer_steps), when its points are all known now and fit.
    std::optional<integer_steps> integer_form(const step_rule& r) const {
        const bool from_zero = subject_ && subject_->block != detail::node_kind::group;
        const std::optional<decimal> base = r.base ? r.base->fixed : from_zero ? std::optional(decimal(0)) : weight_;
        if (!base) return std::nullopt;
        std::vector<decimal> amounts{*base};
        for (const plan::step_clause& c : r.clauses) {
            if (!c.replayable || c.relative || c.counting == ast::step_counting::pro_rata ||
                out_.expressions[c.step].value.sign() <= 0)
                return std::nullopt;
            amounts.push_back(*c.per_step.fixed);
            if (c.at_most) amounts.push_back(*c.at_most->fixed);
        }
        for (const plan::bound& b : r.bounds)
            if (b.limit) {
                if (!b.limit->fixed) return std::nullopt;
                amounts.push_back(*b.limit->fixed);
            }
        integer_steps out;
        for (const decimal& a : amounts) {
            const auto parts = a.parts();
            if (!parts) return std::nullopt;
            const std::int64_t d = parts->second / std::gcd(parts->second, out.denominator);
            if (__builtin_mul_overflow(out.denominator, d, &out.denominator)) return std::nullopt;
        }
        bool fits = true;
        const auto units = [&](const decimal& a) {
            const auto [n, d] = *a.parts();
            std::int64_t u = 0;
            fits = fits && !__builtin_mul_overflow(n, out.denominator / d, &u);
            return u;
        };
        out.base = units(*base);
        for (const plan::step_clause& c : r.clauses) {
            const auto [n, d] = *out_.expressions[c.step].value.parts();
            integer_steps::clause ic;
            ic.direction = c.direction;
            ic.started = c.counting == ast::step_counting::started_steps;
            ic.deducts = c.verb == ast::step_verb::deduct;
            ic.step_numerator = n;
            ic.step_denominator = d;
            ic.per_step = units(*c.per_step.fixed);
            if (c.at_most) ic.cap = units(*c.at_most->fixed);
            out.clauses.push_back(ic);
        }
        for (const plan::bound& b : r.bounds)
            out.limits.push_back({b.kind != ast::bound_kind::cap_at, b.limit ? units(*b.limit->fixed) : 0});
        if (!fits) return std::nullopt;
        return out;
    }

    plan::step_clause clause(const ast::step_clause& c, const scope& where) {
        plan::step_clause out;
        checker::value_type measured = subject_ ? checker::value_type_of(model_, *subject_) : checker::value_type{};
        if (c.on) {
            out.on = name(*c.on, where);
            if (const auto t = model_.input_types.find(checker::joined(*c.on)); t != model_.input_types.end())
                measured = t->second;
        }
        out.direction = c.direction;
        const std::optional<checker::constant> step = read_.of(c.step, where);
        out.step = step ? constant(step->value) : atom(c.step, where);
        const checker::value_type step_type = step ? step->type : measured;
        out.step_type = step_type;
        out.relative = checker::relative_step(c, step_type, measured, model_.policies);
        out.counting = checker::step_counting_of(c, model_.policies);
        out.counting_written = checker::counting_option(c) || model_.policies.step_counting;
        out.verb = c.verb;
        out.per_step = amount(c.per_step, where);
        if (c.at_most) out.at_most = amount(*c.at_most, where);
        if (const ast::from_option* from = checker::from_option(c)) out.from = expr(from->start, where);
        out.trace = static_cast<index>(out_.clause_count++);
        out.replayable = out.on == none && out.from == none && out_.expressions[out.step].code == op::constant &&
                         out.per_step.fixed && (!out.at_most || out.at_most->fixed);
        return out;
    }

    // ------------------------------------------------------------------------------------ vetoes, grades

    void vetoes() {
        for (file_index file : model_.chain)
            for (const ast::rubric_item& i : model_.modules[file].items)
                if (const auto* v = boost::get<ast::veto>(&i)) veto(*v, file, std::nullopt);
        for (std::size_t m = 0; m < model_.nodes.size(); ++m) {
            const detail::node& n = model_.nodes[m];
            const std::vector<ast::group_item>* items =
                n.group ? &n.group->items : n.extra ? &n.extra->items : nullptr;
            if (!items) continue;
            for (const ast::group_item& i : *items)
                if (const auto* v = boost::get<ast::veto>(&i)) veto(*v, n.where.file, node_of_.at(m));
        }
    }

    void veto(const ast::veto& v, file_index file, std::optional<std::size_t> inside) {
        plan::veto out;
        if (v.description) out.description = v.description->value;
        out.condition = expr(v.condition, scope(file));
        out.condition_text = source(file, ast::range_of(v.condition));
        boost::apply_visitor(overloaded{
                                 [&](const ast::zero_out& z) {
                                     std::optional<std::size_t> node = inside;
                                     if (z.target) {
                                         const std::vector<std::string> parts = checker::path_parts(*z.target);
                                         const std::vector<std::size_t> found = checker::find_nodes(model_, parts);
                                         node = found.empty() ? std::nullopt : std::optional(node_of_.at(found[0]));
                                     }
                                     out.effect = node ? veto_effect::zero_node : veto_effect::zero_total;
                                     out.node = node.value_or(0);
                                 },
                                 [&](const ast::force_grade& g) {
                                     out.effect = veto_effect::force_grade;
                                     for (std::size_t i = 0; i < model_.grades.size(); ++i)
                                         if (model_.grades[i].name == g.grade.text) out.grade = i;
                                 },
                             },
                             v.effect);
        out_.vetoes.push_back(std::move(out));
    }

    void grades() {
        for (const grade_symbol& g : model_.grades) {
            out_.grade_names.push_back(g.name);
            out_.grades.push_back({g.name, value_range(g.syntax->bounds, scope(g.where.file))});
        }
    }

    void policies() {
        for (const ast::rounding_policy* r : model_.policies.rounding) {
            const rounding how{static_cast<std::uint8_t>(std::stoi(r->places.text)), r->mode};
            switch (r->level) {
            case ast::round_level::indicator: out_.round_indicator = how; break;
            case ast::round_level::group: out_.round_group = how; break;
            case ast::round_level::total: out_.round_total = how; break;
            }
        }
        out_.missing = model_.policies.missing.value_or(ast::missing_effect::error);
        out_.missing_written = model_.policies.missing.has_value();
    }

    const checked_model& model_;
    checker::constants read_;
    program out_;
    std::map<std::string, index, std::less<>> slots_;
    std::map<std::pair<std::size_t, std::string>, index> checklist_slots_;
    std::map<std::size_t, std::size_t> node_of_; ///< model node → program node
    std::map<const ast::item*, std::size_t> item_node_;
    std::vector<checker::subject> subjects_;
    const checker::subject* subject_ = nullptr; ///< the subject whose rule is being compiled
    std::optional<decimal> weight_;             ///< its weight, when fixed
    std::vector<index>* reads_ = nullptr;       ///< collects the inputs read while compiling a subject
};

} // namespace

program compile_program(const checked_model& model) {
    program out = compiler(model).run();
    out.fixed = lower_to_fixed_point(out);
    return out;
}

} // namespace rubric::detail

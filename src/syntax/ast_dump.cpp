// ast_dump.cpp — prints the syntax tree as S-expressions (layout in ast_dump.hpp).
#include "syntax/ast_dump.hpp"

#include <boost/variant/apply_visitor.hpp>
#include <cstddef>
#include <string_view>

namespace rubric::syntax {
namespace {

class printer {
public:
    explicit printer(dump_options options) : options_(options) {}

    std::string out;

    // ---- Building blocks
    void word(std::string_view w) { out += w; }
    void space() { out += ' '; }
    void at(const ast::tagged& node) {
        if (!options_.ranges) return;
        out += '@';
        out += std::to_string(node.range.begin);
        out += "..";
        out += std::to_string(node.range.end);
    }
    /// `(head` with the node's range.
    void open(std::string_view head, const ast::tagged& node) {
        out += '(';
        out += head;
        at(node);
    }
    void close() { out += ')'; }
    /// Each element on its own line, one level deeper.
    template <typename Container, typename Print>
    void lines(const Container& items, Print print) {
        ++depth_;
        for (const auto& item : items) {
            out += '\n';
            out.append(2 * depth_, ' ');
            print(item);
        }
        --depth_;
    }
    template <typename Container>
    void lines(const Container& items) {
        lines(items, [&](const auto& item) { print(item); });
    }
    template <typename Variant>
    void visit(const Variant& v) {
        boost::apply_visitor([&](const auto& alternative) { print(alternative); }, v);
    }
    template <typename T>
    void print(const ast::x3::forward_ast<T>& boxed) {
        print(boxed.get());
    }
    template <typename T>
    void optional(std::string_view head, const std::optional<T>& value) {
        if (!value) return;
        out += " (";
        out += head;
        space();
        print(*value);
        close();
    }

    // ---- Tokens
    void quoted(std::string_view s) {
        out += '"';
        for (char c : s) {
            if (c == '"' || c == '\\') out += '\\';
            if (c == '\n')
                out += "\\n";
            else if (c == '\t')
                out += "\\t";
            else
                out += c;
        }
        out += '"';
    }
    void print(const ast::name& n) {
        if (n.quoted)
            quoted(n.text);
        else
            out += n.text;
        at(n);
    }
    void print(const ast::path& p) {
        for (std::size_t i = 0; i != p.parts.size(); ++i) {
            if (i) out += '.';
            if (p.parts[i].quoted)
                quoted(p.parts[i].text);
            else
                out += p.parts[i].text;
        }
        at(p);
    }
    void print(const ast::text& t) {
        quoted(t.value);
        at(t);
    }
    void print(const ast::quantity& q) {
        out += q.number;
        out += q.unit;
        at(q);
    }
    void print(const ast::date& d) {
        out += d.text;
        at(d);
    }
    void print(const ast::digits& d) {
        out += d.text;
        at(d);
    }
    void print(const ast::unit_name& u) {
        out += u.text;
        at(u);
    }
    void print(const ast::bool_literal& b) {
        out += b.value ? "true" : "false";
        at(b);
    }

    // ---- Expressions
    void print(const ast::expression& e) { visit(e); }
    void print(const ast::context_value& c) {
        out += "this.";
        out += to_string(c.kind);
        at(c);
    }
    void print(const ast::rounding_mode_argument& r) {
        out += rubric::to_string(r.mode);
        at(r);
    }
    void print(const ast::call_argument& a) { visit(a); }
    void print(const ast::call& c) {
        open(to_string(c.function), c);
        for (const auto& argument : c.arguments) {
            space();
            print(argument);
        }
        close();
    }
    void print(const ast::unary& u) {
        open(to_string(u.op), u);
        space();
        print(u.operand);
        close();
    }
    void print(const ast::binary& b) {
        open(to_string(b.op), b);
        space();
        print(b.left);
        space();
        print(b.right);
        close();
    }
    void print(const ast::interval& i) {
        out += i.lower_closed ? '[' : '(';
        print(i.lower);
        out += ", ";
        print(i.upper);
        out += i.upper_closed ? ']' : ')';
        at(i);
    }
    void print(const ast::threshold& t) {
        open(to_string(t.op), t);
        space();
        print(t.value);
        close();
    }
    void print(const ast::value_range& r) { visit(r); }
    void print(const ast::literal& l) { visit(l); }

    // ---- Types and inputs
    void print(const ast::type_spec& t) {
        if (t.kind == ast::value_type::level) {
            open("level", t);
            space();
            print(*t.level_set);
            close();
            return;
        }
        out += to_string(t.kind);
        at(t);
        if (t.unit) {
            space();
            print(*t.unit);
        }
    }
    void print(const ast::input_range& r) {
        open("range", r);
        space();
        print(r.bounds);
        close();
    }
    void print(const ast::input_default& d) {
        open("default", d);
        space();
        print(d.value);
        close();
    }
    void print(const ast::input_option& o) { visit(o); }
    void print(const ast::input_spec& s) {
        out += '(';
        print(s.name);
        space();
        print(s.type);
        if (s.formula) {
            word(" = ");
            print(*s.formula);
        }
        for (const auto& option : s.options) {
            space();
            print(option);
        }
        close();
    }
    void print(const ast::input_decl& d) {
        open("input", d);
        for (const auto& input : d.inputs) {
            space();
            print(input);
        }
        close();
    }

    // ---- Rules
    void print(const ast::atom& a) { visit(a); }
    void print(const ast::amount& a) {
        if (!a.of_weight) {
            print(a.value);
            return;
        }
        open("of_weight", a);
        space();
        print(a.value);
        close();
    }
    void print(const ast::judged& j) {
        open("judged", j);
        if (j.within) {
            space();
            print(*j.within);
        }
        if (j.of_weight) word(" of_weight");
        if (j.reason_required) word(" reason_required");
        close();
    }
    void print(const ast::fixed_score& f) {
        out += to_string(f.kind);
        at(f);
    }
    void print(const ast::nested_rule& n) {
        open("rule", n);
        space();
        print(n.body.get());
        close();
    }
    void print(const ast::outcome& o) { visit(o); }
    void print(const ast::base_score& b) {
        open("base", b);
        space();
        print(b.points);
        close();
    }
    void print(const ast::counting_option& c) {
        out += to_string(c.counting);
        at(c);
    }
    void print(const ast::percent_option& p) {
        out += to_string(p.mode);
        at(p);
    }
    void print(const ast::from_option& f) {
        open("from", f);
        space();
        print(f.start);
        close();
    }
    void print(const ast::step_option& o) { visit(o); }
    void print(const ast::step_clause& s) {
        open("step", s);
        if (s.on) {
            word(" (on ");
            print(*s.on);
            close();
        }
        space();
        word(to_string(s.direction));
        space();
        print(s.step);
        space();
        word(to_string(s.verb));
        space();
        print(s.per_step);
        optional("at_most", s.at_most);
        if (!s.options.empty()) {
            word(" (options");
            for (const auto& option : s.options) {
                space();
                print(option);
            }
            close();
        }
        close();
    }
    void print(const ast::bound_clause& b) {
        open(to_string(b.kind), b);
        if (b.limit) {
            space();
            print(*b.limit);
        }
        close();
    }
    void print(const ast::step_part& p) { visit(p); }
    void print(const ast::step_rule& s) {
        open("steps", s);
        for (const auto& part : s.parts) {
            space();
            print(part);
        }
        close();
    }
    void print(const ast::band& b) {
        open("band", b);
        space();
        if (b.range_of_value)
            print(*b.range_of_value);
        else
            word("otherwise");
        optional("and", b.condition);
        space();
        print(b.result);
        close();
    }
    void print(const ast::band_table& t) {
        open("bands", t);
        lines(t.bands);
        close();
    }
    void print(const ast::case_clause& c) {
        if (c.condition) {
            open("when", c);
            space();
            print(*c.condition);
        } else {
            open("otherwise", c);
        }
        space();
        print(c.result);
        close();
    }
    void print(const ast::case_table& t) {
        open("cases", t);
        lines(t.cases);
        close();
    }
    void print(const ast::level_outcome& l) {
        out += '(';
        if (l.level)
            print(*l.level);
        else
            word("otherwise");
        at(l);
        space();
        print(l.result);
        close();
    }
    void print(const ast::level_map& m) {
        open("by_level", m);
        lines(m.levels);
        close();
    }
    void print(const ast::proportional_rule& p) {
        open(to_string(p.kind), p);
        close();
    }
    void print(const ast::score_formula& f) {
        open("formula", f);
        space();
        print(f.formula);
        for (const auto& bound : f.bounds) {
            space();
            print(bound);
        }
        close();
    }
    void print(const ast::check_outcome& c) {
        open(to_string(c.kind), c);
        if (c.points) {
            space();
            print(*c.points);
        }
        close();
    }
    void print(const ast::check_item& c) {
        open("check", c);
        space();
        print(c.label);
        if (c.description) {
            space();
            print(*c.description);
        }
        if (c.result) {
            space();
            print(*c.result);
        }
        close();
    }
    void print(const ast::checklist& c) {
        open("checklist", c);
        space();
        word(to_string(c.mode));
        if (c.each) {
            space();
            print(*c.each);
        }
        lines(c.items);
        close();
    }
    void print(const ast::pending& p) {
        open("pending", p);
        if (p.note) {
            space();
            print(*p.note);
        }
        close();
    }
    void print(const ast::rank_rule& r) {
        open("rank", r);
        space();
        word(to_string(r.order));
        word(" (top ");
        print(r.top);
        word(") (per_place ");
        print(r.per_place);
        close();
        for (const auto& bound : r.bounds) {
            space();
            print(bound);
        }
        close();
    }
    void print(const ast::argument& a) {
        if (!a.parameter) {
            print(a.value);
            return;
        }
        open("=", a);
        space();
        print(*a.parameter);
        space();
        print(a.value);
        close();
    }
    void print(const ast::rule_call& c) {
        open("call", c);
        space();
        print(c.rule);
        for (const auto& argument : c.arguments) {
            space();
            print(argument);
        }
        close();
    }
    void print(const ast::rule_body& b) { visit(b); }

    // ---- Clauses
    void print(const ast::text_clause& t) {
        open(to_string(t.kind), t);
        space();
        print(t.value);
        close();
    }
    void print(const ast::not_applicable_clause& n) {
        open("not_applicable", n);
        space();
        word(to_string(n.effect));
        close();
    }
    void print(const ast::exempt_clause& e) {
        open("exempt", e);
        space();
        print(e.reason);
        if (e.effect) {
            space();
            word(to_string(*e.effect));
        }
        close();
    }
    void print(const ast::acknowledge& a) {
        open("acknowledge", a);
        space();
        print(a.code);
        space();
        print(a.reason);
        close();
    }
    void print(const ast::value_clause& v) {
        open("value", v);
        if (v.input) {
            word(" (input ");
            print(*v.input);
            space();
            print(*v.type);
            close();
        }
        if (v.formula) {
            space();
            print(*v.formula);
        }
        close();
    }
    void print(const ast::target_supplied& t) {
        if (t.op) {
            open(to_string(*t.op), t);
            word(" supplied_by_unit)");
        } else {
            word("supplied_by_unit");
            at(t);
        }
    }
    void print(const ast::target_value& t) {
        if (!t.op) {
            print(t.value);
            return;
        }
        open(to_string(*t.op), t);
        space();
        print(t.value);
        close();
    }
    void print(const ast::target_clause& t) {
        open("target", t);
        space();
        visit(t.goal);
        close();
    }
    void print(const ast::rule_clause& r) {
        open("rule", r);
        space();
        print(r.body);
        close();
    }
    void print(const ast::item_clause& c) { visit(c); }
    void print(const ast::item& i) {
        open("item", i);
        space();
        print(i.name);
        lines(i.clauses);
        close();
    }
    void print(const ast::combine_clause& c) {
        open("combine", c);
        space();
        word(to_string(c.mode));
        if (c.chosen_by) {
            space();
            word(to_string(*c.chosen_by));
        }
        close();
    }
    void print(const ast::zero_out& z) {
        open("zero_out", z);
        if (z.target) {
            space();
            print(*z.target);
        }
        close();
    }
    void print(const ast::force_grade& g) {
        open("grade", g);
        space();
        print(g.grade);
        close();
    }
    void print(const ast::veto& v) {
        open("veto", v);
        if (v.description) {
            space();
            print(*v.description);
        }
        word(" (when ");
        print(v.condition);
        word(") ");
        visit(v.effect);
        close();
    }

    // ---- Groups and indicators
    void print(const ast::category_weight& c) {
        out += '(';
        print(c.category);
        space();
        print(c.points);
        close();
    }
    void print(const ast::weight_by_category& w) {
        word("by ");
        print(w.category_set);
        at(w);
        for (const auto& weight : w.weights) {
            space();
            print(weight);
        }
    }
    void weight(const std::optional<ast::weight>& w) {
        if (!w) return;
        word(" (weight ");
        visit(*w);
        close();
    }
    void print(const ast::indicator_item& i) { visit(i); }
    void print(const ast::indicator& i) {
        open("indicator", i);
        space();
        print(i.name);
        weight(i.weight);
        lines(i.items);
        close();
    }
    void print(const ast::group_item& i) { visit(i); }
    void print(const ast::group& g) {
        open("group", g);
        space();
        print(g.name);
        weight(g.weight);
        lines(g.items);
        close();
    }
    void print(const ast::node& n) { visit(n); }
    void print(const ast::override_decl& o) {
        open("override", o);
        space();
        print(o.target);
        close();
    }
    void print(const ast::extra_block& e) {
        open(to_string(e.kind), e);
        space();
        print(e.name);
        optional("at_most", e.at_most);
        lines(e.items);
        close();
    }

    // ---- Rubric-level declarations
    void print(const ast::metadata& m) {
        open(to_string(m.key), m);
        space();
        print(m.value);
        close();
    }
    void print(const ast::year_decl& y) {
        open("year", y);
        space();
        print(y.year);
        close();
    }
    void print(const ast::total_decl& t) {
        open("total", t);
        space();
        print(t.points);
        close();
    }
    void print(const ast::grade_band& g) {
        out += '(';
        print(g.grade);
        space();
        print(g.bounds);
        close();
    }
    void print(const ast::grade_table& g) {
        open("grades", g);
        lines(g.bands);
        close();
    }
    void print(const ast::step_counting_policy& p) {
        open("step_counting", p);
        space();
        word(to_string(p.counting));
        close();
    }
    void print(const ast::percent_steps_policy& p) {
        open("percent_steps", p);
        space();
        word(to_string(p.mode));
        close();
    }
    void print(const ast::rounding_policy& p) {
        open("round", p);
        space();
        word(to_string(p.level));
        space();
        print(p.places);
        space();
        word(rubric::to_string(p.mode));
        close();
    }
    void print(const ast::missing_policy& p) {
        open("missing", p);
        space();
        word(to_string(p.effect));
        close();
    }
    void print(const ast::not_applicable_policy& p) {
        open("not_applicable", p);
        space();
        word(to_string(p.effect));
        close();
    }
    void print(const ast::policy_entry& e) { visit(e); }
    void print(const ast::policy& p) {
        open("policy", p);
        lines(p.entries);
        close();
    }
    void print(const ast::parameter& p) {
        out += '(';
        print(p.name);
        optional("type", p.type);
        optional("default", p.default_value);
        close();
    }
    void print(const ast::rule_def& r) {
        open("define_rule", r);
        space();
        print(r.name);
        if (!r.parameters.empty()) {
            word(" (parameters");
            for (const auto& parameter : r.parameters) {
                space();
                print(parameter);
            }
            close();
        }
        space();
        print(r.body);
        close();
    }
    void print(const ast::levels_decl& l) {
        open("levels", l);
        space();
        print(l.name);
        for (const auto& level : l.levels) {
            space();
            print(level);
        }
        close();
    }
    void print(const ast::category_decl& c) {
        open("category", c);
        space();
        print(c.name);
        for (const auto& category : c.categories) {
            space();
            print(category);
        }
        close();
    }
    void print(const ast::unit_decl& u) {
        open("units", u);
        for (const auto& unit : u.units) {
            space();
            print(unit);
        }
        close();
    }
    void print(const ast::rubric_item& i) { visit(i); }

    // ---- Tests
    void print(const ast::test_value& v) {
        if (!v.op) {
            print(v.value);
            return;
        }
        open(to_string(*v.op), v);
        space();
        print(v.value);
        close();
    }
    void print(const ast::given_target& g) {
        open("target", g);
        space();
        print(g.node);
        space();
        print(g.value);
        close();
    }
    void print(const ast::given_not_applicable& g) {
        open("not_applicable", g);
        space();
        print(g.node);
        close();
    }
    void print(const ast::given_judged& g) {
        open("judged", g);
        space();
        print(g.node);
        space();
        print(g.value);
        if (g.reason) {
            space();
            print(*g.reason);
        }
        close();
    }
    void print(const ast::given_exempt& g) {
        open("exempt", g);
        space();
        print(g.node);
        space();
        print(g.reason);
        close();
    }
    void print(const ast::given_choice& g) {
        open("choose", g);
        space();
        print(g.node);
        space();
        print(g.choice);
        close();
    }
    void print(const ast::given_category& g) {
        open("category", g);
        space();
        print(g.category_set);
        space();
        print(g.category);
        close();
    }
    void print(const ast::given_input& g) {
        open("=", g);
        space();
        print(g.input);
        space();
        print(g.value);
        close();
    }
    void print(const ast::given_item& i) { visit(i); }
    void print(const ast::given& g) {
        open("given", g);
        lines(g.items);
        close();
    }
    void print(const ast::expect_node& e) {
        open(to_string(e.kind), e);
        space();
        print(e.node);
        space();
        print(e.value);
        close();
    }
    void print(const ast::expect_total& e) {
        open("total", e);
        space();
        print(e.value);
        close();
    }
    void print(const ast::expect_grade& e) {
        open("grade", e);
        space();
        print(e.grade);
        close();
    }
    void print(const ast::expect_error& e) {
        open("error", e);
        space();
        print(e.message);
        close();
    }
    void print(const ast::expectation& e) { visit(e); }
    void print(const ast::expect& e) {
        open("expect", e);
        lines(e.items);
        close();
    }
    void print(const ast::table_column& c) {
        if (!c.subject) {
            out += to_string(c.kind);
            at(c);
            return;
        }
        open(to_string(c.kind), c);
        space();
        print(*c.subject);
        close();
    }
    void print(const ast::empty_cell& c) {
        out += '-';
        at(c);
    }
    void print(const ast::table_cell& c) { visit(c); }
    void print(const ast::table_row& r) {
        open("row", r);
        for (const auto& cell : r.cells) {
            space();
            print(cell);
        }
        close();
    }
    void print(const ast::test_table& t) {
        open("table", t);
        ++depth_;
        out += '\n';
        out.append(2 * depth_, ' ');
        word("(columns");
        for (const auto& column : t.columns) {
            space();
            print(column);
        }
        close();
        --depth_;
        lines(t.rows);
        close();
    }
    void print(const ast::test_item& i) { visit(i); }
    void print(const ast::test_case& t) {
        open("test", t);
        space();
        print(t.title);
        lines(t.items);
        close();
    }

    // ---- The file
    void print(const ast::import_decl& i) {
        open("import", i);
        space();
        print(i.file);
        optional("as", i.alias);
        close();
    }
    void print(const ast::source_module& m) {
        for (const auto& import : m.imports) {
            print(import);
            out += '\n';
        }
        open(to_string(m.kind), m);
        space();
        print(m.title);
        optional("extends", m.base);
        lines(m.items);
        lines(m.tests);
        close();
    }

private:
    dump_options options_;
    std::size_t depth_ = 0;
};

} // namespace

std::string dump(const ast::source_module& module, dump_options options) {
    printer p(options);
    p.print(module);
    p.out += '\n';
    return p.out;
}

std::string dump(const ast::expression& expression, dump_options options) {
    printer p(options);
    p.print(expression);
    return p.out;
}

} // namespace rubric::syntax

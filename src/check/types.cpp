// types.cpp — the types pass: the type of every input, value, target, formula, step, amount and band bound,
// and the unit mistakes between them (E03xx). Records each input's type and domain and each value's type in
// the model for the rule passes and the compiler.
#include "check/codes.hpp"
#include "check/overloaded.hpp"
#include "check/passes.hpp"
#include "check/reporter.hpp"
#include "check/scope.hpp"
#include "check/steps.hpp"
#include "check/subjects.hpp"
#include "check/wording.hpp"

#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>
#include <initializer_list>
#include <type_traits>

namespace rubric::checker {
namespace {

using syntax::keyword;

keyword keyword_of(ast::function_name f) {
    switch (f) {
    case ast::function_name::min:
        return keyword::min;
    case ast::function_name::max:
        return keyword::max;
    case ast::function_name::abs:
        return keyword::abs;
    case ast::function_name::round:
        break;
    }
    return keyword::round;
}

keyword keyword_of(ast::proportional_kind k) {
    switch (k) {
    case ast::proportional_kind::proportional:
        return keyword::proportional;
    case ast::proportional_kind::inverse_proportional:
        return keyword::inverse_proportional;
    case ast::proportional_kind::completion_ratio:
        break;
    }
    return keyword::completion_ratio;
}

bool ordering(ast::binary_op op) {
    return op == ast::binary_op::ge || op == ast::binary_op::le || op == ast::binary_op::gt ||
           op == ast::binary_op::lt;
}

bool comparison(ast::binary_op op) {
    return ordering(op) || op == ast::binary_op::eq || op == ast::binary_op::ne;
}

// A default domain per README §7.1: amounts, counts, durations (and lengths, areas, masses) are ≥ 0; percents
// and numbers unbounded.
span default_domain(const value_type& t) {
    if (t.kind == type_kind::quantity &&
        (t.measure == unit_kind::money || t.measure == unit_kind::count || t.measure == unit_kind::time ||
         t.measure == unit_kind::length || t.measure == unit_kind::area || t.measure == unit_kind::mass))
        return span{endpoint::at(decimal(0), true, "0"), endpoint::infinite()};
    return span::everything();
}

// What a rule body is read against: its subject and the types of the subject's value and target.
struct reading {
    const subject* subj = nullptr;
    value_type value;
    value_type target; ///< unknown when there is none or the unit supplies it; text when descriptive
    bool has_target = false;
};

class typer {
public:
    explicit typer(context& ctx) : model_(ctx.model()), report_(ctx), read_(model_) {}

    void run() {
        declared_units();
        inputs();
        parameters();
        for (const subject& s : scored_subjects(model_))
            subject_rule(s);
        vetoes();
    }

private:
    // ---------------------------------------------------------------------------------------------------------
    // Declarations
    // ---------------------------------------------------------------------------------------------------------

    void declared_units() {
        for (const detail::unit_symbol& u : model_.declared_units)
            if (unit_table::built_in(u.name))
                report_.error(codes::unit_redeclared, u.where,
                              quoted(u.name) + " is already a unit; " + kw(keyword::unit) +
                                  " declares only new count units");
    }

    // The type a declaration names (`金额 万元`, `计数 人`, a level set); unknown when it cannot be read.
    value_type declared_type(const ast::type_spec& spec, file_index file) {
        switch (spec.kind) {
        case ast::value_type::percent:
            return value_type::ratio(true);
        case ast::value_type::boolean:
            return value_type::of_kind(type_kind::boolean);
        case ast::value_type::date:
            return value_type::of_kind(type_kind::date);
        case ast::value_type::level:
            if (spec.level_set && model_.level_sets.contains(spec.level_set->text))
                return value_type::level(spec.level_set->text);
            return {}; // an unknown level set is the names pass's to report
        case ast::value_type::amount:
        case ast::value_type::count:
        case ast::value_type::number:
            break;
        }
        if (!spec.unit) return value_type::ratio(false);
        const std::optional<unit> u = read_.units().resolve(spec.unit->text);
        if (!u) {
            unknown_unit(spec.unit->text, {file, spec.unit->range});
            return {};
        }
        const value_type t = value_type::quantity(*u, spec.unit->text);
        if (spec.kind == ast::value_type::amount && u->kind != unit_kind::money) {
            report_.error(codes::option_type_mismatch, {file, spec.unit->range},
                          "an amount is in a money unit (元, 万元, 亿元), not " + spec.unit->text + "; " +
                              (u->kind == unit_kind::count
                                   ? "declare a count: " + kw(keyword::count) + " " + spec.unit->text
                                   : "declare a number: " + kw(keyword::number) + " " + spec.unit->text));
            return {};
        }
        if (spec.kind == ast::value_type::count && u->kind != unit_kind::count) {
            report_.error(codes::option_type_mismatch, {file, spec.unit->range},
                          "a count is in a count unit (人, 家, 项, … or one declared with " +
                              kw(keyword::unit) + "), not " + spec.unit->text);
            return {};
        }
        return t;
    }

    void inputs() {
        for (const auto& [name, symbol] : model_.inputs) {
            const value_type t = symbol.type ? declared_type(*symbol.type, symbol.where.file) : value_type();
            // In the inputs' own (sorted) order, so each insertion is at the end.
            model_.input_types.emplace_hint(model_.input_types.end(), name, t);
            span domain = default_domain(t);
            if (symbol.syntax)
                for (const ast::input_option& option : symbol.syntax->options) {
                    if (const auto* r = boost::get<ast::input_range>(&option))
                        if (const std::optional<span> written =
                                input_range(r->bounds, t, name, symbol.where.file))
                            domain = *written;
                    if (const auto* d = boost::get<ast::input_default>(&option))
                        input_default(*d, t, name, symbol.where.file);
                }
            model_.input_domains.emplace_hint(model_.input_domains.end(), name, std::move(domain));
        }
        // Formulas of derived inputs, once every input's type is known.
        for (const auto& [name, symbol] : model_.inputs)
            if (symbol.syntax && symbol.syntax->formula)
                derived_formula(name, model_.input_types[name], *symbol.syntax->formula, symbol.where.file);
    }

    // `范围 [0, 100万人]` or `范围 ≥ 0`: every bound of the input's type.
    template <class Range>
    std::optional<span> input_range(const Range& bounds, const value_type& t, const std::string& input,
                                    file_index file) {
        const scope here(file);
        bool fits = true;
        const auto bound = [&](const ast::expression& e) {
            const value_type b = infer(e, here, nullptr);
            if (compatible(b, t)) return;
            fits = false;
            report_.error(codes::option_type_mismatch, {file, ast::range_of(e)},
                          "the range bound " + quoted(source_text(model_, file, ast::range_of(e))) + " is " +
                              describe(b) + ", but " + quoted(input) + " is " + describe(t));
        };
        if constexpr (std::is_same_v<Range, ast::interval>) {
            bound(bounds.lower);
            bound(bounds.upper);
        } else {
            boost::apply_visitor(overloaded{
                                     [&](const ast::interval& i) {
                                         bound(i.lower);
                                         bound(i.upper);
                                     },
                                     [&](const ast::threshold& th) { bound(th.value); },
                                 },
                                 bounds.get());
        }
        if (!fits || t.kind == type_kind::unknown) return std::nullopt;
        return read_.span_of(bounds, here, t);
    }

    void input_default(const ast::input_default& d, const value_type& t, const std::string& input,
                       file_index file) {
        const source_range where = ast::range_of(d.value);
        const value_type given = boost::apply_visitor(
            overloaded{
                [&](const ast::date&) { return value_type::of_kind(type_kind::date); },
                [&](const ast::quantity& q) { return quantity_type(q, file); },
                [&](const ast::bool_literal&) { return value_type::of_kind(type_kind::boolean); },
                [&](const ast::name& n) {
                    // A level of the input's set (an unknown level is the names pass's to report).
                    return t.kind == type_kind::level ? t : level_named(n.text, nullptr);
                },
            },
            d.value.get());
        if (!compatible(given, t))
            report_.error(codes::option_type_mismatch, {file, where},
                          "the default " + quoted(source_text(model_, file, where)) + " is " +
                              describe(given) + ", but " + quoted(input) + " is " + describe(t));
    }

    // A parameter's default must have the parameter's declared type.
    void parameters() {
        for (const auto& [name, symbol] : model_.rules) {
            if (!symbol.syntax) continue;
            const scope here(symbol.where.file);
            for (const ast::parameter& p : symbol.syntax->parameters) {
                if (!p.type || !p.default_value) continue;
                const value_type declared = declared_type(*p.type, here.file());
                const value_type given = infer(*p.default_value, here, nullptr);
                if (!compatible(given, declared))
                    report_.error(
                        codes::option_type_mismatch, {here.file(), ast::range_of(*p.default_value)},
                        "the default " +
                            quoted(source_text(model_, here.file(), ast::range_of(*p.default_value))) +
                            " is " + describe(given) + ", but the parameter " + quoted(p.name.text) + " is " +
                            describe(declared));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Subjects: value, target, rule
    // ---------------------------------------------------------------------------------------------------------

    void subject_rule(const subject& s) {
        reading r;
        r.subj = &s;
        r.value = value_of(s);
        if (s.value) model_.value_types[s.value.syntax] = r.value;
        target_of(s, r);
        if (!s.rule) return;
        for_each_body(model_, s.rule->body, scope(s.rule.file),
                      [&](const ast::rule_body& body, const scope& where) { rule_form(body, where, r); });
    }

    value_type value_of(const subject& s) {
        if (!s.value) return {};
        const ast::value_clause& v = *s.value;
        const scope here(s.value.file);
        if (!v.input) return v.formula ? infer(*v.formula, here, nullptr) : value_type();
        const auto declared = model_.input_types.find(v.input->text);
        const value_type t = declared != model_.input_types.end() ? declared->second : value_type();
        if (v.formula) derived_formula(v.input->text, t, *v.formula, s.value.file);
        return t;
    }

    // A derived input's formula gives a value of its declared type.
    void derived_formula(const std::string& input, const value_type& declared, const ast::expression& formula,
                         file_index file) {
        const value_type computed = infer(formula, scope(file), nullptr);
        if (!compatible(computed, declared))
            report_.error(codes::target_type_mismatch, {file, ast::range_of(formula)},
                          quoted(input) + " is declared as " + describe(declared) + ", but its formula gives " +
                              describe(computed));
    }

    void target_of(const subject& s, reading& r) {
        if (!s.target) return;
        r.has_target = true;
        const scope here(s.target.file);
        const source_range goal = ast::range_of(s.target->goal);
        const auto check = [&](const value_type& t) {
            // Levels of another set are the names pass's to report (E0205).
            const bool both_levels = t.kind == type_kind::level && r.value.kind == type_kind::level;
            if (!both_levels && !compatible(t, r.value))
                report_.error(codes::target_type_mismatch, {here.file(), goal},
                              "the target " + quoted(source_text(model_, here.file(), goal)) + " is " +
                                  describe(t) + ", but " + value_name(model_, s) + " is " +
                                  describe(r.value));
            return t;
        };
        boost::apply_visitor(overloaded{
                                 [&](const ast::target_supplied&) { r.target = r.value; },
                                 [&](const ast::text&) { r.target = value_type::of_kind(type_kind::text); },
                                 [&](const ast::interval& i) {
                                     r.target = check(infer(i.lower, here, nullptr, &r.value));
                                     check(infer(i.upper, here, nullptr, &r.value));
                                 },
                                 [&](const ast::target_value& v) {
                                     r.target = check(infer(v.value, here, nullptr, &r.value));
                                 },
                             },
                             s.target->goal.get());
    }

    // One rule form, without the bodies nested in it (for_each_body visits those).
    void rule_form(const ast::rule_body& body, const scope& where, const reading& r) {
        boost::apply_visitor(
            overloaded{
                [&](const ast::step_rule& rule) { step_rule(rule, where, r); },
                [&](const ast::band_table& table) { bands(table, where, r); },
                [&](const ast::case_table& table) {
                    for (const ast::case_clause& c : table.cases) {
                        if (c.condition) condition(*c.condition, where, &r);
                        outcome(c.result, where);
                    }
                },
                [&](const ast::level_map& map) {
                    if (!fits_form(r, {type_kind::level}))
                        form_mismatch(keyword::by_level, map.range, where, r, "a value that is a level",
                                      kw(keyword::bands) + " or " + kw(keyword::cases));
                    for (const ast::level_outcome& l : map.levels)
                        outcome(l.result, where);
                },
                [&](const ast::proportional_rule& rule) { proportional(rule, where, r); },
                [&](const ast::score_formula& rule) {
                    const value_type t = infer(rule.formula, where, &r);
                    if (t.kind != type_kind::unknown && !t.is_points() && !t.bare_zero)
                        note_use(
                            report_.error(
                                codes::formula_not_points, {where.file(), ast::range_of(rule.formula)},
                                "the score formula gives " + describe(t) +
                                    ", not points: multiply a share by " + kw(keyword::weight) +
                                    " (such as " +
                                    quoted(source_text(model_, where.file(), ast::range_of(rule.formula)) +
                                           " × 权重") +
                                    ") or by points"),
                            where, r);
                    bounds_of(rule, where);
                },
                [&](const ast::checklist& list) {
                    if (list.each) amount(*list.each, where);
                    for (const ast::check_item& item : list.items)
                        if (item.result && item.result->points) amount(*item.result->points, where);
                },
                [&](const ast::judged& j) { judged(j, where); },
                [&](const ast::rank_rule& rule) {
                    if (!fits_form(r, {type_kind::quantity, type_kind::date}))
                        form_mismatch(keyword::rank, rule.range, where, r, "a value that is a number");
                    amount(rule.per_place, where);
                    for (const ast::bound_clause& b : rule.bounds)
                        bound(b, where);
                },
                [](const auto&) {}, // pending; a call's body is visited by for_each_body
            },
            body.get());
    }

    // `得分 = … , 扣完为止`: the grammar allows bounds after a formula; read them if the tree keeps them.
    template <class Formula>
    void bounds_of(const Formula& f, const scope& where) {
        if constexpr (requires { f.bounds; })
            for (const ast::bound_clause& b : f.bounds)
                bound(b, where);
    }

    bool fits_form(const reading& r, std::initializer_list<type_kind> kinds) const {
        if (r.value.kind == type_kind::unknown) return true;
        for (type_kind k : kinds)
            if (r.value.kind == k) return true;
        return false;
    }

    void form_mismatch(keyword form, source_range range, const scope& where, const reading& r,
                       const std::string& needs, const std::string& instead = {}) {
        note_use(report_.error(codes::rule_form_mismatch,
                               {where.file(), leading_word(model_, where.file(), range)},
                               kw(form) + " needs " + needs + "; " + value_name(model_, *r.subj) + " is " +
                                   describe(r.value) + (instead.empty() ? "" : ": use " + instead)),
                 where, r);
    }

    void step_rule(const ast::step_rule& rule, const scope& where, const reading& r) {
        for (const ast::step_part& part : rule.parts)
            boost::apply_visitor(overloaded{
                                     [&](const ast::base_score& b) { amount(b.points, where); },
                                     [&](const ast::step_clause& c) { step_clause(c, where, r); },
                                     [&](const ast::bound_clause& b) { bound(b, where); },
                                 },
                                 part.get());
    }

    void bound(const ast::bound_clause& b, const scope& where) {
        if (b.limit) amount(*b.limit, where);
    }

    void step_clause(const ast::step_clause& c, const scope& where, const reading& r) {
        value_type measured = r.value;
        std::string measured_name = value_name(model_, *r.subj);
        if (c.on) {
            measured = name_type(*c.on, where, &r, nullptr);
            measured_name = quoted(source_text(model_, where.file(), c.on->range));
        }
        if (measured.kind == type_kind::level || measured.kind == type_kind::boolean ||
            measured.kind == type_kind::text) {
            note_use(report_.error(codes::rule_form_mismatch,
                                   {where.file(), leading_word(model_, where.file(), c.range)},
                                   "a step counts a number or a date; " + measured_name + " is " +
                                       describe(measured) +
                                       (measured.kind == type_kind::level ? ": use " + kw(keyword::by_level)
                                        : measured.kind == type_kind::boolean ? ": use " + kw(keyword::cases)
                                                                              : std::string())),
                     where, r);
            return;
        }
        amount(c.per_step, where);
        if (c.at_most) amount(*c.at_most, where);
        if (const ast::from_option* from = from_option(c)) {
            const value_type start = infer(from->start, where, &r, &measured);
            if (!compatible(start, measured))
                note_use(
                    report_.error(codes::target_type_mismatch, {where.file(), ast::range_of(from->start)},
                                  kw(keyword::from) + " " +
                                      quoted(source_text(model_, where.file(), ast::range_of(from->start))) +
                                      " is " + describe(start) + ", but " + measured_name + " is " +
                                      describe(measured)),
                    where, r);
        }
        const std::optional<constant> step = read_.of(c.step, where);
        if (!step) {
            if (const auto* q = boost::get<ast::quantity>(&c.step))
                quantity_type(*q, where.file()); // reports an unknown unit
            return;
        }
        if (measured.kind == type_kind::unknown || step->type.bare_zero) return;
        if (!step_fits(*step, measured, measured_name, where, r)) return;
        if (relative_step(c, step->type, measured, model_.policies)) {
            const step_reference ref = reference_of(c, where, *r.subj, read_);
            if (const std::optional<std::string> zero = zero_reference(ref, model_, "the reference"))
                note_use(report_.error(codes::zero_reference, step->where,
                                       quoted(step->text) +
                                           " is a relative step (a share of the reference), but " + *zero),
                         where, r);
        }
    }

    // E0305/E0306: a step is in the value's unit, or a relative `%`; a percent steps in % or 个百分点.
    bool step_fits(const constant& step, const value_type& measured, const std::string& measured_name,
                   const scope& where, const reading& r) {
        if (checker::step_fits(step.type, measured)) return true;
        if (step.type.measure == unit_kind::percentage_point)
            note_use(report_.error(codes::points_on_non_percent, step.where,
                                   quoted(step.text) + " is in percentage points, but " + measured_name +
                                       " is " + describe(measured) +
                                       ", not a percent: " + suggestion(measured)),
                     where, r);
        else
            note_use(report_.error(codes::step_unit_mismatch, step.where,
                                   "the step " + quoted(step.text) + " is " + describe(step.type) + ", but " +
                                       measured_name + " is " + describe(measured) + ": " +
                                       suggestion(measured)),
                     where, r);
        return false;
    }

    // How to write a step for a value of type t.
    static std::string suggestion(const value_type& t) {
        if (t.kind == type_kind::date) return "a date steps in days, such as 1天";
        if (t.is_ratio())
            return t.percent ? "a percent steps in % or 个百分点, such as 1% or 1个百分点"
                             : "write a plain number, such as 1, or a relative step, such as 5%";
        return "write the step in " + t.unit_text + " (such as 1" + t.unit_text +
               ") or as a relative step (such as 5%)";
    }

    void bands(const ast::band_table& table, const scope& where, const reading& r) {
        if (!fits_form(r, {type_kind::quantity, type_kind::date}))
            form_mismatch(keyword::bands, table.range, where, r, "a value that is a number or a date",
                          r.value.kind == type_kind::level     ? kw(keyword::by_level)
                          : r.value.kind == type_kind::boolean ? kw(keyword::cases)
                                                               : std::string());
        for (const ast::band& b : table.bands) {
            if (b.range_of_value)
                boost::apply_visitor(overloaded{
                                         [&](const ast::interval& i) {
                                             band_bound(i.lower, where, r);
                                             band_bound(i.upper, where, r);
                                         },
                                         [&](const ast::threshold& t) { band_bound(t.value, where, r); },
                                     },
                                     b.range_of_value->get());
            if (b.condition) condition(*b.condition, where, &r);
            outcome(b.result, where);
        }
    }

    void band_bound(const ast::expression& e, const scope& where, const reading& r) {
        const value_type t = infer(e, where, &r, &r.value);
        if (r.value.kind == type_kind::quantity || r.value.kind == type_kind::date)
            if (!compatible(t, r.value))
                note_use(report_.error(codes::comparison_mismatch, {where.file(), ast::range_of(e)},
                                       "cannot compare " + value_name(model_, *r.subj) + " (" +
                                           describe(r.value) + ") with the band bound " +
                                           quoted(source_text(model_, where.file(), ast::range_of(e))) +
                                           " (" + describe(t) + ")"),
                         where, r);
    }

    void proportional(const ast::proportional_rule& rule, const scope& where, const reading& r) {
        if (!fits_form(r, {type_kind::quantity})) {
            form_mismatch(keyword_of(rule.kind), rule.range, where, r, "a value that is a number");
            return;
        }
        // The value is divided by the target, except for an inverse ratio (target ÷ value).
        if (rule.kind == ast::proportional_kind::inverse_proportional || !r.subj->target) return;
        const auto* goal = boost::get<ast::target_value>(&r.subj->target->goal);
        if (!goal || (rule.kind == ast::proportional_kind::completion_ratio && goal->op &&
                      (*goal->op == ast::comparison_op::le || *goal->op == ast::comparison_op::lt)))
            return;
        ast::step_clause probe; // the reference of a clause below the target: the target itself
        const step_reference ref = reference_of(probe, where, *r.subj, read_);
        if (const std::optional<std::string> zero = zero_reference(ref, model_, "the target"))
            note_use(
                report_.error(codes::zero_reference,
                              {where.file(), leading_word(model_, where.file(), rule.range)},
                              kw(keyword_of(rule.kind)) + " divides the value by the target, but " + *zero),
                where, r);
    }

    void judged(const ast::judged& j, const scope& where) {
        if (!j.within) return;
        for (const ast::expression* end : {&j.within->lower, &j.within->upper}) {
            const std::optional<constant> c = read_.of(*end, where);
            if (!c) continue;
            const bool fits = j.of_weight ? c->type.is_ratio() : c->type.is_points() || c->type.bare_zero;
            if (!fits)
                report_.error(codes::amount_without_unit, c->where,
                              not_an_amount(c->text, c->type, j.of_weight));
        }
    }

    void outcome(const ast::outcome& o, const scope& where) {
        if (const auto* a = boost::get<ast::amount>(&o))
            amount(*a, where);
        else if (const auto* j = boost::get<ast::judged>(&o))
            judged(*j, where);
    }

    // E0311: an amount is points (`0.5分`) or a share of the weight (`10% 权重`). A parameter is checked
    // where its value is written.
    void amount(const ast::amount& a, const scope& where) {
        const ast::quantity* q = boost::get<ast::quantity>(&a.value);
        scope at = where;
        if (!q) {
            const auto bound = read_.parameter(boost::get<ast::path>(a.value), where);
            if (!bound) return;
            q = boost::get<ast::quantity>(bound->first);
            at = bound->second;
            if (!q) return;
        }
        const value_type t = quantity_type(*q, at.file());
        if (t.kind == type_kind::unknown) return;
        const bool fits = a.of_weight ? t.is_ratio() && !t.bare_zero : t.is_points() || t.bare_zero;
        if (!fits) {
            const source_range range =
                a.of_weight && q == boost::get<ast::quantity>(&a.value) ? a.range : q->range;
            report_.error(codes::amount_without_unit, {at.file(), range},
                          not_an_amount(source_text(model_, at.file(), range), t, a.of_weight));
        }
    }

    static std::string not_an_amount(const std::string& text, const value_type& t, bool of_weight) {
        const std::string head = quoted(text) + " is neither points nor a share of the weight: ";
        if (of_weight)
            return head + "write points (such as 1分) or a share of the weight (such as 10% " +
                   kw(keyword::weight) + ")";
        if (t.is_ratio() && !t.percent) return head + "write " + text + "分 for points";
        if (t.is_ratio())
            return head + "write " + text + " " + kw(keyword::weight) + " for a share of the weight";
        return head + "write points (such as 1分) or a share of the weight (such as 10% " +
               kw(keyword::weight) + ")";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Conditions and vetoes
    // ---------------------------------------------------------------------------------------------------------

    void condition(const ast::expression& e, const scope& where, const reading* r) {
        const value_type t = infer(e, where, r);
        if (t.kind != type_kind::unknown && t.kind != type_kind::boolean)
            report_.error(codes::condition_not_boolean, {where.file(), ast::range_of(e)},
                          "a condition is yes/no, but " +
                              quoted(source_text(model_, where.file(), ast::range_of(e))) + " is " +
                              describe(t));
    }

    void vetoes() {
        const auto items = [&](const auto& list, const std::vector<file_index>& files, file_index fallback) {
            for (std::size_t i = 0; i < list.size(); ++i)
                if (const auto* v = boost::get<ast::veto>(&list[i]))
                    condition(v->condition, scope(i < files.size() ? files[i] : fallback), nullptr);
        };
        for (const detail::node& n : model_.nodes) {
            if (n.group)
                items(n.group->items, n.item_files, n.where.file);
            else if (n.extra)
                items(n.extra->items, n.item_files, n.where.file);
        }
        for (file_index file = 0; file < model_.modules.size(); ++file)
            if (file >= model_.roles.size() || model_.roles[file] != detail::module_role::library)
                items(model_.modules[file].items, {}, file);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expressions
    // ---------------------------------------------------------------------------------------------------------

    value_type quantity_type(const ast::quantity& q, file_index file) {
        const std::optional<unit> u = read_.units().resolve(q.unit);
        if (!u) {
            unknown_unit(q.unit, {file, q.unit_range.empty() ? q.range : q.unit_range}, q.number);
            return {};
        }
        value_type t = value_type::quantity(*u, q.unit);
        t.bare_zero = q.unit.empty() && q.value.is_zero();
        return t;
    }

    // `number` is the digits before the unit, for the suggestion (empty for a unit in a type).
    void unknown_unit(const std::string& word, const detail::origin& where, const std::string& number = {}) {
        diagnostic* d =
            report_.error(codes::unknown_unit, where,
                          "unknown unit " + quoted(word) + ": not a built-in unit, and not declared with " +
                              kw(keyword::unit));
        // `1分最多`: a unit run into the keyword after it.
        for (std::size_t cut = word.size(); d && cut-- > 1;) {
            if ((static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) continue;
            if (read_.units().resolve(word.substr(0, cut)) && syntax::find_keyword(word.substr(cut))) {
                d->note("a space is missing: write " +
                        quoted(number + word.substr(0, cut) + " " + word.substr(cut)));
                break;
            }
        }
    }

    std::string text(const scope& where, const ast::expression& e) const {
        return quoted(source_text(model_, where.file(), ast::range_of(e)));
    }

    // The type of an expression; reports what is wrong inside it. `hint` is the type it is compared with, to
    // tell which level set a level name belongs to.
    value_type infer(const ast::expression& e, const scope& where, const reading* r,
                     const value_type* hint = nullptr) {
        return boost::apply_visitor(
            overloaded{
                [&](const ast::quantity& q) { return quantity_type(q, where.file()); },
                [&](const ast::date&) { return value_type::of_kind(type_kind::date); },
                [&](const ast::bool_literal&) { return value_type::of_kind(type_kind::boolean); },
                [&](const ast::context_value& c) { return context_type(c, where, r); },
                [&](const ast::path& p) { return name_type(p, where, r, hint); },
                [&](const ast::x3::forward_ast<ast::call>& c) { return call_type(c.get(), where, r); },
                [&](const ast::x3::forward_ast<ast::unary>& u) { return unary_type(u.get(), where, r); },
                [&](const ast::x3::forward_ast<ast::binary>& b) { return binary_type(b.get(), where, r); },
            },
            e.get());
    }

    value_type context_type(const ast::context_value& c, const scope& where, const reading* r) {
        switch (c.kind) {
        case ast::context_kind::weight:
            return value_type::points();
        case ast::context_kind::value:
            return r ? r->value : value_type();
        case ast::context_kind::target:
            return r && r->target.kind != type_kind::text ? r->target : value_type();
        case ast::context_kind::met:
            if (r && r->has_target && r->target.kind == type_kind::text)
                note_use(report_.error(codes::met_on_descriptive_target, {where.file(), c.range},
                                       kw(keyword::met) +
                                           " compares the value with the target, but the target of " +
                                           quoted(r->subj->name) + " is descriptive text"),
                         where, *r);
            else if (r && !r->has_target)
                note_use(report_.error(codes::met_on_descriptive_target, {where.file(), c.range},
                                       kw(keyword::met) + " compares the value with the target, but " +
                                           quoted(r->subj->name) + " has no target"),
                         where, *r);
            return value_type::of_kind(type_kind::boolean);
        }
        return {};
    }

    value_type level_named(const std::string& level, const value_type* hint) const {
        if (hint && hint->kind == type_kind::level)
            if (const auto set = model_.level_sets.find(hint->level_set); set != model_.level_sets.end())
                for (const std::string& l : set->second.levels)
                    if (l == level) return *hint;
        for (const auto& [name, set] : model_.level_sets)
            for (const std::string& l : set.levels)
                if (l == level) return value_type::level(name);
        return {};
    }

    value_type name_type(const ast::path& p, const scope& where, const reading* r, const value_type* hint) {
        if (p.parts.size() == 1)
            if (const scope::binding* b = where.find(p.parts.front().text)) {
                if (b->type) return declared_type(*b->type, b->file);
                if (const auto bound = read_.parameter(p, where))
                    return infer(*bound->first, bound->second, r, hint);
                return {};
            }
        std::string name;
        for (const ast::name& part : p.parts)
            name += (name.empty() ? "" : ".") + part.text;
        if (const auto resolved = model_.names.find(&p); resolved != model_.names.end()) {
            switch (resolved->second.kind) {
            case detail::name_kind::checklist_item:
                return value_type::of_kind(type_kind::boolean);
            case detail::name_kind::level:
                return level_named(resolved->second.symbol, hint);
            case detail::name_kind::input:
                name = resolved->second.symbol;
                break;
            case detail::name_kind::parameter:
                return {};
            }
        }
        if (const auto input = model_.input_types.find(name); input != model_.input_types.end())
            return input->second;
        if (p.parts.size() == 1) return level_named(name, hint);
        return {};
    }

    value_type call_type(const ast::call& c, const scope& where, const reading* r) {
        const std::string fn = kw(keyword_of(c.function));
        std::vector<std::pair<value_type, const ast::expression*>> args;
        for (const ast::call_argument& a : c.arguments) {
            if (const auto* e = boost::get<ast::expression>(&a)) {
                args.emplace_back(infer(*e, where, r), e);
            } else if (c.function != ast::function_name::round || args.size() != 2) {
                report_.error(codes::wrong_function_arguments,
                              {where.file(), boost::get<ast::rounding_mode_argument>(a).range},
                              "a rounding mode is only the third argument of " + kw(keyword::round));
                return {};
            }
        }
        const auto wrong = [&](const std::string& message) {
            report_.error(codes::wrong_function_arguments, {where.file(), c.range}, message);
            return value_type();
        };
        switch (c.function) {
        case ast::function_name::min:
        case ast::function_name::max: {
            value_type result;
            const ast::expression* first = nullptr;
            for (const auto& [t, e] : args) {
                if (t.kind != type_kind::unknown && t.kind != type_kind::quantity &&
                    t.kind != type_kind::date)
                    return wrong(fn + " takes numbers or dates; " + text(where, *e) + " is " + describe(t));
                if (!compatible(result, t))
                    return wrong("the arguments of " + fn + " must be of one dimension, but " +
                                 text(where, *first) + " is " + describe(result) + " and " + text(where, *e) +
                                 " " + describe(t));
                if (result.kind == type_kind::unknown || result.bare_zero) {
                    result = t;
                    first = e;
                }
            }
            return result;
        }
        case ast::function_name::abs:
            if (args.size() != 1 || c.arguments.size() != 1)
                return wrong(fn + " takes one argument, not " + std::to_string(c.arguments.size()));
            if (args[0].first.kind != type_kind::unknown && args[0].first.kind != type_kind::quantity)
                return wrong(fn + " takes a number; " + text(where, *args[0].second) + " is " +
                             describe(args[0].first));
            return args[0].first;
        case ast::function_name::round:
            break;
        }
        if (c.arguments.size() < 2 || c.arguments.size() > 3)
            return wrong(fn + " takes a value, its decimal places and optionally a mode, such as " +
                         quoted("舍入(完成率, 0, 四舍五入)"));
        const value_type& x = args[0].first;
        if (x.kind != type_kind::unknown && !x.is_ratio() && !x.is_points())
            return wrong(fn + " rounds a percent, a number or points; " + text(where, *args[0].second) +
                         " is " + describe(x) + ": round the ratio or the score it is part of");
        const std::optional<constant> places = read_.of(*args[1].second, where);
        if (!places || !places->type.is_ratio() || places->type.percent || !places->value.is_integer() ||
            places->value < 0 || places->value > 30)
            return wrong("the decimal places of " + fn + " are a whole number from 0 to 30, not " +
                         text(where, *args[1].second));
        return x;
    }

    value_type unary_type(const ast::unary& u, const scope& where, const reading* r) {
        const value_type t = infer(u.operand, where, r);
        if (u.op == ast::unary_op::not_) {
            if (t.kind != type_kind::unknown && t.kind != type_kind::boolean)
                report_.error(codes::condition_not_boolean, {where.file(), ast::range_of(u.operand)},
                              kw(keyword::not_) + " takes a yes/no condition, but " + text(where, u.operand) +
                                  " is " + describe(t));
            return value_type::of_kind(type_kind::boolean);
        }
        if (t.kind != type_kind::unknown && t.kind != type_kind::quantity) {
            report_.error(codes::dimension_mismatch, {where.file(), u.range},
                          "a sign applies to a number, but " + text(where, u.operand) + " is " + describe(t));
            return {};
        }
        return t;
    }

    value_type binary_type(const ast::binary& b, const scope& where, const reading* r) {
        const value_type left = infer(b.left, where, r);
        const value_type right = infer(b.right, where, r, &left);
        const auto unknown = [](const value_type& t) { return t.kind == type_kind::unknown; };
        if (b.op == ast::binary_op::and_ || b.op == ast::binary_op::or_) {
            for (const auto& [t, e] : {std::pair{left, &b.left}, std::pair{right, &b.right}})
                if (!unknown(t) && t.kind != type_kind::boolean)
                    report_.error(codes::condition_not_boolean, {where.file(), ast::range_of(*e)},
                                  kw(b.op == ast::binary_op::and_ ? keyword::and_ : keyword::or_) +
                                      " joins yes/no conditions, but " + text(where, *e) + " is " +
                                      describe(t));
            return value_type::of_kind(type_kind::boolean);
        }
        if (comparison(b.op)) {
            if (!compatible(left, right) && left.kind != type_kind::text && right.kind != type_kind::text)
                report_.error(codes::comparison_mismatch, {where.file(), b.range},
                              "cannot compare " + text(where, b.left) + " (" + describe(left) + ") with " +
                                  text(where, b.right) + " (" + describe(right) + ")");
            else if (ordering(b.op) && left.kind == type_kind::boolean && right.kind == type_kind::boolean)
                report_.error(codes::comparison_mismatch, {where.file(), b.range},
                              "yes/no values compare only with = or ≠");
            return value_type::of_kind(type_kind::boolean);
        }
        if (unknown(left) || unknown(right)) return {};
        const bool add = b.op == ast::binary_op::add || b.op == ast::binary_op::subtract;
        if (add) return sum_type(b, where, left, right);
        if (!left.is_quantity() || !right.is_quantity()) {
            const bool left_bad = !left.is_quantity();
            report_.error(codes::dimension_mismatch, {where.file(), b.range},
                          std::string("cannot ") +
                              (b.op == ast::binary_op::multiply ? "multiply" : "divide") + " " +
                              describe(left_bad ? left : right) + " (" +
                              text(where, left_bad ? b.left : b.right) + ")");
            return {};
        }
        if (b.op == ast::binary_op::divide) {
            if (const std::optional<constant> divisor = read_.of(b.right, where);
                divisor && divisor->value.is_zero()) {
                const bool literal = boost::get<ast::quantity>(&b.right) != nullptr;
                report_.error(codes::constant_division_by_zero, {where.file(), ast::range_of(b.right)},
                              literal ? "division by 0"
                                      : "division by " + text(where, b.right) + ", which is 0");
                return {};
            }
            return quotient_type(left, right);
        }
        return product_type(left, right);
    }

    value_type sum_type(const ast::binary& b, const scope& where, const value_type& left,
                        const value_type& right) {
        const bool add = b.op == ast::binary_op::add;
        const bool days = right.is_quantity() && right.dim == dimension::of("天");
        if (left.kind == type_kind::date && right.kind == type_kind::date && !add) {
            value_type d = value_type::quantity(unit{dimension::of("天"), 1, unit_kind::time, false}, "天");
            return d;
        }
        if (left.kind == type_kind::date && days) return left; // a date moved by days
        if (left.is_quantity() && right.is_quantity() && compatible(left, right)) {
            value_type t = left.bare_zero ? right : left;
            t.bare_zero = left.bare_zero && right.bare_zero;
            t.percent = left.percent || right.percent;
            return t;
        }
        const std::string verb = add ? "cannot add " : "cannot subtract ";
        const std::string message = add ? verb + describe(left) + " (" + text(where, b.left) + ") and " +
                                              describe(right) + " (" + text(where, b.right) + ")"
                                        : verb + describe(right) + " (" + text(where, b.right) + ") from " +
                                              describe(left) + " (" + text(where, b.left) + ")";
        report_.error(codes::dimension_mismatch, {where.file(), b.range}, message);
        return {};
    }

    // × and ÷ combine dimensions: 万元 ÷ 万元 is a ratio, 元 ÷ 人 is 元/人, a share × 权重 is points.
    static value_type product_type(const value_type& left, const value_type& right) {
        if (right.is_ratio())
            return left.is_ratio() ? value_type::ratio(left.percent || right.percent) : left;
        if (left.is_ratio()) return right;
        return compound(left.dim * right.dim);
    }

    static value_type quotient_type(const value_type& left, const value_type& right) {
        if (left.dim == right.dim)
            return value_type::ratio(true); // a ratio of like quantities reads as a percent
        if (right.is_ratio()) return left;
        return compound(left.dim / right.dim);
    }

    static value_type compound(const dimension& dim) {
        if (dim.is_ratio()) return value_type::ratio(false);
        return value_type::quantity(unit{dim, 1, unit_kind::compound, false}, dim.to_string());
    }

    // A problem inside a named rule's body, found while reading it for one indicator, names the calls.
    void note_use(diagnostic* d, const scope& where, const reading& r) const {
        report_.note_calls(d, where, r.subj ? r.subj->name : std::string());
    }
    void note_use(diagnostic* d, const scope& where, const reading* r) const {
        if (r) note_use(d, where, *r);
    }

    checked_model& model_;
    reporter report_;
    constants read_;
};

} // namespace

void check_types(context& ctx) {
    typer(ctx).run();
}

} // namespace rubric::checker

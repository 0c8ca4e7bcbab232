// bounds.cpp — reachable scores by interval arithmetic over a rule's form. Every end is exact (decimal) or
// infinite; a form that interval arithmetic cannot bound exactly gives no answer rather than a wrong one.
#include "check/bounds.hpp"

#include "check/overloaded.hpp"
#include "check/steps.hpp"

#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>
#include <set>

namespace rubric::checker {
namespace {

// An extended real: a decimal, or −∞ / +∞.
struct ext {
    int infinite = 0; // −1, 0 (finite) or +1
    decimal v;

    static ext of(decimal x) { return {0, std::move(x)}; }
    static ext minus_infinity() { return {-1, decimal()}; }
    static ext plus_infinity() { return {1, decimal()}; }
    int sign() const { return infinite != 0 ? infinite : v.sign(); }
};

bool operator<(const ext& a, const ext& b) {
    if (a.infinite != b.infinite) return a.infinite < b.infinite; // −∞ < every finite value < +∞
    return a.infinite == 0 && a.v < b.v;
}
const ext& lesser(const ext& a, const ext& b) {
    return b < a ? b : a;
}
const ext& greater(const ext& a, const ext& b) {
    return a < b ? b : a;
}
// Sums never meet −∞ + +∞: lower ends add to lower ends, upper ends to upper ends.
ext operator+(const ext& a, const ext& b) {
    if (a.infinite != 0) return a;
    if (b.infinite != 0) return b;
    return ext::of(a.v + b.v);
}
ext operator-(const ext& a) {
    return a.infinite != 0 ? ext{-a.infinite, decimal()} : ext::of(-a.v);
}
// 0 × ∞ is 0: an interval end at 0 stays 0 whatever the other factor's size.
ext operator*(const ext& a, const ext& b) {
    if ((a.infinite == 0 && a.v.is_zero()) || (b.infinite == 0 && b.v.is_zero())) return ext::of(decimal());
    if (a.infinite != 0 || b.infinite != 0) return {a.sign() * b.sign(), decimal()};
    return ext::of(a.v * b.v);
}

struct interval_value {
    ext low, high;

    static interval_value point(const decimal& x) { return {ext::of(x), ext::of(x)}; }
    static interval_value between(const decimal& a, const decimal& b) { return {ext::of(a), ext::of(b)}; }
};

interval_value operator+(const interval_value& a, const interval_value& b) {
    return {a.low + b.low, a.high + b.high};
}
interval_value operator-(const interval_value& a) {
    return {-a.high, -a.low};
}
interval_value operator*(const interval_value& a, const interval_value& b) {
    const ext products[] = {a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high};
    interval_value out{products[0], products[0]};
    for (const ext& p : products) {
        out.low = lesser(out.low, p);
        out.high = greater(out.high, p);
    }
    return out;
}
interval_value hull(const interval_value& a, const interval_value& b) {
    return {lesser(a.low, b.low), greater(a.high, b.high)};
}

ext reciprocal(const ext& x) {
    return x.infinite != 0 ? ext::of(decimal()) : ext::of(decimal(1) / x.v);
}

// a ÷ b: unbounded when b reaches 0 from a side (values near 0 give arbitrarily large quotients).
std::optional<interval_value> divide(const interval_value& a, const interval_value& b) {
    const int lo = b.low.sign(), hi = b.high.sign();
    if (lo == 0 && hi == 0) return std::nullopt;
    interval_value inverse;
    if (lo > 0 || hi < 0)
        inverse = {reciprocal(b.high), reciprocal(b.low)};
    else if (lo == 0)
        inverse = {reciprocal(b.high), ext::plus_infinity()};
    else if (hi == 0)
        inverse = {ext::minus_infinity(), reciprocal(b.low)};
    else
        inverse = {ext::minus_infinity(), ext::plus_infinity()};
    return a * inverse;
}

ext lower_end(const span& s) {
    return s.lower.value ? ext::of(*s.lower.value) : ext::minus_infinity();
}
ext upper_end(const span& s) {
    return s.upper.value ? ext::of(*s.upper.value) : ext::plus_infinity();
}

ext counted(const ext& steps, ast::step_counting counting) {
    if (steps.infinite != 0) return steps;
    switch (counting) {
    case ast::step_counting::full_steps:
        return ext::of(steps.v.floor());
    case ast::step_counting::started_steps:
        return ext::of(steps.v.ceiling());
    case ast::step_counting::pro_rata:
        break;
    }
    return steps;
}

class bounder {
public:
    bounder(const scoring_frame& frame, const constants& read)
        : frame_(frame), read_(read), model_(read.model()), value_(value_type_of(model_, *frame.scored)) {}

    std::optional<interval_value> rule(const ast::rule_body& body, const scope& where, const span& domain) {
        return boost::apply_visitor(
            overloaded{
                [&](const ast::step_rule& r) { return steps(r, where, domain); },
                [&](const ast::band_table& t) { return bands(t, where, domain); },
                [&](const ast::case_table& t) -> std::optional<interval_value> {
                    std::optional<interval_value> out;
                    for (const ast::case_clause& c : t.cases) {
                        if (!join(out, outcome(c.result, where, domain))) return std::nullopt;
                        if (!c.condition) break; // what follows 否则 never applies
                    }
                    return out;
                },
                [&](const ast::level_map& m) -> std::optional<interval_value> {
                    std::optional<interval_value> out;
                    for (const ast::level_outcome& l : m.levels)
                        if (!join(out, outcome(l.result, where, domain))) return std::nullopt;
                    return out;
                },
                [&](const ast::proportional_rule&) -> std::optional<interval_value> {
                    return interval_value::between(0, frame_.weight); // capped by definition (README §9.3)
                },
                [&](const ast::score_formula& f) -> std::optional<interval_value> {
                    std::optional<interval_value> out = formula(f.formula, where, domain);
                    if (out) bounded(*out, f, where);
                    return out;
                },
                [&](const ast::checklist& c) { return checklist(c, where); },
                [&](const ast::judged& j) { return judged(j, where); },
                [&](const ast::pending&) -> std::optional<interval_value> { return std::nullopt; },
                [&](const ast::rank_rule& r) -> std::optional<interval_value> {
                    const std::optional<decimal> per_place = amount(r.per_place, where);
                    if (!per_place || per_place->sign() < 0) return std::nullopt;
                    // Places below the top are as many as the units in the cohort: no lower end.
                    interval_value out{per_place->is_zero() ? ext::of(frame_.weight) : ext::minus_infinity(),
                                       ext::of(frame_.weight)};
                    for (const ast::bound_clause& b : r.bounds)
                        if (!apply(out, b, where)) return std::nullopt;
                    return out;
                },
                [&](const ast::rule_call& c) -> std::optional<interval_value> {
                    const std::optional<entered_rule> e = enter(model_, c, where);
                    if (!e) return std::nullopt;
                    return rule(e->symbol->syntax->body, e->inner, domain);
                },
            },
            body.get());
    }

private:
    static bool join(std::optional<interval_value>& into, const std::optional<interval_value>& part) {
        if (!part) return false;
        into = into ? hull(*into, *part) : *part;
        return true;
    }

    // Points, or a share of the weight in points.
    std::optional<decimal> amount(const ast::amount& a, const scope& where) const {
        const std::optional<constant> c = read_.of(a.value, where);
        if (!c) return std::nullopt;
        if (a.of_weight)
            return c->type.is_ratio() ? std::optional<decimal>(c->value * frame_.weight) : std::nullopt;
        if (c->type.is_points() || c->type.bare_zero) return c->value;
        return std::nullopt;
    }

    std::optional<interval_value> outcome(const ast::outcome& o, const scope& where, const span& domain) {
        return boost::apply_visitor(
            overloaded{
                [&](const ast::fixed_score& f) -> std::optional<interval_value> {
                    return interval_value::point(f.kind == ast::fixed_outcome::full ? frame_.weight
                                                                                    : decimal());
                },
                [&](const ast::judged& j) { return judged(j, where); },
                [&](const ast::nested_rule& n) { return rule(n.body.get(), where, domain); },
                [&](const ast::amount& a) -> std::optional<interval_value> {
                    const std::optional<decimal> points = amount(a, where);
                    if (!points) return std::nullopt;
                    return interval_value::point(*points);
                },
            },
            o.get());
    }

    std::optional<interval_value> judged(const ast::judged& j, const scope& where) const {
        if (!j.within) return interval_value::between(0, frame_.weight);
        const std::optional<constant> low = read_.of(j.within->lower, where);
        const std::optional<constant> high = read_.of(j.within->upper, where);
        if (!low || !high) return std::nullopt;
        // A judged score outside [0, weight] is rejected when values are loaded (and the range is E0510).
        const decimal scale = j.of_weight ? frame_.weight : decimal(1);
        return interval_value::between(max(decimal(), low->value * scale),
                                       min(frame_.weight, high->value * scale));
    }

    // Bands: each band's outcome over the values it covers; a band outside the domain never applies.
    std::optional<interval_value> bands(const ast::band_table& t, const scope& where, const span& domain) {
        std::optional<interval_value> out;
        for (const ast::band& b : t.bands) {
            span covered = domain;
            if (b.range_of_value)
                if (const std::optional<span> range = read_.span_of(*b.range_of_value, where, value_))
                    covered = intersect(domain, *range);
            if (covered.empty()) continue;
            if (!join(out, outcome(b.result, where, covered))) return std::nullopt;
            if (!b.range_of_value) break; // what follows 否则 never applies
        }
        return out;
    }

    std::optional<interval_value> checklist(const ast::checklist& c, const scope& where) const {
        if (c.mode == ast::checklist_mode::all_or_nothing) return interval_value::between(0, frame_.weight);
        std::optional<decimal> each;
        if (c.each && !(each = amount(*c.each, where))) return std::nullopt;
        decimal gains, deductions;
        bool deductive = false, gated = false;
        for (const ast::check_item& item : c.items) {
            if (!item.result) {
                if (!each) return std::nullopt; // E0508
                gains += *each;
                continue;
            }
            std::optional<decimal> points;
            if (item.result->points && !(points = amount(*item.result->points, where))) return std::nullopt;
            switch (item.result->kind) {
            case ast::check_outcome_kind::award:
                gains += points.value_or(decimal());
                break;
            case ast::check_outcome_kind::gate:
                gated = true;
                gains += points.value_or(decimal());
                break;
            case ast::check_outcome_kind::deduct:
                deductive = true;
                deductions += points.value_or(decimal());
                break;
            }
        }
        if (!deductive) return interval_value::between(0, gains);
        // Deductions from the full weight for items not met, floored at 0 (README §9.5).
        const decimal lowest = gated ? decimal() : max(decimal(), frame_.weight - deductions);
        return interval_value::between(lowest, frame_.weight);
    }

    std::optional<interval_value> steps(const ast::step_rule& r, const scope& where, const span& domain) {
        interval_value total = interval_value::point(frame_.from_zero ? decimal() : frame_.weight);
        bool based = false;
        for (const ast::step_part& part : r.parts) {
            if (const auto* base = boost::get<ast::base_score>(&part)) {
                const std::optional<decimal> points = amount(base->points, where);
                if (!points || based)
                    return std::nullopt; // two 基础分 (E0519) say no one score to start from
                based = true;
                total =
                    total + interval_value::point(*points - (frame_.from_zero ? decimal() : frame_.weight));
            } else if (const auto* c = boost::get<ast::step_clause>(&part)) {
                const std::optional<interval_value> moved = clause(*c, where, domain);
                if (!moved) return std::nullopt;
                total = total + *moved;
            }
        }
        // Bounds after the clauses, in the order written.
        for (const ast::step_part& part : r.parts)
            if (const auto* b = boost::get<ast::bound_clause>(&part))
                if (!apply(total, *b, where)) return std::nullopt;
        return total;
    }

    // 扣完为止 and 保底 raise a low score to their floor; 封顶 lowers a high one to its cap.
    bool apply(interval_value& range, const ast::bound_clause& b, const scope& where) const {
        decimal limit;
        if (b.limit) {
            const std::optional<decimal> points = amount(*b.limit, where);
            if (!points) return false;
            limit = *points;
        }
        const ext at = ext::of(limit);
        if (b.kind == ast::bound_kind::cap_at) {
            range.low = lesser(range.low, at);
            range.high = lesser(range.high, at);
        } else {
            range.low = greater(range.low, at);
            range.high = greater(range.high, at);
        }
        return true;
    }

    template <class Formula>
    void bounded(interval_value& range, const Formula& f, const scope& where) const {
        if constexpr (requires { f.bounds; })
            for (const ast::bound_clause& b : f.bounds)
                apply(range, b, where);
    }

    // One clause: how far the score moves, by step count × amount, limited by its cap.
    std::optional<interval_value> clause(const ast::step_clause& c, const scope& where, const span& domain) {
        if (clause_beyond_open_target(c, *frame_.scored))
            return interval_value::point(decimal()); // never applies (W0512)
        const std::optional<constant> step = read_.of(c.step, where);
        const std::optional<decimal> per_step = amount(c.per_step, where);
        if (!step || step->value.sign() <= 0 || !per_step || per_step->sign() < 0) return std::nullopt;
        span measured_domain = domain;
        value_type measured = value_;
        if (c.on) {
            const std::string name = c.on->parts.size() == 1 ? c.on->parts.front().text : std::string();
            const auto found = model_.input_domains.find(name);
            if (found == model_.input_domains.end()) return std::nullopt;
            measured_domain = found->second;
            measured = model_.input_types.at(name);
        }
        if (!step_fits(step->type, measured)) return std::nullopt; // E0305, E0306
        const step_reference ref = reference_of(c, where, *frame_.scored, read_);
        std::optional<interval_value> deviation = deviation_of(c.direction, ref, measured_domain);
        if (!deviation) return std::nullopt;
        if (relative_step(c, step->type, measured, model_.policies)) {
            if (ref.what == step_reference::kind::constant) {
                if (ref.low->value.is_zero()) return std::nullopt; // E0307
                const decimal scale = decimal(1) / ref.low->value.abs();
                deviation = *deviation * interval_value::point(scale);
            } else if (ref.what != step_reference::kind::unknown && ref.what != step_reference::kind::input) {
                return std::nullopt;
            }
        }
        const ast::step_counting counting = step_counting_of(c, model_.policies);
        const decimal per_unit = decimal(1) / step->value;
        interval_value moved{counted(deviation->low * ext::of(per_unit), counting),
                             counted(deviation->high * ext::of(per_unit), counting)};
        moved = moved * interval_value::point(*per_step);
        if (c.at_most) {
            const std::optional<decimal> cap = amount(*c.at_most, where);
            if (!cap) return std::nullopt;
            moved.low = lesser(moved.low, ext::of(*cap));
            moved.high = lesser(moved.high, ext::of(*cap));
        }
        return c.verb == ast::step_verb::deduct ? -moved : moved;
    }

    // How far the measured value can be from the reference, on the clause's side, over its domain.
    static std::optional<interval_value> deviation_of(ast::step_direction direction,
                                                      const step_reference& ref, const span& domain) {
        const ext a = lower_end(domain), b = upper_end(domain), zero = ext::of(decimal());
        if (ref.what == step_reference::kind::none) return std::nullopt;
        if (ref.what == step_reference::kind::input || ref.what == step_reference::kind::unknown)
            return interval_value{zero,
                                  ext::plus_infinity()}; // any reference: the value can meet it or be far
        if (ref.what == step_reference::kind::interval) {
            const ext p = ext::of(ref.low->value), q = ext::of(ref.high->value);
            return interval_value{greater(greater(zero, p + -b), a + -q),
                                  greater(greater(zero, p + -a), b + -q)};
        }
        const ext r = ext::of(ref.low->value);
        switch (direction) {
        case ast::step_direction::per_drop:
            return interval_value{greater(zero, r + -b), greater(zero, r + -a)};
        case ast::step_direction::per_rise:
        case ast::step_direction::per_occurrence:
            return interval_value{greater(zero, a + -r), greater(zero, b + -r)};
        case ast::step_direction::per_deviation:
            break;
        }
        return interval_value{greater(greater(zero, a + -r), r + -b), greater(b + -r, r + -a)};
    }

    // A score formula's range, exact when each input appears once (a repeated input is not independent of
    // itself, and interval arithmetic would overstate the range). The dimension rides along, so a formula
    // that is not in points (E0303) gives no bounds.
    struct typed_interval {
        interval_value values;
        dimension dim;
        bool any = false; // the literal 0, which fits every dimension
    };

    std::optional<interval_value> formula(const ast::expression& e, const scope& where, const span& domain) {
        std::set<std::string> seen;
        const std::optional<typed_interval> r = expression(e, where, domain, seen);
        if (!r || (!r->any && r->dim != dimension::of("分"))) return std::nullopt;
        return r->values;
    }

    std::optional<typed_interval> expression(const ast::expression& e, const scope& where, const span& domain,
                                             std::set<std::string>& seen) {
        const auto variable = [&](const std::string& name, const span& values,
                                  const value_type& type) -> std::optional<typed_interval> {
            if (!seen.insert(name).second || !type.is_quantity()) return std::nullopt;
            return typed_interval{{lower_end(values), upper_end(values)}, type.dim, false};
        };
        return boost::apply_visitor(
            overloaded{
                [&](const ast::quantity& q) -> std::optional<typed_interval> {
                    const std::optional<constant> c = read_.of(q, where.file());
                    if (!c) return std::nullopt;
                    return typed_interval{interval_value::point(c->value), c->type.dim, c->type.bare_zero};
                },
                [&](const ast::context_value& c) -> std::optional<typed_interval> {
                    if (c.kind == ast::context_kind::weight)
                        return typed_interval{interval_value::point(frame_.weight), dimension::of("分"),
                                              false};
                    if (c.kind == ast::context_kind::value) return variable("\x01value", domain, value_);
                    return std::nullopt;
                },
                [&](const ast::path& p) -> std::optional<typed_interval> {
                    if (const auto bound = read_.parameter(p, where))
                        return expression(*bound->first, bound->second, domain, seen);
                    std::string name = p.parts.size() == 1 ? p.parts.front().text : std::string();
                    if (const auto resolved = model_.names.find(&p); resolved != model_.names.end())
                        name =
                            resolved->second.kind == detail::name_kind::input ? resolved->second.symbol : "";
                    const auto values = model_.input_domains.find(name);
                    const auto type = model_.input_types.find(name);
                    if (values == model_.input_domains.end() || type == model_.input_types.end())
                        return std::nullopt;
                    return variable(name, values->second, type->second);
                },
                [&](const ast::x3::forward_ast<ast::unary>& u) -> std::optional<typed_interval> {
                    std::optional<typed_interval> x = expression(u.get().operand, where, domain, seen);
                    if (!x || u.get().op == ast::unary_op::not_) return std::nullopt;
                    if (u.get().op == ast::unary_op::negate) x->values = -x->values;
                    return x;
                },
                [&](const ast::x3::forward_ast<ast::binary>& b) -> std::optional<typed_interval> {
                    const std::optional<typed_interval> x = expression(b.get().left, where, domain, seen);
                    const std::optional<typed_interval> y = expression(b.get().right, where, domain, seen);
                    if (!x || !y) return std::nullopt;
                    switch (b.get().op) {
                    case ast::binary_op::add:
                    case ast::binary_op::subtract:
                        if (!x->any && !y->any && x->dim != y->dim) return std::nullopt;
                        return typed_interval{
                            x->values + (b.get().op == ast::binary_op::add ? y->values : -y->values),
                            x->any ? y->dim : x->dim, x->any && y->any};
                    case ast::binary_op::multiply:
                        return typed_interval{x->values * y->values, x->dim * y->dim, x->any || y->any};
                    case ast::binary_op::divide: {
                        const std::optional<interval_value> q = divide(x->values, y->values);
                        if (!q) return std::nullopt;
                        return typed_interval{*q, x->dim / y->dim, x->any};
                    }
                    default:
                        return std::nullopt;
                    }
                },
                [&](const ast::x3::forward_ast<ast::call>& c) { return call(c.get(), where, domain, seen); },
                [](const auto&) -> std::optional<typed_interval> { return std::nullopt; },
            },
            e.get());
    }

    std::optional<typed_interval> call(const ast::call& c, const scope& where, const span& domain,
                                       std::set<std::string>& seen) {
        // Where round() puts its places depends on its argument's unit (a percent rounds its percent figure,
        // README §6); left unproven rather than guessed.
        if (c.function == ast::function_name::round) return std::nullopt;
        std::vector<typed_interval> args;
        for (const ast::call_argument& a : c.arguments) {
            const auto* e = boost::get<ast::expression>(&a);
            const std::optional<typed_interval> x = e ? expression(*e, where, domain, seen) : std::nullopt;
            if (!x || (!args.empty() && !x->any && !args.front().any && x->dim != args.front().dim))
                return std::nullopt;
            args.push_back(*x);
        }
        if (args.empty()) return std::nullopt;
        typed_interval out = args.front();
        if (c.function == ast::function_name::abs) {
            const interval_value& x = out.values;
            if (x.low.sign() < 0)
                out.values =
                    x.high.sign() <= 0 ? -x : interval_value{ext::of(decimal()), greater(-x.low, x.high)};
            return out;
        }
        const bool is_min = c.function == ast::function_name::min;
        for (const typed_interval& x : args) {
            out.values.low =
                is_min ? lesser(out.values.low, x.values.low) : greater(out.values.low, x.values.low);
            out.values.high =
                is_min ? lesser(out.values.high, x.values.high) : greater(out.values.high, x.values.high);
            if (out.any) out.dim = x.dim;
            out.any = out.any && x.any;
        }
        return out;
    }

    const scoring_frame& frame_;
    const constants& read_;
    const checked_model& model_;
    value_type value_;
};

} // namespace

std::optional<score_range> reachable(const ast::rule_body& body, const scope& where,
                                     const scoring_frame& frame, const constants& read) {
    const std::optional<interval_value> r = bounder(frame, read).rule(body, where, frame.domain);
    if (!r) return std::nullopt;
    score_range out;
    if (r->low.infinite == 0) out.low = r->low.v;
    if (r->high.infinite == 0) out.high = r->high.v;
    return out;
}

bool clause_beyond_open_target(const ast::step_clause& c, const subject& s) {
    if (from_option(c) || !s.target) return false;
    const auto* goal = boost::get<ast::target_value>(&s.target->goal);
    if (!goal || !goal->op) return false;
    const ast::comparison_op op = *goal->op;
    if (c.direction == ast::step_direction::per_rise)
        return op == ast::comparison_op::ge || op == ast::comparison_op::gt;
    if (c.direction == ast::step_direction::per_drop)
        return op == ast::comparison_op::le || op == ast::comparison_op::lt;
    return false;
}

} // namespace rubric::checker

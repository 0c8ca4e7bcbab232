// steps.cpp — reading a step clause: options, policies in force, and the reference of its deviation.
#include "check/steps.hpp"

#include "check/wording.hpp"

#include <boost/variant/get.hpp>

namespace rubric::checker {

std::optional<ast::step_counting> counting_option(const ast::step_clause& c) {
    for (const ast::step_option& o : c.options)
        if (const auto* counting = boost::get<ast::counting_option>(&o)) return counting->counting;
    return std::nullopt;
}

std::optional<ast::percent_step> percent_option(const ast::step_clause& c) {
    for (const ast::step_option& o : c.options)
        if (const auto* percent = boost::get<ast::percent_option>(&o)) return percent->mode;
    return std::nullopt;
}

const ast::from_option* from_option(const ast::step_clause& c) {
    for (const ast::step_option& o : c.options)
        if (const auto* from = boost::get<ast::from_option>(&o)) return from;
    return nullptr;
}

bool percent_step(const value_type& step) {
    return step.is_ratio() && step.percent && step.measure == unit_kind::ratio;
}

bool percent_step_on_percent(const value_type& step, const value_type& measured) {
    return percent_step(step) && measured.is_ratio() && measured.percent;
}

bool step_fits(const value_type& step, const value_type& measured) {
    if (step.measure == unit_kind::percentage_point) return measured.is_ratio() && measured.percent;
    if (measured.kind == type_kind::date) return step.is_quantity() && step.dim == dimension::of("天");
    if (measured.kind != type_kind::quantity) return false;
    if (percent_step(step)) return true; // percentage points on a percent, relative on anything else
    if (step.is_ratio()) return measured.is_ratio() && !measured.percent;
    return step.is_quantity() && step.dim == measured.dim;
}

bool relative_step(const ast::step_clause& c, const value_type& step, const value_type& measured,
                   const detail::policies& policies) {
    if (!percent_step(step) || measured.kind != type_kind::quantity) return false;
    if (!percent_step_on_percent(step, measured)) return true;
    const std::optional<ast::percent_step> mode =
        percent_option(c) ? percent_option(c) : policies.percent_steps;
    return mode == ast::percent_step::relative;
}

ast::step_counting step_counting_of(const ast::step_clause& c, const detail::policies& policies) {
    if (const std::optional<ast::step_counting> own = counting_option(c)) return *own;
    return policies.step_counting.value_or(ast::step_counting::pro_rata);
}

namespace {

// A reference written as an expression: a constant, an input, or something only known when scoring.
step_reference reference_from(const ast::expression& e, const scope& where, const constants& read) {
    step_reference r;
    r.text = source_text(read.model(), where.file(), ast::range_of(e));
    r.where = {where.file(), ast::range_of(e)};
    if (std::optional<constant> c = read.of(e, where)) {
        r.what = step_reference::kind::constant;
        r.low = c;
        r.high = std::move(c);
        return r;
    }
    if (const auto* p = boost::get<ast::path>(&e);
        p && p->parts.size() == 1 && read.model().inputs.contains(p->parts.front().text)) {
        r.what = step_reference::kind::input;
        r.input = p->parts.front().text;
        return r;
    }
    r.what = step_reference::kind::unknown;
    return r;
}

} // namespace

step_reference reference_of(const ast::step_clause& c, const scope& where, const subject& s,
                            const constants& read) {
    if (const ast::from_option* from = from_option(c)) return reference_from(from->start, where, read);
    if (c.direction == ast::step_direction::per_occurrence) {
        step_reference zero;
        zero.what = step_reference::kind::constant;
        constant nothing{decimal(0), value_type::ratio(false), std::string(1, '0'), {where.file(), c.range}};
        nothing.type.bare_zero = true;
        zero.low = zero.high = nothing;
        zero.text = nothing.text;
        zero.where = {where.file(), c.range};
        zero.implicit_zero = true;
        return zero;
    }
    if (!s.target) return {};
    const scope target_scope(s.target.file);
    const ast::target_spec& goal = s.target->goal;
    if (const auto* value = boost::get<ast::target_value>(&goal))
        return reference_from(value->value, target_scope, read);
    if (const auto* within = boost::get<ast::interval>(&goal)) {
        // Below counts from the lower bound, above from the upper one, either way from the nearer one.
        if (c.direction == ast::step_direction::per_drop)
            return reference_from(within->lower, target_scope, read);
        if (c.direction == ast::step_direction::per_rise)
            return reference_from(within->upper, target_scope, read);
        step_reference r;
        r.low = read.of(within->lower, target_scope);
        r.high = read.of(within->upper, target_scope);
        r.text = source_text(read.model(), s.target.file, within->range);
        r.where = {s.target.file, within->range};
        r.what = r.low && r.high ? step_reference::kind::interval : step_reference::kind::unknown;
        return r;
    }
    if (boost::get<ast::target_supplied>(&goal)) {
        step_reference r;
        r.what = step_reference::kind::unknown;
        return r;
    }
    return {}; // a descriptive target: nothing to count from
}

std::optional<std::string> zero_reference(const step_reference& r, const checked_model& model,
                                          const std::string& noun) {
    const std::string named = r.text == "0" ? noun : noun + " " + quoted(r.text);
    switch (r.what) {
    case step_reference::kind::constant:
        if (!r.low->value.is_zero()) return std::nullopt;
        if (r.implicit_zero) return kw(syntax::keyword::per_occurrence) + " counts from 0";
        return named + " is 0";
    case step_reference::kind::interval:
        if (r.low->value.sign() > 0 || r.high->value.sign() < 0) return std::nullopt;
        return named + " holds 0";
    case step_reference::kind::input: {
        const auto domain = model.input_domains.find(r.input);
        if (domain == model.input_domains.end() || !domain->second.contains(decimal(0))) return std::nullopt;
        return noun + " " + quoted(r.input) + " can be 0 (its values: " + to_string(domain->second) + ")";
    }
    default:
        return std::nullopt;
    }
}

} // namespace rubric::checker

// fixed_point.cpp — lowering a program to its fast form (fixed_point.hpp): choose one scale for every score,
// and write every weight, point amount, cap, rounding step and grade edge as a whole number of 1/scale
// points.
#include "plan/fixed_point.hpp"

#include "check/overloaded.hpp"
#include "plan/program.hpp"

#include <numeric>

namespace rubric::detail {
namespace {

using namespace plan;

// Every quantity in the fast form stays below 2^40 in units of 1/scale, so that sums over the 10,000 nodes a
// rubric may have (grammar/README.md §18) stay far inside 64 bits.
constexpr std::int64_t magnitude_limit = std::int64_t{1} << 40;

class lowering {
public:
    explicit lowering(const program& p) : p_(p) {}

    std::optional<fixed_point> run() {
        if (!p_.varying_weights.empty() || !p_.vetoes.empty() || !node_weights()) return std::nullopt;
        // First every denominator the scale must take, then the values in units of it.
        collecting_ = true;
        if (!lower_all()) return std::nullopt;
        collecting_ = false;
        out_.scale = scale_;
        if (!lower_all()) return std::nullopt;
        return std::move(out_);
    }

private:
    bool node_weights() {
        weights_.assign(p_.nodes.size(), decimal());
        // Children come after their parents: a parent's weight that sums its children is known after them.
        for (std::size_t i = p_.nodes.size(); i-- > 0;) {
            const plan::node& n = p_.nodes[i];
            if (n.weight)
                weights_[i] = *n.weight;
            else if (sums_children(n))
                for (std::size_t child : p_.info[i].children)
                    weights_[i] += weights_[child];
            else
                return false;
        }
        decimal roots;
        for (std::size_t root : p_.roots)
            roots += weights_[root];
        return roots == p_.total; // otherwise the total is rescaled (折算)
    }

    bool lower_all() {
        out_ = fixed_point{};
        out_.scale = scale_;
        for (std::size_t i = 0; i < p_.nodes.size(); ++i)
            if (!node(i)) return false;
        for (std::size_t i = p_.nodes.size(); i-- > 0;)
            if (p_.nodes[i].subject == none && !out_.nodes[i].summed_on_read)
                out_.inner.push_back(static_cast<std::uint32_t>(i));
        for (std::size_t root : p_.roots)
            summands(root);
        for (std::size_t i = 0; i < p_.inputs.size(); ++i)
            if (!input(p_.inputs[i])) return false;
        for (std::size_t i = 0; i < p_.subjects.size(); ++i)
            if (!subject(p_.subjects[i])) return false;
        if (!rounding(p_.round_total, out_.total)) return false;
        for (const grade_band& g : p_.grades) {
            fixed_point::grade out;
            if (g.values.not_equal || !end(g.values.low, out.low) || !end(g.values.high, out.high))
                return false;
            out.low_closed = g.values.low_closed;
            out.high_closed = g.values.high_closed;
            out_.grades.push_back(out);
        }
        return true;
    }

    bool node(std::size_t i) {
        const plan::node& n = p_.nodes[i];
        const node_info& info = p_.info[i];
        fixed_point::node out;
        out.kind = n.kind;
        out.combines = n.kind == rubric::node_kind::indicator && n.subject == none;
        out.under_combine = info.parent && p_.nodes[*info.parent].kind == rubric::node_kind::indicator &&
                            p_.nodes[*info.parent].subject == none;
        out.not_applicable_full = n.not_applicable == ast::na_effect::full;
        out.combine = n.combine.value_or(ast::combine_mode::mean);
        out.first_child = static_cast<std::uint32_t>(out_.children.size());
        out.child_count = static_cast<std::uint32_t>(info.children.size());
        for (std::size_t child : info.children)
            out_.children.push_back(static_cast<std::uint32_t>(child));
        out.subject = n.subject;
        if (!points(weights_[i], out.weight) || (n.at_most && !points(*n.at_most, out.at_most.emplace())))
            return false;
        const std::optional<plan::rounding>& round = n.kind == rubric::node_kind::indicator
                                                         ? p_.round_indicator
                                                     : n.kind == rubric::node_kind::group ? p_.round_group
                                                                                          : std::nullopt;
        if (!rounding(round, out.round)) return false;
        // Top-down (a parent comes before its children): the node pass never reads a group summed on read.
        out.summed_on_read = n.kind == rubric::node_kind::group && out.round.unit == 0 && !out.at_most &&
                             (!info.parent || out_.nodes[*info.parent].summed_on_read);
        if (!info.parent && n.kind == rubric::node_kind::bonus)
            out_.bonus.push_back(static_cast<std::uint32_t>(i));
        if (!info.parent && n.kind == rubric::node_kind::penalty)
            out_.penalty.push_back(static_cast<std::uint32_t>(i));
        out_.nodes.push_back(out);
        return true;
    }

    void summands(std::size_t i) {
        const fixed_point::node& n = out_.nodes[i];
        if (!n.summed_on_read) {
            out_.summands.push_back(static_cast<std::uint32_t>(i));
            return;
        }
        for (std::uint32_t k = n.first_child; k < n.first_child + n.child_count; ++k)
            summands(out_.children[k]);
    }

    bool input(const input_slot& in) {
        fixed_point::input out;
        out.formula = in.formula;
        out.first_raw = static_cast<std::uint32_t>(out_.raws.size());
        out.raw_count = static_cast<std::uint32_t>(in.raw.size());
        for (const index raw : in.raw) {
            out_.raws.push_back({static_cast<std::uint32_t>(raw), p_.inputs[raw].fallback.has_value()});
            out.reads_derived = out.reads_derived || p_.inputs[raw].formula != none;
        }
        if (in.fallback && !(out.fallback = fraction_of(*in.fallback))) return false;
        out_.inputs.push_back(out);
        return true;
    }

    // ------------------------------------------------------------------------------------ numbers

    // Reduced, so that the scale stays the least common multiple of what it must hold.
    static std::optional<fixed_point::fraction> fraction_of(const decimal& v) {
        const std::optional<std::pair<std::int64_t, std::int64_t>> parts = v.parts();
        if (!parts || parts->first == INT64_MIN) return std::nullopt; // |INT64_MIN| is no int64
        const std::int64_t g = std::gcd(parts->first, parts->second);
        return fixed_point::fraction{parts->first / g, parts->second / g};
    }

    // A quantity of points in units of 1/scale: while collecting, its denominator joins the scale.
    bool points(const decimal& v, std::int64_t& units) {
        const std::optional<fixed_point::fraction> f = fraction_of(v);
        if (!f) return false;
        if (collecting_) return denominator(f->d);
        return scaled(f->n, scale_ / f->d, units);
    }

    // n × multiplier, within the magnitude limit.
    static bool scaled(std::int64_t n, std::int64_t multiplier, std::int64_t& units) {
        std::int64_t out = 0;
        if (__builtin_mul_overflow(n, multiplier, &out) || out >= magnitude_limit || out <= -magnitude_limit)
            return false;
        units = out;
        return true;
    }

    bool denominator(std::int64_t d) {
        const std::int64_t factor = d / std::gcd(d, scale_);
        return !__builtin_mul_overflow(scale_, factor, &scale_) && scale_ < magnitude_limit;
    }

    bool constant_points(const std::optional<decimal>& v, std::int64_t& units) {
        return v && points(*v, units);
    }

    bool end(index at, std::optional<std::int64_t>& out) {
        if (at == none) return true;
        std::int64_t units = 0;
        if (p_.expressions[at].code != op::constant || !points(p_.expressions[at].value, units)) return false;
        out = units;
        return true;
    }

    bool rounding(const std::optional<plan::rounding>& how, fixed_point::rounding& out) {
        if (!how) return true;
        if (how->places > 12) return false;
        std::int64_t power = 1;
        for (int k = 0; k < how->places; ++k)
            power *= 10;
        if (collecting_) return denominator(power);
        out.unit = scale_ / power;
        out.mode = how->mode;
        return true;
    }

    // ------------------------------------------------------------------------------------ rows

    bool subject(const plan::subject& s) {
        fixed_point::subject out;
        out.node = static_cast<std::uint32_t>(s.node);
        out.weight = out_.nodes[s.node].weight;
        out.round = out_.nodes[s.node].round;
        out.low = s.penalty ? -out.weight : 0;
        out.high = s.penalty ? 0 : out.weight;
        if (s.value != none) {
            if (s.value_slot == none || p_.expressions[s.value].code != op::input) return false;
            out.has_value = true;
            out.value_slot = s.value_slot;
        }
        switch (s.target.kind) {
        case target_kind::absent:
        case target_kind::text:
            break;
        case target_kind::compare: {
            const expression& e = p_.expressions[s.target.value];
            const std::optional<fixed_point::fraction> f =
                e.code == op::constant ? fraction_of(e.value) : std::nullopt;
            if (!f) return false;
            out.has_target = true;
            out.target = *f;
            break;
        }
        case target_kind::supplied:
            out.target_supplied = true;
            break;
        case target_kind::interval:
            return false;
        }
        out.met_op = s.target.op.value_or(ast::comparison_op::eq);
        if (s.rule == none) {
            out.kind = fixed_point::rule_kind::met_only;
        } else {
            const bool lowered = std::visit(checker::overloaded{
                                                [&](const step_rule& x) { return steps(x, s, out); },
                                                [&](const checklist& x) { return items(x, out); },
                                                [&](const level_map& x) { return levels(x, s, out); },
                                                [&](const band_table& x) { return bands(x, s, out); },
                                                [&](const case_table& x) { return cases(x, s, out); },
                                                [&](const auto&) { return false; },
                                            },
                                            p_.rules[s.rule]);
            if (!lowered) return false;
        }
        const std::optional<std::size_t>& parent = p_.info[s.node].parent;
        out.met_read = out.kind == fixed_point::rule_kind::met_only ||
                       out.kind == fixed_point::rule_kind::cases ||
                       (parent && out_.nodes[*parent].combines &&
                        out_.nodes[*parent].combine == ast::combine_mode::all_met);
        out_.subjects.push_back(out);
        return true;
    }

    // The rule's integer form with its amounts moved from 1/denominator to 1/scale.
    bool steps(const step_rule& x, const plan::subject& s, fixed_point::subject& out) {
        if (!x.integers || !out.has_value) return false;
        const integer_steps& q = *x.integers;
        out.kind = fixed_point::rule_kind::steps;
        if (collecting_) return denominator(q.denominator);
        const std::int64_t multiplier = scale_ / q.denominator;
        if (!scaled(q.base, multiplier, out.base)) return false;
        out.first = static_cast<std::uint32_t>(out_.step_clauses.size());
        out.count = static_cast<std::uint32_t>(q.clauses.size());
        for (integer_steps::clause c : q.clauses) {
            if (!scaled(c.per_step, multiplier, c.per_step) || (c.cap && !scaled(*c.cap, multiplier, *c.cap)))
                return false;
            const std::optional<fixed_point::step_reference> reference = reference_of(c, s, out);
            if (!reference) return false;
            out_.step_clauses.push_back(c);
            out_.step_references.push_back(*reference);
        }
        out.first_limit = static_cast<std::uint32_t>(out_.step_limits.size());
        out.limit_count = static_cast<std::uint32_t>(q.limits.size());
        for (integer_steps::limit l : q.limits) {
            if (!scaled(l.at, multiplier, l.at)) return false;
            out_.step_limits.push_back(l);
        }
        return true;
    }

    // Where a clause measures from, as step_clause.hpp's clause_reference says for a compared target (a
    // target without a comparator is measured from by none), folded into the clause when it is known now;
    // nothing when folding overflows.
    static std::optional<fixed_point::step_reference>
    reference_of(const integer_steps::clause& c, const plan::subject& s, const fixed_point::subject& out) {
        fixed_point::step_reference reference;
        std::optional<folded_reference> folded = folded_reference{};
        if (c.direction == ast::step_direction::per_occurrence)
            folded = fold(c, 0, 1);
        else if (out.target_supplied)
            reference.unit_target = true;
        else if (out.has_target && s.target.op && measures_from_target(c.direction, *s.target.op))
            folded = fold(c, out.target.n, out.target.d);
        if (!folded) return std::nullopt;
        reference.folded = *folded;
        return reference;
    }

    bool items(const checklist& x, fixed_point::subject& out) {
        out.kind = fixed_point::rule_kind::checklist;
        out.first = static_cast<std::uint32_t>(out_.items.size());
        for (const check_item& item : x.items) {
            // As the interpreter reads it: a deducting item takes its points away when not met; any other
            // item gains its own points, else nothing for a gate, else the list's `各` amount.
            if (p_.inputs[item.slot].formula != none) return false; // the scorer reads items as given
            fixed_point::item lowered;
            lowered.slot = item.slot;
            lowered.gate = item.kind == ast::check_outcome_kind::gate;
            const bool deducts = item.kind == ast::check_outcome_kind::deduct;
            if (deducts && !item.points) return false;
            const std::optional<plan::amount>& amount = item.points    ? item.points
                                                        : lowered.gate ? std::nullopt
                                                                       : x.each;
            if (amount && !constant_points(amount->fixed, deducts ? lowered.deducted : lowered.gained))
                return false;
            out.deductive = out.deductive || deducts;
            out_.items.push_back(lowered);
        }
        out.count = static_cast<std::uint32_t>(x.items.size());
        out.checklist_mode = x.mode;
        return true;
    }

    // The points of a band's or a level's outcome, when they are known now.
    bool outcome_points(const plan::outcome& o, const plan::subject& s, std::int64_t& units) {
        switch (o.kind) {
        case outcome_kind::full:
            return points(weights_[s.node], units);
        case outcome_kind::zero:
            units = 0;
            return true;
        case outcome_kind::amount:
            return constant_points(o.points.fixed, units);
        case outcome_kind::judged:
        case outcome_kind::nested:
            break;
        }
        return false;
    }

    bool levels(const level_map& x, const plan::subject& s, fixed_point::subject& out) {
        if (!out.has_value) return false;
        out.kind = fixed_point::rule_kind::levels;
        out.first = static_cast<std::uint32_t>(out_.level_points.size());
        for (const std::optional<plan::outcome>& o : x.by_level) {
            std::optional<std::int64_t> units;
            if (o && !outcome_points(*o, s, units.emplace())) return false;
            out_.level_points.push_back(units);
        }
        out.count = static_cast<std::uint32_t>(x.by_level.size());
        if (x.otherwise && !outcome_points(*x.otherwise, s, out.otherwise.emplace())) return false;
        return true;
    }

    bool bands(const band_table& x, const plan::subject& s, fixed_point::subject& out) {
        if (!out.has_value) return false;
        out.kind = fixed_point::rule_kind::bands;
        out.first = static_cast<std::uint32_t>(out_.bands.size());
        for (const band& b : x.bands) {
            fixed_point::band lowered;
            if (b.condition != none || !outcome_points(b.result, s, lowered.points)) return false;
            if (b.values) {
                const range& r = *b.values;
                if (!range_end(r.low, lowered.low) || !range_end(r.high, lowered.high)) return false;
                lowered.low_closed = r.low_closed;
                lowered.high_closed = r.high_closed;
                lowered.not_equal = r.not_equal;
            }
            out_.bands.push_back(lowered);
        }
        out.count = static_cast<std::uint32_t>(x.bands.size());
        return true;
    }

    bool cases(const case_table& x, const plan::subject& s, fixed_point::subject& out) {
        out.kind = fixed_point::rule_kind::cases;
        out.first = static_cast<std::uint32_t>(out_.cases.size());
        for (const case_clause& c : x.cases) {
            fixed_point::case_ lowered;
            lowered.when_met = c.condition != none;
            if (lowered.when_met && p_.expressions[c.condition].code != op::met) return false;
            if (!outcome_points(c.result, s, lowered.points)) return false;
            out_.cases.push_back(lowered);
        }
        out.count = static_cast<std::uint32_t>(x.cases.size());
        return true;
    }

    // A band's end is a value, not points: kept as a fraction.
    bool range_end(index at, std::optional<fixed_point::fraction>& out) {
        if (at == none) return true;
        if (p_.expressions[at].code != op::constant) return false;
        out = fraction_of(p_.expressions[at].value);
        return out.has_value();
    }

    const program& p_;
    std::vector<decimal> weights_;
    std::int64_t scale_ = 1;
    bool collecting_ = true;
    fixed_point out_;
};

} // namespace

std::optional<fixed_point> lower_to_fixed_point(const program& p) {
    return lowering(p).run();
}

} // namespace rubric::detail

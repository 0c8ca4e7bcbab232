// fixed_point_evaluate.cpp — scoring one unit in the program's fast form (plan/fixed_point.hpp): the same
// steps as evaluate.cpp (inputs, rows, nodes innermost first, total, grade) in machine integers, every score
// a whole number of 1/scale points. Whatever the fast form does not take returns false before anything is
// decided, and the interpreter scores the unit instead.
#include "eval/evaluate.hpp"
#include "eval/integer_steps.hpp"
#include "number/rounded_quotient.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace rubric::detail {
namespace {

using namespace plan;
using fraction = fixed_point::fraction;

int compare(fraction a, fraction b) {
    const detail::wide_int left = detail::wide_int(a.n) * b.d, right = detail::wide_int(b.n) * a.d;
    return (left > right) - (left < right);
}

// Whether `op` holds of an order (−1, 0, 1) of the value to the target: bit order + 1 of the comparator's
// mask, not a branch, since the order differs from unit to unit.
bool holds(ast::comparison_op op, int order) {
    using enum ast::comparison_op;
    constexpr auto mask = [](ast::comparison_op of) -> unsigned {
        switch (of) {
        case ge:
            return 0b110;
        case le:
            return 0b011;
        case ne:
            return 0b101;
        case eq:
            return 0b010;
        case gt:
            return 0b100;
        case lt:
            return 0b001;
        }
        return 0;
    };
    constexpr std::array<unsigned, 6> masks = {mask(ge), mask(le), mask(ne), mask(eq), mask(gt), mask(lt)};
    return (masks[static_cast<std::size_t>(op)] >> (order + 1)) & 1u;
}

// n / divisor (divisor > 0) rounded to a multiple of `unit`, as decimal::round does to 10^-places.
std::int64_t round_to(std::int64_t n, std::int64_t divisor, std::int64_t unit, rounding_mode mode) {
    return rounded_quotient<std::int64_t>(n, divisor * unit, mode) * unit;
}

class fixed_evaluator {
public:
    fixed_evaluator(const program& code, const unit_state& unit, trace& out)
        : p_(code), f_(*code.fixed), u_(unit), t_(out), values_(unit.inputs.data()),
          given_(unit.given.data()), set_aside_(unit.set_aside.data()), fixed_(out.fixed.data()) {}

    bool run() {
        for (const fixed_point::subject& s : f_.subjects)
            if (!subject(s)) return false;
        for (const std::uint32_t i : f_.inner)
            if (!node(i)) return false;
        total();
        return true;
    }

private:
    // ------------------------------------------------------------------------------------ inputs

    // A derived input is computed when its raw figures are all given or defaulted, as the interpreter does;
    // a raw figure that is itself derived, or any value given as a bound, is left to the interpreter. Units
    // mostly report derived values: bind() says when no raw figure matters, and they are not looked at.
    bool input(index slot, fraction& out) {
        const fixed_point::input& in = f_.inputs[slot];
        const given_as given = given_[slot];
        if (given == given_as::bound) return false;
        if (in.formula != none && u_.raw_figures_matter) {
            if (in.reads_derived) return false;
            bool all_raw = true;
            for (std::uint32_t k = in.first_raw; k < in.first_raw + in.raw_count; ++k) {
                const fixed_point::raw raw = f_.raws[k];
                const given_as raw_given = given_[raw.slot];
                if (raw_given == given_as::bound) return false;
                all_raw &= raw_given == given_as::number || raw.defaulted;
            }
            if (all_raw) return formula(in.formula, out);
        }
        if (given == given_as::number) return parts(values_[slot], out);
        if (!in.fallback) return false;
        out = *in.fallback;
        return true;
    }

    static bool parts(const decimal& v, fraction& out) {
        const std::optional<std::pair<std::int64_t, std::int64_t>> p = v.parts();
        if (!p) return false;
        out = {p->first, p->second};
        return true;
    }

    // + − × ÷ on machine fractions, every step checked; anything else, a division by zero or an overflow is
    // the interpreter's (which names the fault).
    bool formula(index at, fraction& out) {
        const expression& e = p_.expressions[at];
        switch (e.code) {
        case op::constant:
            return parts(e.value, out);
        case op::input:
            return f_.inputs[e.a].formula == none && input(e.a, out);
        case op::negate:
            if (!formula(e.a, out) || out.n == INT64_MIN) return false;
            out.n = -out.n;
            return true;
        case op::add:
        case op::subtract:
        case op::multiply:
        case op::divide:
            break;
        default:
            return false;
        }
        fraction a, b;
        if (!formula(e.a, a) || !formula(e.b, b)) return false;
        switch (e.code) {
        case op::add:
        case op::subtract: {
            std::int64_t left, right;
            if (__builtin_mul_overflow(a.n, b.d, &left) || __builtin_mul_overflow(b.n, a.d, &right) ||
                __builtin_mul_overflow(a.d, b.d, &out.d))
                return false;
            return !(e.code == op::add ? __builtin_add_overflow(left, right, &out.n)
                                       : __builtin_sub_overflow(left, right, &out.n));
        }
        case op::multiply:
            return !__builtin_mul_overflow(a.n, b.n, &out.n) && !__builtin_mul_overflow(a.d, b.d, &out.d);
        default: // divide
            if (b.n == 0 || b.n == INT64_MIN || __builtin_mul_overflow(a.n, b.d, &out.n) ||
                __builtin_mul_overflow(a.d, b.n < 0 ? -b.n : b.n, &out.d))
                return false;
            if (b.n < 0) {
                if (out.n == INT64_MIN) return false;
                out.n = -out.n;
            }
            return true;
        }
    }

    // ------------------------------------------------------------------------------------ rows

    // A row, and its node to the end.
    bool subject(const fixed_point::subject& s) {
        const std::size_t node = s.node;
        if (set_aside_[node] != set_aside_as::no) return set_aside(node);
        fixed_node& record = fixed_[node];
        fraction value;
        if (s.has_value && !input(s.value_slot, value)) return false;
        // The target: a constant, or what the unit gives for it.
        const fraction* target = &s.target;
        fraction supplied;
        ast::comparison_op op = s.met_op;
        if (s.target_supplied) {
            const node_marks& m = u_.nodes[node];
            if (!m.target || !parts(*m.target, supplied)) return false;
            target = &supplied;
            op = m.target_op.value_or(s.met_op);
        }
        const bool decided = s.has_value && (s.has_target || s.target_supplied);
        record.met = s.met_read && decided && holds(op, compare(value, *target));
        std::int64_t score = 0;
        switch (s.kind) {
        case fixed_point::rule_kind::met_only:
            score = record.met ? s.weight : 0;
            break;
        case fixed_point::rule_kind::steps:
            if (!steps(s, value, *target, op, score)) return false;
            break;
        case fixed_point::rule_kind::checklist:
            if (!items(s, score)) return false;
            break;
        case fixed_point::rule_kind::levels:
            if (!levels(s, value, score)) return false;
            break;
        case fixed_point::rule_kind::bands:
            if (!bands(s, value, score)) return false;
            break;
        case fixed_point::rule_kind::cases:
            if (!cases(s, decided, record.met, score)) return false;
            break;
        }
        record.status = node_status::scored;
        record.unrounded = std::clamp(score, s.low, s.high);
        record.divisor = 1;
        return round_score(s.round, record);
    }

    // The clauses' references are folded into them when lowering, but for a target the unit gives.
    bool steps(const fixed_point::subject& s, fraction value, const fraction& target, ast::comparison_op op,
               std::int64_t& score) {
        const integer_steps::clause* clauses = f_.step_clauses.data() + s.first;
        const fixed_point::step_reference* references = f_.step_references.data() + s.first;
        std::int64_t units = s.base;
        for (std::uint32_t k = 0; k < s.count; ++k) {
            const integer_steps::clause& c = clauses[k];
            if (references[k].unit_target) [[unlikely]] {
                const std::optional<folded_reference> folded = plan::measures_from_target(c.direction, op)
                                                                   ? plan::fold(c, target.n, target.d)
                                                                   : folded_reference{};
                if (!folded || !move_by_clause(units, c, *folded, {value.n, value.d})) return false;
            } else if (!move_by_clause(units, c, references[k].folded, {value.n, value.d})) {
                return false;
            }
        }
        score = within_limits(units, std::span(f_.step_limits.data() + s.first_limit, s.limit_count)).units;
        return true;
    }

    // `当 达标` needs a value and a target to decide (the interpreter names whichever is missing).
    bool cases(const fixed_point::subject& s, bool decided, bool met, std::int64_t& score) {
        for (std::uint32_t k = s.first; k < s.first + s.count; ++k) {
            const fixed_point::case_& c = f_.cases[k];
            if (c.when_met && !decided) return false;
            if (c.when_met && !met) continue;
            score = c.points;
            return true;
        }
        return false;
    }

    bool items(const fixed_point::subject& s, std::int64_t& score) {
        std::int64_t gained = 0, deducted = 0;
        bool all = true, gate_failed = false;
        for (std::uint32_t k = s.first; k < s.first + s.count; ++k) {
            const fixed_point::item& item = f_.items[k];
            // An item's input is never derived (lowering makes sure): given, it is read as it is.
            fraction met;
            if (given_[item.slot] != given_as::number || !parts(values_[item.slot], met))
                if (!input(item.slot, met)) return false;
            // Without branches: whether an item is met differs from unit to unit.
            const bool yes = met.n != 0;
            const std::int64_t when_met = -static_cast<std::int64_t>(yes); // every bit set when met
            all &= yes;
            gate_failed |= item.gate & !yes;
            gained += item.gained & when_met;
            deducted += item.deducted & ~when_met;
        }
        if (s.checklist_mode == ast::checklist_mode::all_or_nothing)
            score = all ? s.weight : 0;
        else if (s.deductive)
            score = std::max<std::int64_t>(0, s.weight - deducted);
        else
            score = gate_failed ? 0 : gained;
        return true;
    }

    // A level's rank counts from the best (count) down; a level without an outcome falls to `otherwise`.
    bool levels(const fixed_point::subject& s, fraction value, std::int64_t& score) {
        const std::int64_t rank = value.n / value.d, count = s.count;
        if (value.n % value.d == 0 && rank >= 1 && rank <= count)
            if (const std::optional<std::int64_t>& points =
                    f_.level_points[s.first + static_cast<std::size_t>(count - rank)]) {
                score = *points;
                return true;
            }
        if (!s.otherwise) return false;
        score = *s.otherwise;
        return true;
    }

    bool bands(const fixed_point::subject& s, fraction value, std::int64_t& score) {
        for (std::uint32_t k = s.first; k < s.first + s.count; ++k) {
            const fixed_point::band& b = f_.bands[k];
            if (b.not_equal ? compare(value, *b.low) == 0 : !inside(b, value)) continue;
            score = b.points;
            return true;
        }
        return false;
    }

    static bool inside(const fixed_point::band& b, fraction v) {
        if (b.low) {
            const int order = compare(v, *b.low);
            if (b.low_closed ? order < 0 : order <= 0) return false;
        }
        if (b.high) {
            const int order = compare(v, *b.high);
            if (b.high_closed ? order > 0 : order >= 0) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------------------ nodes

    // A node without a row: from its children.
    bool node(std::size_t i) {
        const fixed_point::node& n = f_.nodes[i];
        fixed_node& r = fixed_[i];
        if (set_aside_[i] != set_aside_as::no) return set_aside(i);
        if (n.combines ? !combine(i, n, r) : !sum(n, r)) return false;
        return round_score(n.round, r);
    }

    static bool round_score(const fixed_point::rounding& how, fixed_node& r) {
        // Most scores already lie on the rounding's grid.
        if (r.divisor == 1 && (how.unit <= 1 || r.unrounded % how.unit == 0))
            r.score = r.unrounded;
        else if (how.unit != 0)
            r.score = round_to(r.unrounded, r.divisor, how.unit, how.mode);
        else
            return false; // a mean that is not a whole number of 1/scale points
        return true;
    }

    // An item not applicable inside an indicator that combines its items; an exemption, or a mark anywhere
    // else (a parent would share its weight or rescale), is the interpreter's.
    bool set_aside(std::size_t i) {
        const fixed_point::node& n = f_.nodes[i];
        if (set_aside_[i] != set_aside_as::not_applicable || !n.under_combine) return false;
        fixed_node& r = fixed_[i];
        r.status = node_status::not_applicable;
        r.unrounded = r.score = n.not_applicable_full ? n.weight : 0;
        r.divisor = 1;
        return true;
    }

    bool combine(std::size_t i, const fixed_point::node& n, fixed_node& r) {
        const std::int64_t max = n.weight;
        std::int64_t total = 0, count = 0, lowest = 0, highest = 0;
        bool all_met = true;
        for (std::uint32_t k = n.first_child; k < n.first_child + n.child_count; ++k) {
            const std::uint32_t child = f_.children[k];
            const fixed_node& c = fixed_[child];
            if (c.status == node_status::not_applicable) continue;
            if (c.divisor != 1) return false;
            lowest = count == 0 ? c.unrounded : std::min(lowest, c.unrounded);
            highest = count == 0 ? c.unrounded : std::max(highest, c.unrounded);
            ++count;
            total += c.unrounded;
            all_met = all_met && f_.nodes[child].subject != none && c.met;
        }
        if (count == 0) return false; // the indicator is not applicable: its parent would rescale
        r.status = node_status::scored;
        r.divisor = 1;
        switch (n.combine) {
        case ast::combine_mode::mean:
            // Within [0, max] whatever the items scored: a mean of penalty items is below 0.
            if (total <= 0)
                r.unrounded = 0;
            else if (total >= max * count)
                r.unrounded = max;
            else if (total % count == 0)
                r.unrounded = total / count;
            else
                r.unrounded = total, r.divisor = count;
            return true;
        case ast::combine_mode::lowest:
            r.unrounded = lowest;
            break;
        case ast::combine_mode::highest:
            r.unrounded = highest;
            break;
        case ast::combine_mode::all_met:
            r.unrounded = all_met ? max : 0;
            break;
        case ast::combine_mode::one_of: {
            const std::optional<std::size_t>& chosen = u_.nodes[i].choice;
            if (!chosen || fixed_[*chosen].divisor != 1) return false;
            r.unrounded = fixed_[*chosen].unrounded;
            break;
        }
        }
        r.unrounded = std::clamp<std::int64_t>(r.unrounded, 0, max);
        return true;
    }

    bool sum(const fixed_point::node& n, fixed_node& r) {
        std::int64_t total = 0;
        for (std::uint32_t k = n.first_child; k < n.first_child + n.child_count; ++k) {
            const fixed_node& c = fixed_[f_.children[k]];
            if (c.status != node_status::scored) return false;
            total += c.score;
        }
        if (n.at_most) {
            if (n.kind == rubric::node_kind::bonus) total = std::min(total, *n.at_most);
            if (n.kind == rubric::node_kind::penalty) total = std::max(total, -*n.at_most);
        }
        r.status = node_status::scored;
        r.unrounded = total;
        r.divisor = 1;
        return true;
    }

    // ------------------------------------------------------------------------------------ total, grade

    void total() {
        std::int64_t sum = 0, bonus = 0, penalty = 0;
        for (const std::uint32_t node : f_.summands)
            sum += fixed_[node].score;
        for (const std::uint32_t block : f_.bonus)
            bonus += fixed_[block].score;
        for (const std::uint32_t block : f_.penalty)
            penalty += fixed_[block].score;
        const std::int64_t unrounded = std::max<std::int64_t>(0, sum + bonus + penalty);
        const std::int64_t rounded =
            f_.total.unit != 0 ? round_to(unrounded, 1, f_.total.unit, f_.total.mode) : unrounded;
        write(unrounded, rounded, bonus, penalty);
    }

    std::optional<std::size_t> grade(std::int64_t total) const {
        for (std::size_t g = 0; g < f_.grades.size(); ++g) {
            const fixed_point::grade& band = f_.grades[g];
            if (band.low && (band.low_closed ? total < *band.low : total <= *band.low)) continue;
            if (band.high && (band.high_closed ? total > *band.high : total >= *band.high)) continue;
            return g;
        }
        return std::nullopt;
    }

    // The outcome as the interpreter writes it, in decimals of 1/scale; the nodes stay in t_.fixed, made
    // into decimals when they are read (outcome_of).
    void write(std::int64_t unrounded, std::int64_t rounded, std::int64_t bonus, std::int64_t penalty) {
        const std::int64_t scale = f_.scale;
        // Positive (lowering makes it so); told to the compiler, the decimal writes below skip their checks.
        if (scale < 1) __builtin_unreachable();
        t_.complete = true;
        t_.rescaled = false;
        t_.bonus = decimal::fraction(bonus, scale);
        t_.penalty = decimal::fraction(penalty, scale);
        t_.unrounded_total = decimal::fraction(unrounded, scale);
        t_.total = decimal::fraction(rounded, scale);
        t_.grade = grade(rounded);
        t_.grade_forced = false;
    }

    const program& p_;
    const fixed_point& f_;
    const unit_state& u_;
    trace& t_;
    // The arrays read for every row, held here rather than reloaded through their vectors.
    const decimal* const values_;
    const given_as* const given_;
    const set_aside_as* const set_aside_;
    fixed_node* const fixed_;
};

} // namespace

bool evaluate_fixed_point(trace& t) {
    return t.code->fixed && fixed_evaluator(*t.code, *t.unit, t).run();
}

} // namespace rubric::detail

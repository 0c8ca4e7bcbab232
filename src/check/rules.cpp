// rules.cpp — the rules pass: each rule's form checked for what it says (steps, caps, options, cases,
// checklists, level maps, judged ranges, items), its band tables (bands.cpp) and the scores it can reach
// against the weight (bounds.cpp): W0501, W0505, W0506 and E0507–E0521.
#include "check/bands.hpp"
#include "check/bounds.hpp"
#include "check/codes.hpp"
#include "check/overloaded.hpp"
#include "check/passes.hpp"
#include "check/reporter.hpp"
#include "check/steps.hpp"
#include "check/subjects.hpp"
#include "check/wording.hpp"

#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>

namespace rubric::checker {
namespace {

using syntax::keyword;

keyword keyword_of(ast::step_counting c) {
    switch (c) {
    case ast::step_counting::pro_rata:
        return keyword::pro_rata;
    case ast::step_counting::full_steps:
        return keyword::full_steps;
    case ast::step_counting::started_steps:
        break;
    }
    return keyword::started_steps;
}

keyword keyword_of(ast::percent_step p) {
    return p == ast::percent_step::relative ? keyword::relative : keyword::percentage_points;
}

// “a”, “b” and “c”.
std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + quoted(names[i]);
    return out;
}

const ast::rule_body* nested(const ast::outcome& o) {
    if (const auto* n = boost::get<ast::nested_rule>(&o)) return &n->body.get();
    return nullptr;
}

class rule_checker {
public:
    explicit rule_checker(context& ctx) : model_(ctx.model()), report_(ctx), read_(model_) {}

    void run() {
        for (std::size_t index = 0; index < model_.nodes.size(); ++index)
            if (model_.nodes[index].kind == detail::node_kind::indicator && model_.nodes[index].indicator)
                items_and_rules(model_.nodes[index]);
        for (const subject& s : scored_subjects(model_)) {
            if (!s.rule) continue;
            walk(s.rule->body, scope(s.rule.file), value_domain(model_, s), s);
            reach(s);
        }
    }

private:
    // ---------------------------------------------------------------------------------------------------------
    // Items and missing rules (E0513, E0521)
    // ---------------------------------------------------------------------------------------------------------

    void items_and_rules(const detail::node& n) {
        const ast::indicator& ind = *n.indicator;
        std::vector<std::pair<const ast::item*, file_index>> items;
        located<ast::combine_clause> combine;
        bool has_rule = false;
        for (std::size_t i = 0; i < ind.items.size(); ++i) {
            const file_index file = i < n.item_files.size() ? n.item_files[i] : n.where.file;
            if (const auto* row = boost::get<ast::item>(&ind.items[i]))
                items.emplace_back(row, file);
            else if (const auto* c = boost::get<ast::combine_clause>(&ind.items[i]))
                combine = {c, file};
            else if (boost::get<ast::rule_clause>(&ind.items[i]))
                has_rule = true;
        }
        const std::string name = quoted(n.name);
        if (!items.empty() && !combine)
            report_.error(codes::items_without_combine, n.where,
                          name + " has items but no " + kw(keyword::combine) +
                              ": say how their scores combine (平均, 最低, 最高, 全部达标 or 择一)");
        if (items.empty() && combine)
            report_.error(codes::items_without_combine,
                          {combine.file, leading_word(model_, combine.file, combine->range)},
                          kw(keyword::combine) + " combines items, but " + name + " has none");
        if (items.size() == 1)
            report_.error(
                codes::items_without_combine, {items[0].second, items[0].first->name.range},
                name + " has a single item: items are several rows under one weight; write its clauses "
                       "in the indicator");
        if (items.empty()) {
            if (!has_rule)
                report_.error(codes::missing_rule, n.where, name + " has no rule: add " + kw(keyword::rule));
            return;
        }
        if (has_rule || (combine && combine->mode == ast::combine_mode::all_met))
            return; // all_met needs targets, not rules
        for (const auto& [row, file] : items) {
            bool own = false;
            for (const ast::item_clause& c : row->clauses)
                own = own || boost::get<ast::rule_clause>(&c) != nullptr;
            if (!own)
                report_.error(codes::missing_rule, {file, row->name.range},
                              "the item " + quoted(row->name.text) + " of " + name + " has no rule, and " +
                                  name + " has none to share");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rule forms, read for one subject (a named rule once per use; the reporter drops repeats)
    // ---------------------------------------------------------------------------------------------------------

    void walk(const ast::rule_body& body, const scope& where, const span& domain, const subject& s) {
        const auto outcome = [&](const ast::outcome& o, const span& values) {
            if (const auto* j = boost::get<ast::judged>(&o)) judged_range(*j, where, s);
            if (const ast::rule_body* inner = nested(o)) walk(*inner, where, values, s);
        };
        boost::apply_visitor(overloaded{
                                 [&](const ast::step_rule& r) { steps(r, where, domain, s); },
                                 [&](const ast::band_table& t) {
                                     check_bands(report_, read_, t, where, s, domain);
                                     for (const ast::band& b : t.bands) {
                                         span values = domain;
                                         if (b.range_of_value)
                                             if (const auto range = read_.span_of(*b.range_of_value, where,
                                                                                  value_type_of(model_, s)))
                                                 values = intersect(domain, *range);
                                         outcome(b.result, values);
                                     }
                                 },
                                 [&](const ast::case_table& t) {
                                     cases(t, where);
                                     for (const ast::case_clause& c : t.cases)
                                         outcome(c.result, domain);
                                 },
                                 [&](const ast::level_map& m) {
                                     levels(m, where, s);
                                     for (const ast::level_outcome& l : m.levels)
                                         outcome(l.result, domain);
                                 },
                                 [&](const ast::proportional_rule& p) { completion_target(p, where, s); },
                                 [&](const ast::checklist& c) { checklist(c, where); },
                                 [&](const ast::judged& j) { judged_range(j, where, s); },
                                 [&](const ast::rule_call& c) {
                                     if (const std::optional<entered_rule> e = enter(model_, c, where))
                                         walk(e->symbol->syntax->body, e->inner, domain, s);
                                 },
                                 [](const auto&) {},
                             },
                             body.get());
    }

    void steps(const ast::step_rule& r, const scope& where, const span& domain, const subject& s) {
        const ast::base_score* base = nullptr;
        for (const ast::step_part& part : r.parts) {
            if (const auto* b = boost::get<ast::base_score>(&part)) {
                if (base)
                    report_.note(report_.error(codes::base_repeated,
                                               {where.file(), leading_word(model_, where.file(), b->range)},
                                               kw(keyword::base) + " is given twice in this rule"),
                                 {where.file(), leading_word(model_, where.file(), base->range)},
                                 "first given here");
                else
                    base = b;
            } else if (const auto* c = boost::get<ast::step_clause>(&part)) {
                clause(*c, where, domain, s);
            }
        }
    }

    void clause(const ast::step_clause& c, const scope& where, const span& domain, const subject& s) {
        if (const std::optional<constant> step = read_.of(c.step, where); step && step->value.sign() <= 0)
            report_.error(codes::step_not_positive, step->where,
                          "a step must be positive; " + quoted(step->text) + " is not");
        if (c.at_most)
            if (const std::optional<constant> cap = read_.of(c.at_most->value, where);
                cap && cap->value.sign() <= 0)
                report_.error(codes::cap_not_positive, cap->where,
                              "a cap (" + kw(keyword::at_most) + ") must be positive; " + quoted(cap->text) +
                                  " is not");
        options(c, where);
        never_applies(c, where, domain, s);
    }

    // E0514, E0515: one counting, one percent reading and one 起扣 per clause; 起扣 not on 每偏离.
    void options(const ast::step_clause& c, const scope& where) {
        const ast::counting_option* counting = nullptr;
        const ast::percent_option* percent = nullptr;
        const ast::from_option* from = nullptr;
        const auto twice = [&](source_range at, source_range first, const std::string& message) {
            report_.note(report_.error(codes::option_repeated, {where.file(), at}, message),
                         {where.file(), first}, "given here first");
        };
        for (const ast::step_option& o : c.options) {
            if (const auto* x = boost::get<ast::counting_option>(&o)) {
                if (counting)
                    twice(x->range, counting->range,
                          x->counting == counting->counting
                              ? kw(keyword_of(x->counting)) + " is given twice in this clause"
                              : kw(keyword_of(x->counting)) + " contradicts " +
                                    kw(keyword_of(counting->counting)) +
                                    ": a clause counts its steps one way");
                else
                    counting = x;
            } else if (const auto* y = boost::get<ast::percent_option>(&o)) {
                if (percent)
                    twice(y->range, percent->range,
                          y->mode == percent->mode
                              ? kw(keyword_of(y->mode)) + " is given twice in this clause"
                              : kw(keyword_of(y->mode)) + " contradicts " + kw(keyword_of(percent->mode)) +
                                    ": a clause reads its % step one way");
                else
                    percent = y;
            } else if (const auto* z = boost::get<ast::from_option>(&o)) {
                if (from)
                    twice(z->range, from->range, kw(keyword::from) + " is given twice in this clause");
                else
                    from = z;
                if (c.direction == ast::step_direction::per_deviation)
                    report_.error(codes::threshold_on_deviation,
                                  {where.file(), leading_word(model_, where.file(), z->range)},
                                  kw(keyword::from) + " does not apply to " + kw(keyword::per_deviation) +
                                      ": write the tolerance as a target interval, such as 目标 [95%, 105%]");
            }
        }
    }

    // W0512: a clause whose deviation is always 0, by its target's comparator or by the value's domain.
    void never_applies(const ast::step_clause& c, const scope& where, const span& domain, const subject& s) {
        const std::string direction =
            c.on ? kw(c.direction == ast::step_direction::per_drop ? keyword::per_drop : keyword::per_rise)
                 : quoted(source_text(model_, where.file(), leading_word(model_, where.file(), c.range)));
        const detail::origin at{where.file(), c.range};
        if (clause_beyond_open_target(c, s)) {
            const std::string goal =
                quoted(source_text(model_, s.target.file, ast::range_of(s.target->goal)));
            const bool rise = c.direction == ast::step_direction::per_rise;
            report_.note_calls(
                report_.warning(codes::clause_never_applies, at,
                                "this clause never applies: " + direction + " counts steps " +
                                    (rise ? "above" : "below") + " the target, and the target " + goal +
                                    " has no " + (rise ? "upper" : "lower") +
                                    " end; to count from a threshold, write " + kw(keyword::from)),
                where, s.name);
            return;
        }
        if (c.on || c.direction == ast::step_direction::per_deviation) return;
        const step_reference ref = reference_of(c, where, s, read_);
        if (ref.what != step_reference::kind::constant) return;
        const decimal& r = ref.low->value;
        const bool below = c.direction == ast::step_direction::per_drop;
        const bool never = below ? domain.lower.value && *domain.lower.value >= r
                                 : domain.upper.value && *domain.upper.value <= r;
        if (never)
            report_.note_calls(report_.warning(codes::clause_never_applies, at,
                                               "this clause never applies: " + value_name(model_, s) +
                                                   " is never " + (below ? "below " : "above ") + ref.text +
                                                   " (its values: " + to_string(domain) + ")"),
                               where, s.name);
    }

    // E0520 and W0518: every unit gets a score, and no case hides behind one that always applies.
    void cases(const ast::case_table& t, const scope& where) {
        const ast::case_clause* always = nullptr;
        for (const ast::case_clause& c : t.cases) {
            const source_range at =
                c.condition ? ast::range_of(*c.condition) : clause_start(model_, where.file(), c);
            if (always) {
                if (always->condition)
                    report_.note(
                        report_.warning(codes::case_after_always, {where.file(), at},
                                        "this case never applies: the case before it always applies"),
                        {where.file(), ast::range_of(*always->condition)}, "this condition is always true");
                else
                    report_.warning(codes::case_after_always, {where.file(), at},
                                    "this case never applies: " + kw(keyword::otherwise) +
                                        " comes before it");
                continue;
            }
            const auto* literal = c.condition ? boost::get<ast::bool_literal>(&*c.condition) : nullptr;
            if (!c.condition || (literal && literal->value)) always = &c;
        }
        if (!always)
            report_.error(codes::cases_without_otherwise,
                          {where.file(), leading_word(model_, where.file(), t.range)},
                          kw(keyword::cases) + " must end with " + kw(keyword::otherwise) +
                              ", so that every unit gets a score");
    }

    // E0509: every level of the value's set has an outcome, or 否则 gives the rest one.
    void levels(const ast::level_map& m, const scope& where, const subject& s) {
        const value_type value = value_type_of(model_, s);
        if (value.kind != type_kind::level) return;
        const auto set = model_.level_sets.find(value.level_set);
        if (set == model_.level_sets.end()) return;
        std::vector<std::string> missing;
        for (const std::string& level : set->second.levels) {
            bool given = false;
            for (const ast::level_outcome& l : m.levels)
                given = given || !l.level || l.level->text == level; // 否则 covers every level
            if (!given) missing.push_back(level);
        }
        if (!missing.empty())
            report_.note_calls(report_.error(codes::level_map_incomplete,
                                             {where.file(), leading_word(model_, where.file(), m.range)},
                                             kw(keyword::by_level) + " gives no outcome for " +
                                                 listed(missing) + " of " + quoted(value.level_set) +
                                                 ": add them, or " + kw(keyword::otherwise)),
                               where, s.name);
    }

    // E0517: a completion ratio takes its direction from the target's comparator.
    void completion_target(const ast::proportional_rule& p, const scope& where, const subject& s) {
        if (p.kind != ast::proportional_kind::completion_ratio) return;
        std::string problem;
        if (!s.target)
            problem = quoted(s.name) + " has no target";
        else if (boost::get<ast::interval>(&s.target->goal))
            problem = "the target of " + quoted(s.name) + " is an interval";
        else if (boost::get<ast::text>(&s.target->goal))
            problem = "the target of " + quoted(s.name) + " is descriptive text";
        if (!problem.empty())
            report_.note_calls(
                report_.error(codes::completion_ratio_target,
                              {where.file(), leading_word(model_, where.file(), p.range)},
                              kw(keyword::completion_ratio) +
                                  " reads its direction from the target's comparator (≥ or ≤), but " +
                                  problem),
                where, s.name);
    }

    // E0507, E0508: a checklist gains for items met or deducts for items not met; every item has an outcome
    // unless the list gives a default, and the items of an all-or-nothing list have none.
    void checklist(const ast::checklist& c, const scope& where) {
        const ast::check_item* first_gain = nullptr;
        const ast::check_item* first_deduction = nullptr;
        for (const ast::check_item& item : c.items) {
            const detail::origin label{where.file(), item.label.range};
            if (c.mode == ast::checklist_mode::all_or_nothing) {
                if (item.result)
                    report_.error(
                        codes::checklist_outcomes,
                        {where.file(), item.result->points ? item.result->points->range : item.label.range},
                        "items of a " + kw(keyword::all_or_nothing) +
                            " list take no outcome: it gives the full weight only when every item is met");
                continue;
            }
            if (!item.result && c.mode != ast::checklist_mode::each) {
                report_.error(codes::checklist_outcomes, label,
                              quoted(item.label.text) +
                                  " has no outcome: give it one (such as 1分), or give the list "
                                  "a default with " +
                                  kw(keyword::each));
                continue;
            }
            const ast::check_outcome_kind kind =
                item.result ? item.result->kind : ast::check_outcome_kind::award;
            if (kind == ast::check_outcome_kind::deduct && !first_deduction) first_deduction = &item;
            if (kind == ast::check_outcome_kind::award && !first_gain) first_gain = &item;
        }
        if (!first_gain || !first_deduction) return;
        // Reported at whichever kind comes second, with a note at the first of the other kind.
        const bool deduction_later = first_deduction->range.begin > first_gain->range.begin;
        const ast::check_item& later = deduction_later ? *first_deduction : *first_gain;
        const ast::check_item& earlier = deduction_later ? *first_gain : *first_deduction;
        report_.note(
            report_.error(codes::checklist_mixed, {where.file(), later.label.range},
                          "a checklist gives points for items met or deducts for items not met, not both: " +
                              quoted(later.label.text) + (deduction_later ? " deducts" : " gives points")),
            {where.file(), earlier.label.range},
            quoted(earlier.label.text) + (deduction_later ? " gives points" : " deducts"));
    }

    // E0510: an evaluator's score stays within [0, weight].
    void judged_range(const ast::judged& j, const scope& where, const subject& s) {
        if (!j.within) return;
        const std::optional<constant> low = read_.of(j.within->lower, where);
        const std::optional<constant> high = read_.of(j.within->upper, where);
        if (!low || !high) return;
        const std::string range = quoted(source_text(model_, where.file(), j.within->range)) +
                                  (j.of_weight ? " of the weight" : std::string());
        for (const weight_case& w : weights_of(model_, s)) {
            const decimal scale = j.of_weight ? w.points : decimal(1);
            const decimal lowest = low->value * scale, highest = high->value * scale;
            std::string problem;
            if (lowest.sign() < 0)
                problem = "starts at " + lowest.to_string() + ", below 0";
            else if (highest > w.points)
                problem = "reaches " + highest.to_string() + ", above the weight " + w.points.to_string() +
                          " of " + quoted(s.name);
            if (problem.empty()) continue;
            report_.note_calls(report_.error(codes::judged_range_outside_weight,
                                             {where.file(), j.within->range},
                                             for_category(w) + "the judged range " + range + " " + problem),
                               where, s.name);
            return;
        }
    }

    static std::string for_category(const weight_case& w) {
        return w.category.empty() ? std::string() : "for " + quoted(w.category) + ", ";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reachable scores (W0501, W0505, W0506)
    // ---------------------------------------------------------------------------------------------------------

    void reach(const subject& s) {
        const detail::node& n = model_.nodes[s.node];
        const detail::origin at{s.rule.file, ast::range_of(s.rule->body)};
        const bool penalty = s.block == detail::node_kind::penalty;
        for (const weight_case& w : weights_of(model_, s)) {
            const scoring_frame frame{&s, w.points, value_domain(model_, s),
                                      s.block != detail::node_kind::group};
            const std::optional<score_range> r = reachable(s.rule->body, scope(s.rule.file), frame, read_);
            if (!r) continue;
            const std::string who = quoted(s.name), weight = w.points.to_string(), head = for_category(w);
            const decimal lowest = penalty ? -w.points : decimal(), highest = penalty ? decimal() : w.points;
            if (!penalty && r->high && *r->high < highest) {
                diagnostic* d = report_.warning(codes::rule_max_differs, at,
                                                head + "the rule scores at most " + r->high->to_string() +
                                                    ", but the weight of " + who + " is " + weight);
                if (d && n.indicator && n.indicator->weight)
                    report_.note(d, {n.weight_file, ast::range_of(*n.indicator->weight)},
                                 "the weight is set here");
            }
            if (penalty && r->low && *r->low > lowest)
                report_.warning(codes::rule_max_differs, at,
                                head + "the rule deducts at most " + (-*r->low).to_string() +
                                    ", but the weight of " + who + " is " + weight);
            if (!r->low || *r->low < lowest)
                report_.warning(codes::score_below_zero, at,
                                head + below(r->low, lowest, penalty, who, weight));
            if (!r->high || *r->high > highest)
                report_.warning(codes::score_above_weight, at,
                                head + above(r->high, highest, penalty, who, weight));
        }
    }

    static std::string below(const std::optional<decimal>& low, const decimal& limit, bool penalty,
                             const std::string& who, const std::string& weight) {
        if (penalty)
            return (low ? "the rule can score as low as " + low->to_string() + ", beyond"
                        : std::string("the rule has no lower limit, so it can deduct more than")) +
                   " the weight " + weight + " of " + who + "; it is kept at " + limit.to_string() +
                   ": write " + kw(keyword::floor_at) + " -" + weight + "分 to say so";
        return (low ? "the rule can score as low as " + low->to_string() + ", below 0"
                    : std::string("the rule has no lower limit, so it can score below 0")) +
               "; " + who + " is kept at 0: write " + kw(keyword::until_zero) + " to say so";
    }

    static std::string above(const std::optional<decimal>& high, const decimal& limit, bool penalty,
                             const std::string& who, const std::string& weight) {
        if (penalty)
            return (high ? "the rule can score as high as " + high->to_string() + ", above 0"
                         : std::string("the rule has no upper limit, so it can score above 0")) +
                   "; " + who + " is kept at 0: write " + kw(keyword::cap_at) + " 0分 to say so";
        return (high ? "the rule can score as high as " + high->to_string() + ", above"
                     : std::string("the rule has no upper limit, so it can score above")) +
               " the weight " + weight + " of " + who + "; it is kept at " + limit.to_string() + ": write " +
               kw(keyword::cap_at) + " " + weight + "分 to say so";
    }

    checked_model& model_;
    reporter report_;
    constants read_;
};

} // namespace

void check_rules(context& ctx) {
    rule_checker(ctx).run();
}

} // namespace rubric::checker

// policies.cpp — the choices a rubric leaves implicit (README §16): step counting, the reading of a `%` step
// on a percent, rounding, a completion ratio's direction; policy entries given twice; ranking rules that need
// a cohort. W0601–W0604, E0606, W0801.
#include "check/codes.hpp"
#include "check/passes.hpp"
#include "check/reporter.hpp"
#include "check/steps.hpp"
#include "check/subjects.hpp"
#include "check/wording.hpp"

#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>
#include <map>

namespace rubric::checker {
namespace {

using syntax::keyword;

keyword keyword_of(ast::round_level level) {
    switch (level) {
    case ast::round_level::indicator:
        return keyword::indicator;
    case ast::round_level::group:
        return keyword::group;
    case ast::round_level::total:
        break;
    }
    return keyword::total;
}

class policy_checker {
public:
    explicit policy_checker(context& ctx) : model_(ctx.model()), report_(ctx), read_(model_) {}

    void run() {
        for (file_index file = 0; file < model_.modules.size(); ++file)
            repeated_entries(file);
        rounding();
        for (const subject& s : scored_subjects(model_)) {
            if (!s.rule) continue;
            for_each_body(model_, s.rule->body, scope(s.rule.file),
                          [&](const ast::rule_body& body, const scope& where) { form(body, where, s); });
        }
    }

private:
    // E0606: within one file, each entry once and rounding once per level (an extending file may replace the
    // base's entries, which is not a repeat).
    void repeated_entries(file_index file) {
        std::map<std::string, source_range> first;
        const auto entry = [&](const std::string& key, source_range at, const std::string& what) {
            const auto [found, fresh] = first.emplace(key, at);
            if (!fresh)
                report_.note(report_.error(codes::policy_repeated, {file, leading_word(model_, file, at)},
                                           what + " is given twice: a policy entry is set once"),
                             {file, leading_word(model_, file, found->second)}, "first given here");
        };
        for (const ast::rubric_item& item : model_.modules[file].items) {
            const auto* p = boost::get<ast::policy>(&item);
            if (!p) continue;
            for (const ast::policy_entry& e : p->entries)
                boost::apply_visitor(
                    [&](const auto& x) {
                        using entry_type = std::decay_t<decltype(x)>;
                        if constexpr (std::is_same_v<entry_type, ast::step_counting_policy>)
                            entry("counting", x.range, kw(keyword::step_counting));
                        else if constexpr (std::is_same_v<entry_type, ast::percent_steps_policy>)
                            entry("percent", x.range, kw(keyword::percent_steps));
                        else if constexpr (std::is_same_v<entry_type, ast::missing_policy>)
                            entry("missing", x.range, kw(keyword::missing));
                        else if constexpr (std::is_same_v<entry_type, ast::not_applicable_policy>)
                            entry("na", x.range, kw(keyword::not_applicable));
                        else
                            entry("round " + std::string(ast::to_string(x.level)), x.range,
                                  kw(keyword::round) + " for " + kw(keyword_of(x.level)));
                    },
                    e.get());
        }
    }

    // W0603, once: scores are kept exact unless the rubric says where and how to round.
    void rounding() {
        if (!model_.policies.rounding.empty() || model_.modules.empty()) return;
        const ast::source_module& checked = model_.modules[0];
        if (checked.kind != ast::module_kind::rubric && checked.kind != ast::module_kind::template_) return;
        source_range at = checked.title.range;
        for (const ast::rubric_item& item : checked.items)
            if (const auto* p = boost::get<ast::policy>(&item)) at = leading_word(model_, 0, p->range);
        report_.warning(
            codes::implicit_rounding, {0, at},
            "no rounding policy: scores are kept exact, and reports print them to 2 places 四舍五入; "
            "say where to round in " +
                kw(keyword::policy) + ", such as “舍入 指标 2位 四舍五入”");
    }

    void form(const ast::rule_body& body, const scope& where, const subject& s) {
        if (const auto* rule = boost::get<ast::step_rule>(&body)) {
            for (const ast::step_part& part : rule->parts)
                if (const auto* c = boost::get<ast::step_clause>(&part)) clause(*c, where, s);
        } else if (const auto* p = boost::get<ast::proportional_rule>(&body)) {
            completion_sign(*p, s);
        } else if (const auto* r = boost::get<ast::rank_rule>(&body)) {
            report_.note_calls(report_.warning(codes::needs_cohort,
                                               {where.file(), leading_word(model_, where.file(), r->range)},
                                               quoted(s.name) +
                                                   " ranks units against each other: scoring it needs "
                                                   "a cohort of units scored together"),
                               where, s.name);
        }
    }

    // W0601, W0602: the two questions a step leaves open, when neither the clause nor the policy answers
    // them.
    void clause(const ast::step_clause& c, const scope& where, const subject& s) {
        const std::optional<constant> step = read_.of(c.step, where);
        const value_type measured = measured_type(c, s);
        if (!counting_option(c) && !model_.policies.step_counting && !(step && whole_steps(*step, measured)))
            report_.note_calls(report_.warning(codes::implicit_step_counting, {where.file(), c.range},
                                               "step counting is not stated: write " + kw(keyword::pro_rata) +
                                                   ", " + kw(keyword::full_steps) + " or " +
                                                   kw(keyword::started_steps) +
                                                   " in the clause's options or in " + kw(keyword::policy) +
                                                   " (assuming " + kw(keyword::pro_rata) + ")"),
                               where, s.name);
        if (step && percent_step_on_percent(step->type, measured) && !percent_option(c) &&
            !model_.policies.percent_steps)
            report_.note_calls(report_.warning(codes::implicit_percent_steps, step->where,
                                               quoted(step->text) +
                                                   " on a percent is percentage points or relative: "
                                                   "write " +
                                                   kw(keyword::percentage_points) + " or " +
                                                   kw(keyword::relative) + " in the clause's options or in " +
                                                   kw(keyword::policy) + " (assuming " +
                                                   kw(keyword::percentage_points) + ")"),
                               where, s.name);
    }

    value_type measured_type(const ast::step_clause& c, const subject& s) const {
        if (!c.on) return value_type_of(model_, s);
        const std::string name = c.on->parts.size() == 1 ? c.on->parts.front().text : std::string();
        const auto found = model_.input_types.find(name);
        return found != model_.input_types.end() ? found->second : value_type();
    }

    // Counts and dates are whole numbers: a step of one 例 or one 天 gives whole steps however they are
    // counted.
    static bool whole_steps(const constant& step, const value_type& measured) {
        const bool unit_step = step.value == 1 && step.type.is_quantity() && step.type.dim == measured.dim;
        if (measured.kind == type_kind::date)
            return step.value == 1 && step.type.is_quantity() && step.type.dim == dimension::of("天");
        return unit_step && measured.measure == unit_kind::count;
    }

    // W0604: a completion ratio against a bare target is read as positive (≥).
    void completion_sign(const ast::proportional_rule& p, const subject& s) {
        if (p.kind != ast::proportional_kind::completion_ratio || !s.target) return;
        const auto* goal = boost::get<ast::target_value>(&s.target->goal);
        if (!goal || goal->op) return;
        const source_range at = ast::range_of(s.target->goal);
        report_.warning(codes::implicit_completion_sign, {s.target.file, at},
                        kw(keyword::completion_ratio) +
                            " takes its direction from the target's comparator, but " +
                            quoted(source_text(model_, s.target.file, at)) +
                            " has none: write ≥ (higher is better) or ≤ (lower is better) (assuming ≥)");
    }

    checked_model& model_;
    reporter report_;
    constants read_;
};

} // namespace

void check_policies(context& ctx) {
    policy_checker(ctx).run();
}

} // namespace rubric::checker

// bind.cpp — a unit's values as written (values.hpp) typed by a compiled rubric: each input read in its own
// unit (8383.52万元 is 83835200 元), each mark checked against what the rubric allows. Every problem is
// reported; with any error nothing is bound.
#include "check/suggest.hpp"
#include "eval/unit_state.hpp"

#include <map>
#include <rubric/result.hpp>

namespace rubric {
namespace {

using detail::node_marks;
using detail::program;

namespace codes {
constexpr const char* unknown_input = "V0201";
constexpr const char* duplicate = "V0202";
constexpr const char* unreadable = "V0203";
constexpr const char* wrong_unit = "V0204";
constexpr const char* outside_domain = "V0205";
constexpr const char* unknown_node = "V0206";
constexpr const char* not_allowed = "V0207";
constexpr const char* unknown_category = "V0208";
constexpr const char* judged_range = "V0209";
constexpr const char* unknown_choice = "V0210";
constexpr const char* unknown_grade = "V0211";
} // namespace codes

std::string quoted(std::string_view s) {
    return "“" + std::string(s) + "”";
}

// `≥ 95%` → (≥, "95%"); ASCII and full-width forms.
std::pair<std::optional<ast::comparison_op>, std::string_view> split_bound(std::string_view text) {
    static const std::pair<std::string_view, ast::comparison_op> forms[] = {
        {"≥", ast::comparison_op::ge}, {">=", ast::comparison_op::ge}, {"≧", ast::comparison_op::ge},
        {"≤", ast::comparison_op::le}, {"<=", ast::comparison_op::le}, {"≦", ast::comparison_op::le},
        {">", ast::comparison_op::gt}, {"＞", ast::comparison_op::gt}, {"<", ast::comparison_op::lt},
        {"＜", ast::comparison_op::lt}, {"=", ast::comparison_op::eq}, {"＝", ast::comparison_op::eq}};
    for (const auto& [form, op] : forms)
        if (text.starts_with(form)) {
            text.remove_prefix(form.size());
            while (text.starts_with(" ")) text.remove_prefix(1);
            while (text.starts_with("\u3000")) text.remove_prefix(3);
            return {op, text};
        }
    return {std::nullopt, text};
}

// The digits of a number written before its unit: "95.4" of "95.4%", "8,383.52" of "8,383.52万元".
std::size_t number_length(std::string_view text) {
    std::size_t at = 0;
    const auto take = [&](std::string_view s) {
        if (!text.substr(at).starts_with(s)) return false;
        at += s.size();
        return true;
    };
    if (!take("-") && !take("+")) take("－");
    for (;;) {
        if (at < text.size() && ((text[at] >= '0' && text[at] <= '9') || text[at] == '.' || text[at] == ','))
            ++at;
        else if (take("．") || take("，") || take("０") || take("１") || take("２") || take("３") || take("４") ||
                 take("５") || take("６") || take("７") || take("８") || take("９"))
            continue;
        else
            break;
    }
    return at;
}

std::optional<long> read_date(std::string_view text) {
    int y = 0, m = 0, d = 0;
    char sep1[4] = {}, sep2[4] = {};
    const std::string s(text);
    if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) == 3 && s.find('-') == 4)
        return checker::day_number(y, m, d);
    if (s.find("年") != std::string::npos && s.find("月") != std::string::npos) {
        const std::size_t year_end = s.find("年"), month_end = s.find("月");
        try {
            y = std::stoi(s.substr(0, year_end));
            m = std::stoi(s.substr(year_end + 3, month_end - year_end - 3));
            const std::size_t day_end = s.find("日");
            d = std::stoi(s.substr(month_end + 3, day_end == std::string::npos ? std::string::npos
                                                                                : day_end - month_end - 3));
        } catch (const std::exception&) {
            return std::nullopt;
        }
        (void)sep1;
        (void)sep2;
        return checker::day_number(y, m, d);
    }
    return std::nullopt;
}

class binder {
public:
    binder(const compiled_rubric& rubric, const unit_values& values)
        : rubric_(rubric), p_(rubric.program()), values_(values), units_(p_.units) {
        for (std::size_t i = 0; i < p_.inputs.size(); ++i)
            slots_.emplace(p_.inputs[i].name, i);
    }

    bind_result run() {
        auto state = std::make_shared<detail::unit_state>();
        // What scoring reads first, so that the three arrays lie next to each other and to the state.
        state->inputs.resize(p_.inputs.size());
        state->given.resize(p_.inputs.size(), detail::given_as::absent);
        state->set_aside.resize(p_.nodes.size(), detail::set_aside_as::no);
        state->file = values_.file;
        state->bounds.resize(p_.inputs.size());
        state->input_texts.resize(p_.inputs.size());
        state->nodes.resize(p_.nodes.size());
        state->categories.resize(p_.category_sets.size());
        state->claims.resize(p_.nodes.size());
        state_ = state.get();
        for (const value_entry& e : values_.entries)
            entry(e);
        state->raw_figures_matter = raw_figures_matter();
        bind_result out;
        out.diagnostics = std::move(diagnostics_);
        if (!out.diagnostics.has_errors()) out.values = bound_values(std::move(state));
        return out;
    }

private:
    diagnostic& error(const char* code, source_range range, std::string message) {
        return diagnostics_.error(code, values_.file, range, std::move(message));
    }

    // The same thing given twice, under any of its spellings.
    bool first_time(value_kind kind, std::size_t what, const value_entry& e) {
        const auto [at, inserted] = seen_.emplace(std::make_pair(kind, what), e.key_range);
        if (inserted) return true;
        error(codes::duplicate, e.key_range, quoted(e.key) + " is given twice")
            .note("given first here", at->second);
        return false;
    }

    void entry(const value_entry& e) {
        switch (e.kind) {
        case value_kind::input: input(e); return;
        case value_kind::category: category(e); return;
        case value_kind::claimed:
            if (claimed_total_or_grade(e)) return;
            break;
        default: break;
        }
        const std::optional<std::size_t> node = find_node(e);
        if (!node || !first_time(e.kind, *node, e)) return;
        switch (e.kind) {
        case value_kind::target: target(e, *node); return;
        case value_kind::not_applicable: not_applicable(e, *node); return;
        case value_kind::exempt: exempt(e, *node); return;
        case value_kind::judged: judged(e, *node); return;
        case value_kind::choice: choice(e, *node); return;
        case value_kind::claimed: claimed(e, *node); return;
        default: return;
        }
    }

    std::optional<std::size_t> find_node(const value_entry& e) {
        if (const std::optional<std::size_t> node = rubric_.find(e.key)) return node;
        std::vector<std::string> names;
        std::size_t matches = 0;
        for (const node_info& n : rubric_.nodes()) {
            names.push_back(n.name);
            if (n.name == e.key) ++matches;
        }
        diagnostic& d = error(codes::unknown_node, e.key_range,
                              matches > 1 ? quoted(e.key) + " names several nodes; write its group too (分组.指标)"
                                          : "the rubric has no group, indicator or item " + quoted(e.key));
        if (matches <= 1)
            if (const auto near = checker::closest(e.key, names)) d.note("did you mean " + quoted(*near) + "?");
        return std::nullopt;
    }

    // ------------------------------------------------------------------------------------ inputs

    std::optional<std::size_t> find_input(const value_entry& e) {
        if (const auto at = slots_.find(e.key); at != slots_.end()) return at->second;
        // A checklist item by its indicator's longer path: 部门管理.财务管理.财务管理制度健全性.1
        if (const std::size_t dot = e.key.rfind('.'); dot != std::string::npos)
            if (const auto node = rubric_.find(std::string_view(e.key).substr(0, dot)))
                for (std::size_t i = 0; i < p_.inputs.size(); ++i)
                    if (p_.inputs[i].checklist_node == node &&
                        p_.inputs[i].name.ends_with("." + e.key.substr(dot + 1)))
                        return i;
        std::vector<std::string> names;
        std::size_t items_named = 0;
        for (const auto& slot : p_.inputs) {
            names.push_back(slot.name);
            if (slot.checklist_node && slot.name.ends_with("." + e.key)) ++items_named;
        }
        if (items_named > 1) {
            error(codes::unknown_node, e.key_range,
                  quoted(e.key) + " names checklist items of several indicators; write the group too (分组.指标.标签)");
            return std::nullopt;
        }
        diagnostic& d = error(codes::unknown_input, e.key_range, "the rubric has no input " + quoted(e.key));
        if (const auto near = checker::closest(e.key, names)) d.note("did you mean " + quoted(*near) + "?");
        return std::nullopt;
    }

    void input(const value_entry& e) {
        const std::optional<std::size_t> slot = find_input(e);
        if (!slot || !first_time(e.kind, *slot, e)) return;
        const detail::plan::input_slot& s = p_.inputs[*slot];
        auto [bound, text] = split_bound(e.text);
        if (bound == ast::comparison_op::eq) bound.reset();
        const std::optional<decimal> v = read(e, text, s.type, s.levels, s.name);
        if (!v) return;
        if (!bound && !s.domain.contains(*v)) {
            error(codes::outside_domain, e.value_range,
                  quoted(e.text) + " is outside the values " + quoted(s.name) + " can take (" +
                      checker::to_string(s.domain) + ")");
            return;
        }
        state_->inputs[*slot] = *v;
        state_->given[*slot] = bound ? detail::given_as::bound : detail::given_as::number;
        state_->bounds[*slot] = bound;
        state_->input_texts[*slot] = e.text;
    }

    // See unit_state::raw_figures_matter.
    bool raw_figures_matter() const {
        for (const detail::plan::input_slot& in : p_.inputs) {
            if (in.formula == detail::plan::none) continue;
            bool all = true;
            for (const detail::plan::index raw : in.raw) {
                const detail::given_as given = state_->given[raw];
                if (given == detail::given_as::bound || p_.inputs[raw].formula != detail::plan::none)
                    return true;
                all = all && (given == detail::given_as::number || p_.inputs[raw].fallback);
            }
            if (all) return true;
        }
        return false;
    }

    // A value as the type wants it, in base units; nullopt after reporting why not.
    std::optional<decimal> read(const value_entry& e, std::string_view text, const checker::value_type& type,
                                const std::vector<std::string>& levels, const std::string& name) {
        const auto bad = [&](std::string expected) -> std::optional<decimal> {
            error(codes::unreadable, e.value_range,
                  quoted(e.text) + " is not " + expected + ", which " + quoted(name) + " is");
            return std::nullopt;
        };
        switch (type.kind) {
        case checker::type_kind::boolean:
            if (text == "是" || text == "具备" || text == "true" || text == "yes") return decimal(1);
            if (text == "否" || text == "不具备" || text == "false" || text == "no") return decimal(0);
            return bad("yes or no (是/否, 具备/不具备)");
        case checker::type_kind::level:
            for (std::size_t i = 0; i < levels.size(); ++i)
                if (levels[i] == text) return decimal(static_cast<long>(levels.size() - i));
            {
                std::string list;
                for (const std::string& l : levels)
                    list += (list.empty() ? "" : "、") + l;
                return bad("one of the levels " + list);
            }
        case checker::type_kind::date:
            if (const std::optional<long> day = read_date(text)) return decimal(*day);
            return bad("a date (2019年6月30日 or 2019-06-30)");
        case checker::type_kind::text:
        case checker::type_kind::unknown: return bad("a value");
        case checker::type_kind::quantity: break;
        }
        const std::size_t digits = number_length(text);
        const decimal_parse_result number = parse_decimal(text.substr(0, digits));
        if (digits == 0) return bad("a number");
        if (!number) { // digits that do not make a number, or more of them than a number may have
            error(codes::unreadable, e.value_range, quoted(name) + ": " + number.error);
            return std::nullopt;
        }
        std::string unit_text(text.substr(digits));
        while (unit_text.starts_with(" ")) unit_text.erase(0, 1);
        if (unit_text == "％") unit_text = "%";
        const std::optional<checker::unit> unit = units_.resolve(unit_text);
        if (!unit) {
            error(codes::wrong_unit, e.value_range, quoted(unit_text) + " in " + quoted(e.text) + " is not a unit");
            return std::nullopt;
        }
        if (unit_text.empty()) {
            if (type.percent) {
                error(codes::wrong_unit, e.value_range,
                      quoted(e.text) + " has no unit, but " + quoted(name) + " is a percent: write " +
                          quoted(e.text + "%") + " (or the share as a percent)");
                return std::nullopt;
            }
            // A bare number of an amount or a count is in the unit the input is declared in (万元).
            return *number.value * type.unit_scale;
        }
        if (unit->dim != type.dim || (type.percent && !unit->percent_sign && unit->dim.is_ratio())) {
            error(codes::wrong_unit, e.value_range,
                  quoted(e.text) + " is " + checker::describe(checker::value_type::quantity(*unit, unit_text)) +
                      ", but " + quoted(name) + " is " + checker::describe(type));
            return std::nullopt;
        }
        return *number.value * unit->scale;
    }

    // ------------------------------------------------------------------------------------ marks

    const detail::plan::subject* subject_of(std::size_t node) const {
        const detail::plan::index s = p_.nodes[node].subject;
        return s == detail::plan::none ? nullptr : &p_.subjects[s];
    }

    void target(const value_entry& e, std::size_t node) {
        const detail::plan::subject* s = subject_of(node);
        if (!s || s->target.kind != detail::plan::target_kind::supplied) {
            error(codes::not_allowed, e.key_range,
                  quoted(e.key) + " has no target left to the unit (目标 由单位填报), so none can be given");
            return;
        }
        const auto [op, text] = split_bound(e.text);
        if (op && s->target.op && *op != *s->target.op) {
            error(codes::not_allowed, e.value_range,
                  "the rubric fixes the comparison of " + quoted(e.key) + "'s target as " +
                      std::string(ast::to_symbol(*s->target.op)) + "; " + quoted(e.text) + " says otherwise");
            return;
        }
        const std::optional<decimal> v = read(e, text, s->value_type, {}, e.key + " 的目标");
        if (!v) return;
        node_marks& m = state_->nodes[node];
        m.target = *v;
        m.target_op = op;
        m.target_text = e.text;
    }

    void not_applicable(const value_entry& e, std::size_t node) {
        if (p_.nodes[node].not_applicable == ast::na_effect::forbidden) {
            error(codes::not_allowed, e.key_range,
                  "the rubric does not allow marking " + quoted(e.key) + " not applicable (不适用 不允许)");
            return;
        }
        state_->nodes[node].not_applicable = true;
        state_->set_aside[node] = detail::set_aside_as::not_applicable;
        state_->nodes[node].not_applicable_reason = e.reason;
    }

    void exempt(const value_entry& e, std::size_t node) {
        const std::vector<detail::plan::exemption>& named = p_.nodes[node].exemptions;
        if (named.empty()) {
            error(codes::not_allowed, e.key_range, "the rubric names no exemption (豁免) for " + quoted(e.key));
            return;
        }
        if (e.reason.empty() && e.text.empty()) {
            error(codes::not_allowed, e.key_range, "an exemption of " + quoted(e.key) + " needs its reason");
            return;
        }
        std::optional<std::size_t> which;
        if (named.size() == 1) which = 0;
        const std::string& reason = e.reason.empty() ? e.text : e.reason;
        for (std::size_t i = 0; i < named.size() && !which; ++i)
            if (named[i].reason.find(reason) != std::string::npos || reason.find(named[i].reason) != std::string::npos)
                which = i;
        if (!which) {
            diagnostic& d = error(codes::not_allowed, e.value_range,
                                  quoted(reason) + " is none of the exemptions the rubric names for " + quoted(e.key));
            for (const auto& x : named)
                d.note("the rubric names " + quoted(x.reason));
            return;
        }
        if (named[*which].effect == ast::exempt_effect::not_applicable &&
            p_.nodes[node].not_applicable == ast::na_effect::forbidden) {
            error(codes::not_allowed, e.key_range,
                  "the exemption makes " + quoted(e.key) + " not applicable, which the rubric does not allow");
            return;
        }
        state_->nodes[node].exemption = which;
        if (state_->set_aside[node] != detail::set_aside_as::not_applicable)
            state_->set_aside[node] = named[*which].effect == ast::exempt_effect::not_applicable
                                          ? detail::set_aside_as::not_applicable
                                          : detail::set_aside_as::exempt;
        state_->nodes[node].exemption_reason = reason;
    }

    void judged(const value_entry& e, std::size_t node) {
        const detail::plan::node& n = p_.nodes[node];
        if (!n.has_judged_rule) {
            error(codes::not_allowed, e.key_range,
                  quoted(e.key) + " is scored by its rule, not by the evaluator (评定), so no score can be given");
            return;
        }
        const std::optional<decimal> v =
            read(e, e.text, checker::value_type::points(), {}, e.key + " 的评定得分");
        if (!v) return;
        if (n.reason_required && e.reason.empty()) {
            error(codes::judged_range, e.value_range,
                  "the rubric requires a reason beside the score of " + quoted(e.key) + " (须附理由)");
            return;
        }
        if (n.weight && (v->sign() < 0 || *v > *n.weight)) {
            error(codes::judged_range, e.value_range,
                  "the score " + quoted(e.text) + " is outside [0, " + n.weight->to_string() + "], the weight of " +
                      quoted(e.key));
            return;
        }
        if (const detail::plan::subject* s = subject_of(node); s && n.weight)
            if (const auto* rule = std::get_if<detail::plan::judged>(&p_.rules[s->rule]); rule && rule->within)
                if (!detail::in_constant_range(p_, *rule->within, rule->of_weight ? *v / *n.weight : *v)) {
                    error(codes::judged_range, e.value_range,
                          "the score " + quoted(e.text) + " is outside the range " + rule->within->text +
                              (rule->of_weight ? " of the weight" : "") + " the rubric gives " + quoted(e.key));
                    return;
                }
        state_->nodes[node].judged = *v;
        state_->nodes[node].judged_reason = e.reason;
    }

    void choice(const value_entry& e, std::size_t node) {
        if (p_.nodes[node].combine != ast::combine_mode::one_of) {
            error(codes::not_allowed, e.key_range,
                  quoted(e.key) + " does not score one item of several (汇总 择一), so there is nothing to choose");
            return;
        }
        std::vector<std::string> names;
        for (std::size_t child : p_.info[node].children) {
            names.push_back(p_.info[child].name);
            if (p_.info[child].name == e.text) {
                state_->nodes[node].choice = child;
                return;
            }
        }
        diagnostic& d = error(codes::unknown_choice, e.value_range,
                              quoted(e.key) + " has no item " + quoted(e.text));
        if (const auto near = checker::closest(e.text, names)) d.note("did you mean " + quoted(*near) + "?");
    }

    // 总分 and 等级 among the claims; false for a claim of a node.
    bool claimed_total_or_grade(const value_entry& e) {
        constexpr std::size_t total_key = SIZE_MAX, grade_key = SIZE_MAX - 1;
        if (e.key == "总分" || e.key == "total") {
            if (!first_time(e.kind, total_key, e)) return true;
            if (const std::optional<decimal> v = read(e, e.text, checker::value_type::points(), {}, "总分"))
                state_->claimed_total = detail::claim{*v, e.text, e.value_range};
            return true;
        }
        if (e.key != "等级" && e.key != "grade") return false;
        if (!first_time(e.kind, grade_key, e)) return true;
        for (std::size_t g = 0; g < p_.grade_names.size(); ++g)
            if (p_.grade_names[g] == e.text) {
                state_->claimed_grade = g;
                state_->claimed_grade_where = e.value_range;
                return true;
            }
        diagnostic& d = error(codes::unknown_grade, e.value_range, "the rubric has no grade " + quoted(e.text));
        if (const auto near = checker::closest(e.text, p_.grade_names)) d.note("did you mean " + quoted(*near) + "?");
        return true;
    }

    void claimed(const value_entry& e, std::size_t node) {
        if (const std::optional<decimal> v = read(e, e.text, checker::value_type::points(), {}, e.key + " 的自评得分"))
            state_->claims[node] = detail::claim{*v, e.text, e.value_range};
    }

    void category(const value_entry& e) {
        for (std::size_t set = 0; set < p_.category_sets.size(); ++set) {
            if (p_.category_sets[set].first != e.key) continue;
            if (!first_time(e.kind, set, e)) return;
            const std::vector<std::string>& categories = p_.category_sets[set].second;
            for (std::size_t c = 0; c < categories.size(); ++c)
                if (categories[c] == e.text) {
                    state_->categories[set] = c;
                    return;
                }
            diagnostic& d = error(codes::unknown_category, e.value_range,
                                  quoted(e.key) + " has no category " + quoted(e.text));
            if (const auto near = checker::closest(e.text, categories)) d.note("did you mean " + quoted(*near) + "?");
            return;
        }
        std::vector<std::string> sets;
        for (const auto& [name, categories] : p_.category_sets)
            sets.push_back(name);
        diagnostic& d = error(codes::unknown_category, e.key_range, "the rubric has no category set " + quoted(e.key));
        if (const auto near = checker::closest(e.key, sets)) d.note("did you mean " + quoted(*near) + "?");
    }

    const compiled_rubric& rubric_;
    const program& p_;
    const unit_values& values_;
    checker::unit_table units_;
    std::map<std::string, std::size_t, std::less<>> slots_;
    std::map<std::pair<value_kind, std::size_t>, source_range> seen_;
    diagnostic_list diagnostics_;
    detail::unit_state* state_ = nullptr;
};

} // namespace

bind_result bind(const compiled_rubric& rubric, const unit_values& values) {
    return binder(rubric, values).run();
}

} // namespace rubric

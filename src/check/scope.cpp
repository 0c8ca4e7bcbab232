// scope.cpp — entering named rules, walking nested rule bodies, and reading constants.
#include "check/scope.hpp"

#include "check/overloaded.hpp"

#include <algorithm>
#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>

namespace rubric::checker {
namespace {

// README §18: named rules using named rules, 16 deep.
constexpr std::size_t max_rule_depth = 16;

std::string path_text(const ast::path& p) {
    std::string out;
    for (const ast::name& part : p.parts)
        out += (out.empty() ? "" : ".") + part.text;
    return out;
}

const ast::rule_body* nested(const ast::outcome& o) {
    if (const auto* n = boost::get<ast::nested_rule>(&o)) return &n->body.get();
    return nullptr;
}

} // namespace

const scope::binding* scope::find(std::string_view parameter) const {
    for (const binding& b : bindings_)
        if (b.name == parameter) return &b;
    return nullptr;
}

bool scope::reads(const ast::rule_def* def) const {
    for (const scope* s = this; s; s = s->caller_)
        if (s->rule_ == def) return true;
    return false;
}

std::size_t scope::depth() const {
    std::size_t n = 0;
    for (const scope* s = caller_; s; s = s->caller_)
        ++n;
    return n;
}

std::optional<entered_rule> enter(const checked_model& model, const ast::rule_call& call,
                                  const scope& caller) {
    const detail::rule_symbol* symbol = nullptr;
    if (const auto resolved = model.calls.find(&call); resolved != model.calls.end())
        symbol = resolved->second;
    else if (const auto found = model.rules.find(path_text(call.rule)); found != model.rules.end())
        symbol = &found->second;
    if (!symbol || !symbol->syntax || caller.reads(symbol->syntax) || caller.depth() >= max_rule_depth)
        return std::nullopt;

    const ast::rule_def& def = *symbol->syntax;
    const file_index file = symbol->where.file;
    std::vector<scope::binding> bindings;
    for (const ast::parameter& p : def.parameters)
        bindings.push_back({p.name.text, p.default_value ? &*p.default_value : nullptr, nullptr, file,
                            p.type ? &*p.type : nullptr});
    // Positional arguments fill the parameters in order; named ones (比例 = 20%) go to their parameter. Wrong
    // arguments are the names pass's to report (E0207); here they are simply not bound.
    std::size_t next = 0;
    for (const ast::argument& a : call.arguments) {
        scope::binding* target = nullptr;
        if (a.parameter) {
            for (scope::binding& b : bindings)
                if (b.name == a.parameter->text) target = &b;
        } else if (next < bindings.size()) {
            target = &bindings[next++];
        }
        if (target) {
            target->value = &a.value;
            target->where = &caller;
            target->file = caller.file();
        }
    }
    return entered_rule{symbol, scope(file, &def, &caller, {caller.file(), call.range}, std::move(bindings))};
}

void for_each_body(const checked_model& model, const ast::rule_body& body, const scope& where,
                   const std::function<void(const ast::rule_body&, const scope&)>& visit) {
    visit(body, where);
    const auto outcome = [&](const ast::outcome& o) {
        if (const ast::rule_body* inner = nested(o)) for_each_body(model, *inner, where, visit);
    };
    boost::apply_visitor(overloaded{
                             [&](const ast::band_table& t) {
                                 for (const ast::band& b : t.bands)
                                     outcome(b.result);
                             },
                             [&](const ast::case_table& t) {
                                 for (const ast::case_clause& c : t.cases)
                                     outcome(c.result);
                             },
                             [&](const ast::level_map& t) {
                                 for (const ast::level_outcome& l : t.levels)
                                     outcome(l.result);
                             },
                             [&](const ast::rule_call& c) {
                                 if (const std::optional<entered_rule> e = enter(model, c, where))
                                     for_each_body(model, e->symbol->syntax->body, e->inner, visit);
                             },
                             [](const auto&) {},
                         },
                         body.get());
}

constants::constants(const checked_model& model) : model_(model), units_(model.units) {}

std::optional<constant> constants::of(const ast::quantity& q, file_index file) const {
    const std::optional<unit> u = units_.resolve(q.unit);
    if (!u) return std::nullopt;
    value_type t = value_type::quantity(*u, q.unit);
    t.bare_zero = q.unit.empty() && q.value.is_zero();
    return constant{q.value * u->scale, std::move(t), source_text(model_, file, q.range), {file, q.range}};
}

std::optional<std::pair<const ast::expression*, scope>> constants::parameter(const ast::path& p,
                                                                             const scope& where) const {
    if (p.parts.size() != 1) return std::nullopt;
    const scope::binding* b = where.find(p.parts.front().text);
    if (!b || !b->value) return std::nullopt;
    return std::pair<const ast::expression*, scope>(b->value, b->where ? *b->where : scope(b->file));
}

std::optional<constant> constants::of(const ast::atom& a, const scope& where) const {
    if (const auto* q = boost::get<ast::quantity>(&a)) return of(*q, where.file());
    if (const auto bound = parameter(boost::get<ast::path>(a), where))
        return of(*bound->first, bound->second);
    return std::nullopt;
}

std::optional<constant> constants::of(const ast::expression& e, const scope& where) const {
    const detail::origin here{where.file(), ast::range_of(e)};
    const auto with_text = [&](std::optional<constant> c) {
        if (c) {
            c->text = source_text(model_, here.file, here.range);
            c->where = here;
        }
        return c;
    };
    return boost::apply_visitor(
        overloaded{
            [&](const ast::quantity& q) { return of(q, where.file()); },
            [&](const ast::date& d) -> std::optional<constant> {
                const std::optional<long> day = day_number(d.year, d.month, d.day);
                if (!day) return std::nullopt;
                return constant{decimal(*day), value_type::of_kind(type_kind::date),
                                source_text(model_, here.file, d.range), here};
            },
            [&](const ast::path& p) -> std::optional<constant> {
                if (const auto bound = parameter(p, where)) return of(*bound->first, bound->second);
                return std::nullopt;
            },
            [&](const ast::x3::forward_ast<ast::unary>& u) -> std::optional<constant> {
                std::optional<constant> operand = of(u.get().operand, where);
                if (!operand || u.get().op == ast::unary_op::not_ || !operand->type.is_quantity())
                    return std::nullopt;
                if (u.get().op == ast::unary_op::negate) operand->value = -operand->value;
                return with_text(std::move(operand));
            },
            [&](const ast::x3::forward_ast<ast::binary>& b) -> std::optional<constant> {
                std::optional<constant> left = of(b.get().left, where);
                std::optional<constant> right = of(b.get().right, where);
                if (!left || !right || !left->type.is_quantity() || !right->type.is_quantity())
                    return std::nullopt;
                constant out = *left;
                switch (b.get().op) {
                case ast::binary_op::add:
                case ast::binary_op::subtract:
                    if (!compatible(left->type, right->type)) return std::nullopt;
                    if (left->type.bare_zero) out.type = right->type;
                    out.value = b.get().op == ast::binary_op::add ? left->value + right->value
                                                                  : left->value - right->value;
                    break;
                case ast::binary_op::multiply:
                case ast::binary_op::divide: {
                    const bool divide = b.get().op == ast::binary_op::divide;
                    if (divide && right->value.is_zero()) return std::nullopt;
                    out.value = divide ? left->value / right->value : left->value * right->value;
                    const dimension dim =
                        divide ? left->type.dim / right->type.dim : left->type.dim * right->type.dim;
                    if (dim != left->type.dim) {
                        out.type = value_type::ratio(false);
                        out.type.dim = dim;
                        out.type.measure = dim.is_ratio() ? unit_kind::ratio : unit_kind::compound;
                    }
                    out.type.bare_zero = false;
                    break;
                }
                default:
                    return std::nullopt;
                }
                return with_text(std::move(out));
            },
            [](const auto&) -> std::optional<constant> { return std::nullopt; },
        },
        e.get());
}

std::optional<span> constants::span_of(const ast::interval& r, const scope& where,
                                       const value_type& expected) const {
    const std::optional<constant> lower = of(r.lower, where);
    const std::optional<constant> upper = of(r.upper, where);
    if (!lower || !upper || !compatible(lower->type, expected) || !compatible(upper->type, expected))
        return std::nullopt;
    return span{endpoint::at(lower->value, r.lower_closed, lower->text),
                endpoint::at(upper->value, r.upper_closed, upper->text)};
}

std::optional<span> constants::span_of(const ast::threshold& r, const scope& where,
                                       const value_type& expected) const {
    const std::optional<constant> bound = of(r.value, where);
    if (!bound || !compatible(bound->type, expected)) return std::nullopt;
    const auto at = [&](bool closed) { return endpoint::at(bound->value, closed, bound->text); };
    switch (r.op) {
    case ast::comparison_op::ge:
        return span{at(true), endpoint::infinite()};
    case ast::comparison_op::gt:
        return span{at(false), endpoint::infinite()};
    case ast::comparison_op::le:
        return span{endpoint::infinite(), at(true)};
    case ast::comparison_op::lt:
        return span{endpoint::infinite(), at(false)};
    case ast::comparison_op::eq:
        return span{at(true), at(true)};
    case ast::comparison_op::ne:
        break;
    }
    return std::nullopt;
}

std::optional<span> constants::span_of(const ast::value_range& r, const scope& where,
                                       const value_type& expected) const {
    if (const auto* i = boost::get<ast::interval>(&r)) return span_of(*i, where, expected);
    return span_of(boost::get<ast::threshold>(r), where, expected);
}

std::string source_text(const checked_model& model, file_index file, source_range range) {
    if (file >= model.sources.size()) return {};
    return std::string(model.sources[file].text(range));
}

source_range leading_word(const checked_model& model, file_index file, source_range range) {
    const std::string_view text =
        file < model.sources.size() ? model.sources[file].text(range) : std::string_view();
    std::size_t end = 0;
    while (end < text.size()) {
        const char c = text[end];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '{' || c == '(' || c == ':' || c == ',' ||
            c == ';' || text.substr(end).starts_with("\u3000") || text.substr(end).starts_with("（") ||
            text.substr(end).starts_with("：") || text.substr(end).starts_with("，"))
            break;
        ++end;
    }
    return {range.begin, range.begin + (end == 0 ? text.size() : end)};
}

} // namespace rubric::checker

namespace rubric::checker {

source_range word_before_colon(const checked_model& model, file_index file, std::size_t offset) {
    const std::string_view text =
        file < model.sources.size() ? model.sources[file].text() : std::string_view();
    std::size_t end = std::min(offset, text.size());
    // Back over white space and the colon (ASCII or full width), then over the word.
    const auto skip = [&](std::string_view what) {
        if (end >= what.size() && text.substr(end - what.size(), what.size()) == what) {
            end -= what.size();
            return true;
        }
        return false;
    };
    while (skip(" ") || skip("\t") || skip("\n") || skip("\r") || skip("\u3000")) {
    }
    if (!skip(":")) skip("：");
    while (skip(" ") || skip("\t") || skip("\n") || skip("\r") || skip("\u3000")) {
    }
    std::size_t begin = end;
    while (begin > 0) {
        const char c = text[begin - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '{' || c == ',' || c == ';' || c == '(' ||
            text.substr(0, begin).ends_with("，") || text.substr(0, begin).ends_with("；") ||
            text.substr(0, begin).ends_with("、") || text.substr(0, begin).ends_with("\u3000"))
            break;
        --begin;
    }
    return {begin, end};
}

} // namespace rubric::checker

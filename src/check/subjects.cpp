// subjects.cpp — listing the indicators and items that rules score, with the file of each of their parts.
#include "check/subjects.hpp"

#include <boost/variant/get.hpp>

namespace rubric::checker {
namespace {

template <class Clause>
located<Clause> find_clause(const std::vector<ast::item_clause>& clauses, file_index file) {
    for (const ast::item_clause& c : clauses)
        if (const auto* found = boost::get<Clause>(&c)) return {found, file};
    return {};
}

detail::node_kind block_of(const checked_model& model, std::size_t index) {
    for (std::optional<std::size_t> at = index; at; at = model.nodes[*at].parent) {
        const detail::node_kind kind = model.nodes[*at].kind;
        if (kind == detail::node_kind::bonus || kind == detail::node_kind::penalty) return kind;
    }
    return detail::node_kind::group;
}

} // namespace

std::vector<subject> scored_subjects(const checked_model& model) {
    std::vector<subject> out;
    for (std::size_t index = 0; index < model.nodes.size(); ++index) {
        const detail::node& n = model.nodes[index];
        if (n.kind != detail::node_kind::indicator || !n.indicator) continue;
        subject whole;
        whole.node = index;
        whole.name = n.name;
        whole.where = n.where;
        whole.block = block_of(model, index);
        std::vector<std::pair<const ast::item*, file_index>> items;
        for (std::size_t i = 0; i < n.indicator->items.size(); ++i) {
            const file_index file = i < n.item_files.size() ? n.item_files[i] : n.where.file;
            const ast::indicator_item& clause = n.indicator->items[i];
            if (const auto* v = boost::get<ast::value_clause>(&clause))
                whole.value = {v, file};
            else if (const auto* t = boost::get<ast::target_clause>(&clause))
                whole.target = {t, file};
            else if (const auto* r = boost::get<ast::rule_clause>(&clause))
                whole.rule = {r, file};
            else if (const auto* row = boost::get<ast::item>(&clause))
                items.emplace_back(row, file);
        }
        if (items.empty()) {
            out.push_back(std::move(whole));
            continue;
        }
        // Each item is scored as if it had the indicator's whole weight, by its own rule or the indicator's.
        for (const auto& [row, file] : items) {
            subject part;
            part.node = index;
            part.item = row;
            part.name = n.name + "." + row->name.text;
            part.where = {file, row->name.range};
            part.block = whole.block;
            part.value = find_clause<ast::value_clause>(row->clauses, file);
            part.target = find_clause<ast::target_clause>(row->clauses, file);
            part.rule = find_clause<ast::rule_clause>(row->clauses, file);
            if (!part.rule) part.rule = whole.rule;
            out.push_back(std::move(part));
        }
    }
    return out;
}

std::vector<weight_case> weights_of(const checked_model& model, const subject& s) {
    const detail::node& n = model.nodes[s.node];
    if (n.weight) return {{"", *n.weight}};
    std::vector<weight_case> out;
    for (const auto& [category, points] : n.category_weights)
        out.push_back({category, points});
    return out;
}

std::optional<std::string> value_input(const checked_model& model, const subject& s) {
    if (!s.value) return std::nullopt;
    if (s.value->input) return s.value->input->text;
    if (s.value->formula)
        if (const auto* p = boost::get<ast::path>(&*s.value->formula);
            p && p->parts.size() == 1 && model.inputs.contains(p->parts[0].text))
            return p->parts[0].text;
    return std::nullopt;
}

std::string value_name(const checked_model& model, const subject& s) {
    if (const std::optional<std::string> input = value_input(model, s)) return "“" + *input + "”";
    return "the value of “" + s.name + "”";
}

span value_domain(const checked_model& model, const subject& s) {
    if (const std::optional<std::string> input = value_input(model, s))
        if (const auto found = model.input_domains.find(*input); found != model.input_domains.end())
            return found->second;
    return span::everything();
}

value_type value_type_of(const checked_model& model, const subject& s) {
    if (s.value)
        if (const auto found = model.value_types.find(s.value.syntax); found != model.value_types.end())
            return found->second;
    return {};
}

} // namespace rubric::checker

// subjects.hpp — what each rule scores: every indicator, or each item of an indicator with items, with its
// value, target, rule and weight, and the file each part is written in (an override may amend a template's
// indicator from another file). The type, rule and policy passes all walk these.
#pragma once

#include "check/context.hpp"
#include "check/intervals.hpp"
#include "check/units.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rubric::checker {

/// A clause and the file it is written in.
template <class T>
struct located {
    const T* syntax = nullptr;
    file_index file = 0;

    explicit operator bool() const noexcept { return syntax != nullptr; }
    const T& operator*() const noexcept { return *syntax; }
    const T* operator->() const noexcept { return syntax; }
};

/// An indicator without items, or one item of an indicator with items: what a rule scores.
struct subject {
    std::size_t node = 0;            ///< the indicator, in model.nodes
    const ast::item* item = nullptr; ///< the item, for an indicator with items
    std::string name; ///< “数量” or, for an item, “数量.聘请专家人数” (without the quotes)
    detail::origin where; ///< the indicator's or the item's name
    located<ast::value_clause> value;
    located<ast::target_clause> target;
    located<ast::rule_clause> rule; ///< its own, or for an item without one, the indicator's
    detail::node_kind block = detail::node_kind::group; ///< bonus or penalty inside those blocks, else group
};

/// Every subject of the tree, indicators in tree order, each item after its indicator's earlier items.
std::vector<subject> scored_subjects(const checked_model& model);

/// A weight the subject is scored under: its indicator's points, or one per category of unit.
struct weight_case {
    std::string category; ///< empty for a weight in points
    decimal points;
};
/// Empty when the indicator has no weight (the weights pass reports it).
std::vector<weight_case> weights_of(const checked_model& model, const subject& s);

/// The input the subject's value is (`取值 名: 类型`, or `取值 名` naming an input), if it is one.
std::optional<std::string> value_input(const checked_model& model, const subject& s);
/// The value for a message: “支出进度率” (the input it is) or the value of “指标”.
std::string value_name(const checked_model& model, const subject& s);
/// The values the subject's value can take: its input's 范围 or its type's default domain (README §7.1).
span value_domain(const checked_model& model, const subject& s);
/// The subject's value type, as the types pass inferred it (unknown when there is no value).
value_type value_type_of(const checked_model& model, const subject& s);

} // namespace rubric::checker

// actions.hpp — semantic actions that fill an AST node member by member, where Fusion adaptation does not fit
// (optional parts, alternatives that set different members, keywords that stand for a value).
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <utility>

namespace rubric::syntax::parser {

namespace x3 = boost::spirit::x3;

/// `p[set<&node::member>]`: the rule's node gets p's attribute in `member`.
template <auto Member>
struct set_member {
    template <typename Context>
    void operator()(const Context& context) const {
        x3::_val(context).*Member = std::move(x3::_attr(context));
    }
};
template <auto Member>
inline constexpr set_member<Member> set{};

/// `p[push<&node::member>]`: p's attribute is appended to the container `member`.
template <auto Member>
struct push_member {
    template <typename Context>
    void operator()(const Context& context) const {
        (x3::_val(context).*Member).push_back(std::move(x3::_attr(context)));
    }
};
template <auto Member>
inline constexpr push_member<Member> push{};

/// `kw(…)[set_to<&node::member, value>]`: a keyword that stands for a value.
template <auto Member, auto Value>
struct set_constant {
    template <typename Context>
    void operator()(const Context& context) const {
        x3::_val(context).*Member = Value;
    }
};
template <auto Member, auto Value>
inline constexpr set_constant<Member, Value> set_to{};

} // namespace rubric::syntax::parser

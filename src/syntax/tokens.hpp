// tokens.hpp — X3 parsers for the TOKEN rules (keywords, names, strings, numbers, punctuation) and the
// directives the grammar wraps around them (brackets with nesting limits, formula scopes, descriptions).
//
// Every parser here skips white space before its token, as X3's own primitives do, and says in words what
// it expects (x3::what), so an expectation failure reads "expected `:`", never an X3 type name.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/keywords.hpp"
#include "syntax/lexical.hpp"
#include "syntax/parse_state.hpp"
#include "syntax/token_readers.hpp"

#include <boost/spirit/home/x3.hpp>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace rubric::syntax::parser {

namespace x3 = boost::spirit::x3;

template <typename Context>
parse_state& state_of(const Context& context) {
    return x3::get<parse_state_tag>(context);
}

/// Where the next token starts: after white space and comments (what the skipper in the context skips,
/// remembered in the parse_state).
template <typename Context>
const char* token_start(const char* first, const char*, const Context& context) {
    return tokens::skip(state_of(context), first);
}

/// Base of the parsers that describe themselves in words for messages (see get_info below).
struct described {
    std::string_view description;
};

/// SKIP: white space (also U+3000) and comments.
struct skipper_parser : x3::parser<skipper_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context&, RContext&, Attribute&) const {
        const char* p = tokens::skip(first, last);
        if (p == first) return false;
        first = p;
        return true;
    }
};
inline constexpr skipper_parser skipper{};

/// A token read by a function of token_readers.hpp into its AST node.
template <typename Node, bool (*Read)(const parse_state&, const char*&, Node&)>
struct token_parser : x3::parser<token_parser<Node, Read>>, described {
    using attribute_type = Node;
    static bool const has_attribute = true;

    constexpr explicit token_parser(std::string_view words) : described{words} {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&,
               Attribute& attr) const {
        const char* p = token_start(first, last, context);
        Node node;
        if (!Read(state_of(context), p, node)) return false;
        x3::traits::move_to(std::move(node), attr);
        first = p;
        return true;
    }
};

/// One keyword, as a whole word.
struct keyword_parser : x3::parser<keyword_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    keyword kw;

    constexpr explicit keyword_parser(keyword k) : kw(k) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute&) const {
        const char* p = token_start(first, last, context);
        const char* word_end = nullptr;
        const auto found = tokens::keyword_at(state_of(context), p, word_end);
        if (!found || *found != kw) return false;
        first = word_end;
        return true;
    }
};
constexpr keyword_parser kw(keyword k) {
    return keyword_parser(k);
}

template <typename E>
struct keyword_option {
    keyword kw;
    E value;
};

/// One of several keywords, giving the value it stands for.
template <typename E>
struct keyword_choice_parser : x3::parser<keyword_choice_parser<E>>, described {
    using attribute_type = E;
    static bool const has_attribute = true;
    std::span<const keyword_option<E>> options;

    constexpr keyword_choice_parser(std::span<const keyword_option<E>> o, std::string_view words)
        : described{words}, options(o) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&,
               Attribute& attr) const {
        const char* p = token_start(first, last, context);
        const char* word_end = nullptr;
        const auto found = tokens::keyword_at(state_of(context), p, word_end);
        if (!found) return false;
        for (const auto& option : options)
            if (option.kw == *found) {
                x3::traits::move_to(option.value, attr);
                first = word_end;
                return true;
            }
        return false;
    }
};

/// One of several keywords, giving a tagged node whose `Member` is the value the keyword stands for.
template <typename Node, typename E, E Node::*Member>
struct keyword_node_parser : x3::parser<keyword_node_parser<Node, E, Member>>, described {
    using attribute_type = Node;
    static bool const has_attribute = true;
    std::span<const keyword_option<E>> options;

    constexpr keyword_node_parser(std::span<const keyword_option<E>> o, std::string_view words)
        : described{words}, options(o) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&,
               Attribute& attr) const {
        const char* p = token_start(first, last, context);
        const char* word_end = nullptr;
        const auto found = tokens::keyword_at(state_of(context), p, word_end);
        if (!found) return false;
        for (const auto& option : options)
            if (option.kw == *found) {
                Node node;
                node.*Member = option.value;
                node.range = state_of(context).range(p, word_end);
                x3::traits::move_to(std::move(node), attr);
                first = word_end;
                return true;
            }
        return false;
    }
};

/// A punctuation token with its full-width twins (`:` or `：`).
struct punct_parser : x3::parser<punct_parser>, described {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    std::span<const std::string_view> spellings;

    constexpr punct_parser(std::span<const std::string_view> s, std::string_view words)
        : described{words}, spellings(s) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute&) const {
        const char* p = token_start(first, last, context);
        if (!tokens::read_punctuation(p, last, spellings)) return false;
        first = p;
        return true;
    }
};

template <typename E>
struct punct_option {
    std::string_view text;
    E value;
};

/// One of several punctuation tokens (operators), giving the value it stands for. Longer spellings first.
template <typename E>
struct punct_choice_parser : x3::parser<punct_choice_parser<E>>, described {
    using attribute_type = E;
    static bool const has_attribute = true;
    std::span<const punct_option<E>> options;

    constexpr punct_choice_parser(std::span<const punct_option<E>> o, std::string_view words)
        : described{words}, options(o) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&,
               Attribute& attr) const {
        const char* p = token_start(first, last, context);
        for (const auto& option : options)
            if (p != last && *p == option.text.front() &&
                static_cast<std::size_t>(last - p) >= option.text.size() &&
                std::string_view(p, option.text.size()) == option.text) {
                x3::traits::move_to(option.value, attr);
                first = p + option.text.size();
                return true;
            }
        return false;
    }
};

/// The whole right-hand side of a rule whose node is filled by semantic actions (set, push, fold, …).
/// X3 hands on_success no attribute for a rule whose right-hand side has actions; hiding them here lets
/// the rule's on_success tag the node the actions built (`_val`, which actions reach through the rule
/// context, not through the attribute).
template <typename Subject>
struct built_directive : x3::unary_parser<Subject, built_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, built_directive<Subject>>;
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    static bool const has_action = false;

    constexpr explicit built_directive(const Subject& s) : base_type(s) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext,
               Attribute&) const {
        return this->subject.parse(first, last, context, rcontext, x3::unused);
    }
};
struct built_gen {
    template <typename Subject>
    constexpr built_directive<typename x3::extension::as_parser<Subject>::value_type>
    operator[](const Subject& subject) const {
        return built_directive<typename x3::extension::as_parser<Subject>::value_type>(
            x3::as_parser(subject));
    }
};
inline constexpr built_gen built{};

/// Describes its subject in words for messages: named("a band")[band % sep].
template <typename Subject>
struct named_directive : x3::unary_parser<Subject, named_directive<Subject>>, described {
    using base_type = x3::unary_parser<Subject, named_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;

    constexpr named_directive(const Subject& s, std::string_view words) : base_type(s), described{words} {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext,
               Attribute& attr) const {
        return this->subject.parse(first, last, context, rcontext, attr);
    }
};
struct named_gen {
    std::string_view words;
    template <typename Subject>
    constexpr named_directive<typename x3::extension::as_parser<Subject>::value_type>
    operator[](const Subject& subject) const {
        return {x3::as_parser(subject), words};
    }
};
constexpr named_gen named(std::string_view words) {
    return {words};
}

[[noreturn]] void throw_too_deep(const parse_state& state, const char* first, const char* last);
[[noreturn]] void throw_nodes_too_deep(const parse_state& state, const char* first, const char* last);
[[noreturn]] void throw_too_many_nodes(const parse_state& state, const char* first, const char* last);
[[noreturn]] void throw_unclosed(const parse_state& state, std::string_view construct,
                                 std::string_view contents, std::string_view closer, const char* open_first,
                                 const char* open_last, const char* found);
[[noreturn]] void throw_formula_too_long(const parse_state& state, const char* where);
[[noreturn]] void throw_chained_comparison(const parse_state& state, const char* first, const char* last);

/// Counts brackets open at once against limits.max_nesting, so deep nesting is a diagnostic, never a
/// stack overflow.
struct depth_guard {
    parse_state& state;
    depth_guard(parse_state& s, const char* first, const char* last) : state(s) {
        if (state.depth >= state.limits.max_nesting) throw_too_deep(state, first, last);
        ++state.depth;
    }
    ~depth_guard() { --state.depth; }
    depth_guard(const depth_guard&) = delete;
    depth_guard& operator=(const depth_guard&) = delete;
};

/// `open subject close`: a missing `close` names the construct and points at its `open`
/// ("expected `}` to close the group opened at line 3"); `subject` failing after `open` is an
/// expectation failure.
template <typename Subject>
struct enclosed_directive : x3::unary_parser<Subject, enclosed_directive<Subject>>, described {
    using base_type = x3::unary_parser<Subject, enclosed_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;
    punct_parser open;
    punct_parser close;
    std::string_view construct; ///< what the brackets belong to: "group", "bands", "parenthesis"
    std::string_view contents;  ///< what may be written inside, for the note when `close` is missing
    bool is_node;               ///< the body of a group or indicator (counted against max_node_depth)

    constexpr enclosed_directive(const Subject& s, punct_parser o, punct_parser c, std::string_view what,
                                 std::string_view inside, bool node)
        : base_type(s), described{o.description}, open(o), close(c), construct(what), contents(inside),
          is_node(node) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext,
               Attribute& attr) const {
        auto& state = state_of(context);
        const char* open_first = token_start(first, last, context);
        const char* p = open_first;
        if (!tokens::read_punctuation(p, last, open.spellings)) return false;
        const char* open_last = p;
        depth_guard guard(state, open_first, open_last);
        if (is_node && state.node_depth >= state.limits.max_node_depth)
            throw_nodes_too_deep(state, open_first, open_last);
        if (is_node && ++state.node_count > state.limits.max_nodes)
            throw_too_many_nodes(state, open_first, open_last);
        struct node_guard {
            parse_state& s;
            bool counts;
            ~node_guard() {
                if (counts) --s.node_depth;
            }
        } nodes{state, is_node};
        if (is_node) ++state.node_depth;
        if (!this->subject.parse(p, last, context, rcontext, attr))
            boost::throw_exception(x3::expectation_failure<Iterator>(p, x3::what(this->subject)));
        const char* close_first = token_start(p, last, context);
        p = close_first;
        if (!tokens::read_punctuation(p, last, close.spellings))
            throw_unclosed(state, construct, contents, close.description, open_first, open_last, close_first);
        first = p;
        return true;
    }
};
struct enclosed_gen {
    punct_parser open;
    punct_parser close;
    std::string_view construct;
    std::string_view contents;
    bool is_node = false;
    template <typename Subject>
    constexpr enclosed_directive<typename x3::extension::as_parser<Subject>::value_type>
    operator[](const Subject& subject) const {
        return {x3::as_parser(subject), open, close, construct, contents, is_node};
    }
};

/// A formula: its operands and operators are counted against limits.max_formula_tokens (parentheses and
/// calls inside it belong to the same formula).
template <typename Subject>
struct formula_directive : x3::unary_parser<Subject, formula_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, formula_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;

    constexpr explicit formula_directive(const Subject& s) : base_type(s) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext,
               Attribute& attr) const {
        auto& state = state_of(context);
        if (state.formula_depth == 0) state.formula_tokens = 0;
        ++state.formula_depth;
        struct leave {
            parse_state& s;
            ~leave() { --s.formula_depth; }
        } on_exit{state};
        return this->subject.parse(first, last, context, rcontext, attr);
    }
};
struct formula_gen {
    template <typename Subject>
    constexpr formula_directive<typename x3::extension::as_parser<Subject>::value_type>
    operator[](const Subject& subject) const {
        return formula_directive<typename x3::extension::as_parser<Subject>::value_type>(
            x3::as_parser(subject));
    }
};
inline constexpr formula_gen formula{};

/// Counts one operand or operator of the formula being read (from a semantic action).
template <typename Context>
void count_formula_token(const Context& context, const char* where) {
    auto& state = state_of(context);
    if (++state.formula_tokens > state.limits.max_formula_tokens) throw_formula_too_long(state, where);
}

// ---- Token readers with their options fixed, for token_parser.
inline bool read_path_with_strings(const parse_state& s, const char*& p, ast::path& out) {
    return tokens::read_path(s, p, out, true);
}
inline bool read_qualified_name(const parse_state& s, const char*& p, ast::path& out) {
    return tokens::read_path(s, p, out, false);
}
inline bool read_unsigned_quantity(const parse_state& s, const char*& p, ast::quantity& out) {
    return tokens::read_quantity(s, p, out, false);
}
inline bool read_signed_quantity(const parse_state& s, const char*& p, ast::quantity& out) {
    return tokens::read_quantity(s, p, out, true);
}

// ---- The tokens of grammar/rubric.ebnf section 7.
inline constexpr token_parser<ast::name, tokens::read_identifier> identifier{"a name"};
inline constexpr token_parser<ast::name, tokens::read_name> name{"a name"};
inline constexpr token_parser<ast::name, tokens::read_digits_name> digits_name{"a number"};
inline constexpr token_parser<ast::path, read_path_with_strings> path{"a name"};
inline constexpr token_parser<ast::path, read_qualified_name> qualified_name{"a name"};
inline constexpr token_parser<ast::text, tokens::read_string> string{"a string in quotes"};
inline constexpr token_parser<ast::text, tokens::read_text> text{"a string in quotes"};
inline constexpr token_parser<ast::quantity, read_unsigned_quantity> quantity{"a number"};
inline constexpr token_parser<ast::quantity, read_signed_quantity> signed_quantity{"a number"};
inline constexpr token_parser<ast::digits, tokens::read_digits> digits{"a whole number"};
inline constexpr token_parser<ast::date, tokens::read_date> date{"a date"};
inline constexpr token_parser<ast::unit_name, tokens::read_unit> unit{"a unit (元, 万元, 人, 个, …)"};

namespace spellings {
inline constexpr std::string_view sep[] = {",", "，", "、", ";", "；"};
inline constexpr std::string_view comma[] = {",", "，"};
inline constexpr std::string_view colon[] = {":", "："};
inline constexpr std::string_view lparen[] = {"(", "（"};
inline constexpr std::string_view rparen[] = {")", "）"};
inline constexpr std::string_view eq[] = {"=", "＝"};
inline constexpr std::string_view lbrace[] = {"{"};
inline constexpr std::string_view rbrace[] = {"}"};
inline constexpr std::string_view lbracket[] = {"["};
inline constexpr std::string_view rbracket[] = {"]"};
inline constexpr std::string_view bar[] = {"|"};
inline constexpr std::string_view dot[] = {"."};
inline constexpr std::string_view minus[] = {"-"};
} // namespace spellings

inline constexpr punct_parser sep{spellings::sep, "`,` or `;`"};
inline constexpr punct_parser comma{spellings::comma, "`,`"};
inline constexpr punct_parser colon{spellings::colon, "`:`"};
inline constexpr punct_parser lparen{spellings::lparen, "`(`"};
inline constexpr punct_parser rparen{spellings::rparen, "`)`"};
inline constexpr punct_parser eq{spellings::eq, "`=`"};
inline constexpr punct_parser lbrace{spellings::lbrace, "`{`"};
inline constexpr punct_parser rbrace{spellings::rbrace, "`}`"};
inline constexpr punct_parser lbracket{spellings::lbracket, "`[`"};
inline constexpr punct_parser rbracket{spellings::rbracket, "`]`"};
inline constexpr punct_parser bar{spellings::bar, "`|`"};
inline constexpr punct_parser minus{spellings::minus, "`-`"};

/// `{ … }` around the body of `construct` ("group", "bands", …); `contents` says what goes inside.
constexpr enclosed_gen braces(std::string_view construct, std::string_view contents = {}) {
    return {lbrace, rbrace, construct, contents, false};
}
/// The braces of a group or indicator body: also counted against max_node_depth.
constexpr enclosed_gen node_braces(std::string_view construct, std::string_view contents) {
    return {lbrace, rbrace, construct, contents, true};
}
/// `( … )`, ASCII or full width.
constexpr enclosed_gen parens(std::string_view construct) {
    return {lparen, rparen, construct, {}, false};
}

inline constexpr punct_option<ast::comparison_op> comparison_ops[] = {
    {">=", ast::comparison_op::ge}, {"≥", ast::comparison_op::ge}, {"≧", ast::comparison_op::ge},
    {"<=", ast::comparison_op::le}, {"≤", ast::comparison_op::le}, {"≦", ast::comparison_op::le},
    {"!=", ast::comparison_op::ne}, {"≠", ast::comparison_op::ne}, {"=", ast::comparison_op::eq},
    {"＝", ast::comparison_op::eq}, {">", ast::comparison_op::gt}, {"＞", ast::comparison_op::gt},
    {"<", ast::comparison_op::lt},  {"＜", ast::comparison_op::lt}};
inline constexpr punct_choice_parser<ast::comparison_op> comparison_op{comparison_ops,
                                                                       "a comparison (≥, ≤, =, ≠, >, <)"};

} // namespace rubric::syntax::parser

namespace boost::spirit::x3 {

template <typename Parser>
struct get_info<Parser, std::enable_if_t<std::is_base_of_v<rubric::syntax::parser::described, Parser>>> {
    using result_type = std::string;
    std::string operator()(const Parser& p) const { return std::string(p.description); }
};

template <>
struct get_info<rubric::syntax::parser::keyword_parser> {
    using result_type = std::string;
    std::string operator()(const rubric::syntax::parser::keyword_parser& p) const {
        return rubric::syntax::describe(p.kw);
    }
};

} // namespace boost::spirit::x3

// Words for X3's composite parsers, so any expectation point reads well: a sequence expects its first
// part, an alternative any of its choices, a list or repetition its element, an action its subject.
namespace boost::spirit::x3 {

template <typename Left, typename Right>
struct get_info<sequence<Left, Right>> {
    using result_type = std::string;
    std::string operator()(const sequence<Left, Right>& p) const { return what(p.left); }
};
template <typename Left, typename Right>
struct get_info<alternative<Left, Right>> {
    using result_type = std::string;
    std::string operator()(const alternative<Left, Right>& p) const {
        return what(p.left) + " or " + what(p.right);
    }
};
template <typename Left, typename Right>
struct get_info<list<Left, Right>> {
    using result_type = std::string;
    std::string operator()(const list<Left, Right>& p) const { return what(p.left); }
};
template <typename Subject>
struct get_info<plus<Subject>> {
    using result_type = std::string;
    std::string operator()(const plus<Subject>& p) const { return what(p.subject); }
};
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};

} // namespace boost::spirit::x3

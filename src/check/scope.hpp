// scope.hpp — what the names in a rule body stand for where it is read: an indicator's own rule, or a named
// rule's body with its parameters bound to a call's arguments. Shared by the type, rule and policy passes,
// which read every body once per use (a named rule is checked against each indicator that uses it).
#pragma once

#include "check/context.hpp"
#include "check/intervals.hpp"
#include "check/units.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rubric::checker {

class scope {
public:
    /// A parameter's value: the call's argument or the parameter's default, read in `where`.
    struct binding {
        std::string name;
        const ast::expression* value = nullptr; ///< null when the call gives nothing and there is no default
        const scope* where = nullptr;           ///< the caller, for an argument; null for a default
        file_index file = 0;                    ///< the file `value` is written in
        const ast::type_spec* type = nullptr;   ///< the parameter's declared type, if any
    };

    /// The body of an indicator's or item's own rule, written in `file`.
    explicit scope(file_index file) : file_(file) {}
    /// The body of the named rule `rule`, written in `file`, entered by a call at `call` from `caller`.
    scope(file_index file, const ast::rule_def* rule, const scope* caller, detail::origin call,
          std::vector<binding> bindings)
        : file_(file), rule_(rule), caller_(caller), call_(call), bindings_(std::move(bindings)) {}

    file_index file() const noexcept { return file_; }
    /// The named rule whose body is read, or null for an indicator's own rule.
    const ast::rule_def* rule() const noexcept { return rule_; }
    const scope* caller() const noexcept { return caller_; }
    /// Where the call that entered this named rule is written (in the caller's file).
    detail::origin call() const noexcept { return call_; }
    const binding* find(std::string_view parameter) const;
    /// Whether `def` is being read here or by a caller: a named rule that uses itself.
    bool reads(const ast::rule_def* def) const;
    std::size_t depth() const;

private:
    file_index file_;
    const ast::rule_def* rule_ = nullptr;
    const scope* caller_ = nullptr;
    detail::origin call_{};
    std::vector<binding> bindings_;
};

/// A named rule entered from a call: its symbol and the scope its body is read in.
struct entered_rule {
    const detail::rule_symbol* symbol = nullptr;
    scope inner{0};
};

/// The named rule a call names, its parameters bound; nullopt for an unknown rule (the names pass reports
/// it), one that uses itself (reported there too) or a chain deeper than the language allows.
std::optional<entered_rule> enter(const checked_model& model, const ast::rule_call& call,
                                  const scope& caller);

/// Calls `visit` for `body` and for every rule body inside it: nested outcomes `{ … }` and the bodies of the
/// named rules it calls, each with the scope it is read in.
void for_each_body(const checked_model& model, const ast::rule_body& body, const scope& where,
                   const std::function<void(const ast::rule_body&, const scope&)>& visit);

/// A constant: its exact value in base units (a date as its day number), its type, and its text as written.
struct constant {
    decimal value;
    value_type type;
    std::string text;
    detail::origin where;
};

/// Reads constants: numbers with units, dates, and parameters bound to them, with + - × ÷ between them.
class constants {
public:
    explicit constants(const checked_model& model);

    const checked_model& model() const noexcept { return model_; }
    const unit_table& units() const noexcept { return units_; }
    std::optional<constant> of(const ast::expression& e, const scope& where) const;
    std::optional<constant> of(const ast::atom& a, const scope& where) const;
    std::optional<constant> of(const ast::quantity& q, file_index file) const;
    /// The expression a one-part name stands for when it is a bound parameter, with the scope to read it in.
    std::optional<std::pair<const ast::expression*, scope>> parameter(const ast::path& p,
                                                                      const scope& where) const;
    /// The values a range covers (`[80%, 90%)`, `≥ 90%`) when its bounds are constants of the `expected`
    /// type; nullopt otherwise, and for `≠`, which is no interval.
    std::optional<span> span_of(const ast::interval& r, const scope& where, const value_type& expected) const;
    std::optional<span> span_of(const ast::threshold& r, const scope& where,
                                const value_type& expected) const;
    std::optional<span> span_of(const ast::value_range& r, const scope& where,
                                const value_type& expected) const;

private:
    const checked_model& model_;
    unit_table units_;
};

/// The text of a range of a file, for quoting in messages.
std::string source_text(const checked_model& model, file_index file, source_range range);
/// The first word of a range (a keyword such as `分档`), so a caret marks it rather than a whole block.
source_range leading_word(const checked_model& model, file_index file, source_range range);
/// The word before the `:` that ends just before `offset`: the `否则` of `否则: 不得分`, found from its
/// outcome.
source_range word_before_colon(const checked_model& model, file_index file, std::size_t offset);
/// Where a band, case or level outcome starts: its own range, or when the syntax tree leaves that empty, the
/// word before its outcome's colon.
template <class Clause>
source_range clause_start(const checked_model& model, file_index file, const Clause& c) {
    if (!c.range.empty()) return leading_word(model, file, c.range);
    return word_before_colon(model, file, ast::range_of(c.result).begin);
}

} // namespace rubric::checker

// model.hpp — the checked model: what the checker established about a rubric, and what the compiler reads.
//
// The model keeps the parsed files and points into them (declarations and rules stay where they were
// written, with their ranges), and adds what the syntax alone does not say: which file each declaration
// came from, the tree of groups and indicators with weights resolved to points, and the symbol tables.
#pragma once

#include "check/intervals.hpp"
#include "check/units.hpp"
#include "syntax/ast.hpp"

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <rubric/compiler.hpp>
#include <rubric/decimal.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace rubric::detail {

/// Index of a file in checked_model::sources (and modules): 0 is the checked file.
using file_index = std::size_t;

/// Where a declaration was written.
struct origin {
    file_index file = 0;
    source_range range{};
};

struct input_symbol {
    std::string name;
    const ast::input_spec* syntax = nullptr; ///< null for an input declared by a value clause
    const ast::type_spec* type = nullptr;
    origin where;
    bool used = false; ///< set by name resolution
};

struct level_set_symbol {
    std::string name;
    std::vector<std::string> levels; ///< best first
    const ast::levels_decl* syntax = nullptr;
    origin where;
    bool used = false; ///< set by name resolution (W0211)
};

struct category_set_symbol {
    std::string name;
    std::vector<std::string> categories;
    const ast::category_decl* syntax = nullptr;
    origin where;
    bool used = false; ///< set by name resolution (W0211)
};

/// A named rule; `name` is as called: with the import's prefix when imported `作为 别名`
/// (河北.低于目标扣权重).
struct rule_symbol {
    std::string name;
    const ast::rule_def* syntax = nullptr;
    origin where;
    bool used = false; ///< set by name resolution (W0211)
};

/// A unit declared with `计量单位`.
struct unit_symbol {
    std::string name;
    origin where;
    bool used = false; ///< set by name resolution (W0211)
};

enum class node_kind { group, indicator, bonus, penalty };

/// A group, indicator, bonus or penalty block of the weighted tree.
struct node {
    node_kind kind = node_kind::indicator;
    std::string name;
    std::vector<std::string> path; ///< names from the top down to this node, itself included
    origin where;                  ///< the node's name
    const ast::group* group = nullptr;
    const ast::indicator* indicator = nullptr;
    const ast::extra_block* extra = nullptr;
    /// The weight in points: written as points, or a share of the parent's resolved weight. Empty when the
    /// node has no weight of its own (weights by category of unit are in category_weights).
    std::optional<decimal> weight;
    std::map<std::string, decimal, std::less<>> category_weights; ///< category → points
    std::optional<std::size_t> parent;
    std::vector<std::size_t> children;

    // A node amended by `覆盖` in an extending rubric is a copy of the base's node with the override's parts
    // (templates.cpp), so its parts come from several files; otherwise every part is in where.file.
    file_index weight_file = 0;         ///< the file the weight is written in
    std::vector<file_index> item_files; ///< the file of each item of the node's syntax (indicator->items, …)
    std::vector<origin> written;        ///< every declaration of the node, whole: the base's, then overrides
};

struct grade_symbol {
    std::string name;
    const ast::grade_band* syntax = nullptr;
    origin where;
};

/// The rubric-wide policies, with where each was set (absent: the rubric is silent).
struct policies {
    std::optional<ast::step_counting> step_counting;
    std::optional<ast::percent_step> percent_steps;
    std::vector<const ast::rounding_policy*> rounding;
    std::optional<ast::missing_effect> missing;
    std::optional<ast::na_effect> not_applicable;
};

/// How a loaded file takes part in the check (load_modules.cpp).
enum class module_role {
    checked, ///< the file being checked (index 0)
    base,    ///< a template (or rubric) the checked file extends, directly or through another
    library, ///< a file imported for its definitions
};

/// An `import` or `extends` written in `from`, and the loaded file it names (load_modules.cpp).
struct module_link {
    file_index from = 0;
    file_index to = 0;
    const ast::import_decl* import = nullptr; ///< null for `extends`/`基于`
};

/// What a name written in a formula refers to (names.cpp).
enum class name_kind { input, parameter, level, checklist_item };
struct resolved_name {
    name_kind kind{};
    std::string symbol;              ///< the input, parameter or level; for a checklist item, its label
    std::optional<std::size_t> node; ///< for a checklist item, its indicator
};

struct checked_model {
    std::vector<source_file> sources;       ///< the checked file first, then imports in the order met
    std::deque<ast::source_module> modules; ///< parallel to sources; a deque keeps pointers into it valid
    std::string title;
    decimal total = 100;
    bool total_declared = false;
    std::vector<grade_symbol> grades;
    rubric::detail::policies policies;
    std::map<std::string, input_symbol, std::less<>> inputs;
    std::map<std::string, level_set_symbol, std::less<>> level_sets;
    std::map<std::string, category_set_symbol, std::less<>> category_sets;
    std::map<std::string, rule_symbol, std::less<>> rules;
    std::vector<std::string> units; ///< units declared beyond the built-in ones
    std::vector<node> nodes;        ///< pre-order: a parent comes before its children
    std::vector<std::size_t> roots; ///< top-level nodes, in order

    // Imports and templates (load_modules.cpp, collect.cpp, templates.cpp).
    std::vector<module_role> roles;          ///< parallel to sources
    std::vector<module_link> links;          ///< every import and extends that named a loaded file
    std::vector<file_index> chain;           ///< the extends chain: base-most first, the checked file last
    std::optional<origin> total_origin;      ///< where the declared total was written
    std::vector<unit_symbol> declared_units; ///< parallel to units
    /// Copies of base nodes amended by `覆盖`, with the override's parts (a deque keeps pointers valid).
    std::deque<ast::indicator> amended_indicators;
    std::deque<ast::group> amended_groups;

    // Name resolution (names.cpp): what each name in a formula and each rule call refers to.
    std::unordered_map<const ast::path*, resolved_name> names;
    std::unordered_map<const ast::rule_call*, const rule_symbol*> calls;

    // Types (types.cpp): what each input and each indicator's or item's value is, for the rule passes and the
    // compiler (units convert exactly: a value file's 1.8067万人 is 18067 人 once the input's type is known).
    std::map<std::string, checker::value_type, std::less<>> input_types;
    std::map<std::string, checker::span, std::less<>> input_domains; ///< 范围, or the type's default domain
    std::map<const ast::value_clause*, checker::value_type> value_types;
};

} // namespace rubric::detail

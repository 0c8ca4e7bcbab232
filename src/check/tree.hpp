// tree.hpp — building the tree of groups and indicators: collect.cpp adds the nodes a file writes,
// templates.cpp amends a base template's tree with what an extending rubric writes. Shared by those two
// passes only.
#pragma once

#include "check/context.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rubric::checker {

/// Adds nodes written in the syntax to the model's tree, with their descendants (collect.cpp).
class tree_builder {
public:
    explicit tree_builder(context& ctx) : ctx_(ctx) {}

    /// Adds a group or indicator written in `file` under `parent` (at the top when nullopt). Its name is the
    /// last part of its path; more parts are E0215 unless `dotted_allowed` (an extending file, whose caller
    /// resolved the parent from them).
    std::size_t add(file_index file, const ast::indicator& syntax, std::optional<std::size_t> parent,
                    bool dotted_allowed = false);
    std::size_t add(file_index file, const ast::group& syntax, std::optional<std::size_t> parent,
                    bool dotted_allowed = false);
    std::size_t add(file_index file, const ast::extra_block& syntax);
    /// Adds the nodes among a group's items under `parent` (its clauses are not nodes).
    void add_children(file_index file, const std::vector<ast::group_item>& items, std::size_t parent);

private:
    std::size_t add_node(detail::node_kind kind, file_index file, const ast::path* path,
                         const ast::name& name, source_range whole, std::optional<std::size_t> parent,
                         bool dotted_allowed);

    context& ctx_;
};

/// The nodes whose path ends with `parts`: a path names a node by its ancestors or by any suffix of them.
std::vector<std::size_t> find_nodes(const checked_model& model, std::span<const std::string> parts);
/// The parts of a path, as text.
std::vector<std::string> path_parts(const ast::path& p);
/// A path as written, joined with dots.
std::string joined(std::span<const std::string> parts);
std::string joined(const ast::path& p);

/// Amends the tree built so far with the nodes and `覆盖` written in `extending` (templates.cpp).
void amend_tree(context& ctx, tree_builder& tree, file_index extending);

/// Reports a name that an import defines as well as another import or the rubric (E0707, templates.cpp).
void report_import_clash(context& ctx, std::string_view what, const std::string& name,
                         const detail::origin& first, const detail::origin& second);

} // namespace rubric::checker

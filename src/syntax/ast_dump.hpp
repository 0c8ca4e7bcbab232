// ast_dump.hpp — the syntax tree as readable S-expressions, for tests and `rubric parse --dump`.
//
// One line per declaration, clause, band, case and test item, indented two spaces per level; expressions,
// amounts and ranges stay on their line in prefix form: `(/ 执行数 预算数)`, `(of_weight 10%)`, `[90%,
// 100%)`. With `ranges`, every tagged node is followed by its byte range: `支出进度率@12..27`.
#pragma once

#include "syntax/ast.hpp"

#include <string>

namespace rubric::syntax {

struct dump_options {
    bool ranges = false; ///< append `@begin..end` (byte offsets) to every node
};

/// The whole file; every line ends with "\n".
std::string dump(const ast::source_module& module, dump_options options = {});
/// One expression on one line, without a newline.
std::string dump(const ast::expression& expression, dump_options options = {});

} // namespace rubric::syntax

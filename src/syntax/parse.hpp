// parse.hpp — the parser's entry point: a source file in, a position-tagged syntax tree and diagnostics out.
//
// The parser stops at the first syntax error (a PEG cannot tell where the next statement starts after a
// broken one); on a tree that parses, it reports every clause given twice and every table row of the wrong
// width; later stages collect all of their diagnostics.
//
// Diagnostics, all errors (codes and limits as in grammar/README.md §17 and §18); when, and an example:
// clang-format off
//   E0001  ill-formed UTF-8          the file is not valid UTF-8: truncated sequence (byte 0xC3) at line 2, byte 16
//   E0002  over max_file_bytes       the file is too large: 20971520 bytes, more than the limit of 4194304 bytes
//   E0003  over max_nesting or       nesting is too deep: more than 64 levels of braces, brackets and parentheses
//          max_node_depth            nesting is too deep: more than 32 levels of groups and indicators
//   E0004  over max_formula_tokens   this formula is too long: more than 1000 operands and operators
//   E0005  nothing to parse          the file is empty; expected `评分表`/`rubric`, `模板`/`template`, …
//   E0006  a NUL or control byte     the file contains a control character (0x07) at line 2, byte 13; is it a binary file?
//   E0007  a name, string or number  this number is too long: more than 38 significant digits
//          over its limit            this number is too large: more than 60 digits before the decimal point
//   E0008  over max_nodes            too many groups and indicators: more than 10000 in one file
//   E0101  a syntax error            expected a weight (`权重`/`weight`) or `{` after the indicator's name, found `4`
//          an unclosed bracket       expected `}` to close the group opened at line 3, found end of file (note at `{`)
//          an unclosed comment       expected `*/` to close the comment opened at line 2, found end of file
//   E0102  an unclosed string        this string is not closed: a string ends with `"` on the line it starts
//   E0103  a keyword run into a unit unknown unit `分最多`: write `1分 最多`
//   E0104  a full-width number       write numbers with ASCII digits: 95.4% not ９５．４％
//   E0105  a keyword run into text   put a space after the keyword `每降低`: write `每降低 1%`, not `每降低1%`
//   E0106  a date that does not exist  there is no such date: 2019年2月30日
//   E0107  an unknown escape         unknown escape `\q`: a string allows \" \\ \n \t
//   E0108  a clause out of place     `汇总`/`combine` is not allowed in a group
//   E0109  a clause given twice      `目标`/`target` is given twice in the indicator 支出进度率 (note at the first)
//   E0110  a quoted plain name       expected an input name and its type (`名称: 类型`), found a string
//   E0111  a table row's width       this row has 3 cells, the header has 4 columns (note at the header)
//   E0112  a magnitude before %      a magnitude cannot come before `%`: `5万%` is not a number; write the percent in full
//   E0113  a name opening with “…”   a name that starts with “ must be quoted whole: write "“三公经费”变动率"
//   E0114  a chained comparison      comparisons do not chain: join two comparisons with `且`/`and`, as in `0 < x 且 x < 1`
// clang-format on
#pragma once

#include "number/number_limits.hpp"
#include "syntax/ast.hpp"

#include <cstddef>
#include <optional>
#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>

namespace rubric::syntax {

/// Limits that keep a hostile file harmless; each one exceeded is its own diagnostic.
struct parse_limits {
    std::size_t max_file_bytes = 4 * 1024 * 1024; ///< E0002, checked before anything else
    std::size_t max_nesting = 64;          ///< E0003: braces, brackets and parentheses inside one another
    std::size_t max_node_depth = 32;       ///< E0003: groups and indicators inside one another
    std::size_t max_formula_tokens = 1000; ///< E0004: operands and operators of one formula
    std::size_t max_nodes = 10000;         ///< E0008: groups and indicators with a body, in one file
    std::size_t max_name_chars = 256;      ///< E0007
    std::size_t max_string_chars = 65536;  ///< E0007
    detail::digit_limits number_digits{};  ///< E0007: 38 significant digits, 60 before and after the point
};

/// Parses a whole rubric file (rubric, template, library or test suite); every problem found is appended to
/// `diagnostics`. Returns nothing when the text cannot be read (E00xx, or a syntax error: the parse stops at
/// the first). Returns the tree when it can, even with errors the tree can still hold (a clause given twice,
/// E0109; a table row of the wrong width, E0111), so that later stages report their problems too.
std::optional<ast::source_module> parse_module(const source_file& file, diagnostic_list& diagnostics,
                                               const parse_limits& limits = {});

} // namespace rubric::syntax

// explain.hpp — the explanation writer: a trace in, sentences out (Chinese or English).
#pragma once

#include "eval/trace.hpp"

#include <string>

namespace rubric::detail {

/// A number as a reader wants it: exact when it has at most 4 places, else “≈” and 2 places.
std::string number(const decimal& d);
/// A value in its own unit: 0.954 as a percent is 95.4%, 83835200 元 as 万元 is 8383.52万元, a level its name.
std::string shown(const decimal& v, const checker::value_type& t, const std::vector<std::string>& levels = {});

/// How a node's score came about: “实际值 95.4%，目标 100%；低于目标 4.6 个百分点；每起算 1 个百分点扣权重的 10%…”.
std::string explain_node(const trace& t, std::size_t node, language lang);
/// Why a node could not be scored; empty when it was.
std::string error_of(const trace& t, std::size_t node, language lang);
/// The figures behind a node's score (result::detail).
node_detail detail_of(const trace& t, std::size_t node);
/// Why a veto's condition could not be decided.
std::string veto_error(const trace& t, std::size_t veto, language lang);

} // namespace rubric::detail

// suggest.hpp — "did you mean …": the known name closest to a misspelt one, by edits of characters.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rubric::checker {

/// The candidate nearest to `written` when it is near enough to be a slip (at most one edit in three
/// characters, counted in characters, not bytes: 预算数 and 预算书 are one edit apart); ties go to the first.
std::optional<std::string> closest(std::string_view written, std::span<const std::string> candidates);

} // namespace rubric::checker

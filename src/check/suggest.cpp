// suggest.cpp — edit distance on characters, for the "did you mean …" notes of unknown names.
#include "check/suggest.hpp"

#include "source/utf8.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace rubric::checker {
namespace {

std::u32string characters(std::string_view text) {
    std::u32string out;
    for (std::size_t at = 0; at < text.size();) {
        const detail::utf8_step step = detail::decode_utf8(text, at);
        out.push_back(step.code_point);
        at += step.length;
    }
    return out;
}

// Levenshtein distance with one row.
std::size_t distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::optional<std::string> closest(std::string_view written, std::span<const std::string> candidates) {
    const std::u32string target = characters(written);
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const std::string& candidate : candidates) {
        const std::u32string other = characters(candidate);
        // The lengths alone bound the distance from below: skip pairs too far apart before the quadratic
        // work (a pasted paragraph against a short name).
        const std::size_t longer = std::max(target.size(), other.size());
        if (3 * (longer - std::min(target.size(), other.size())) > longer) continue;
        const std::size_t d = distance(target, other);
        if (d == 0 || 3 * d > std::max(target.size(), other.size())) continue;
        if (!best || d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

} // namespace rubric::checker

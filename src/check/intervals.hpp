// intervals.hpp — exact sets of values with open, closed and infinite ends: band ranges, a value's domain,
// the gaps between bands. Each end keeps the text it was written with, so a message shows “[60%, 70%)” as the
// rubric wrote it.
#pragma once

#include <optional>
#include <rubric/decimal.hpp>
#include <string>
#include <vector>

namespace rubric::checker {

/// One end of a span: a value (in base units) and whether it belongs to the span, or infinity.
struct endpoint {
    std::optional<decimal> value; ///< nullopt: −∞ as a lower end, +∞ as an upper end
    bool closed = false;
    std::string text; ///< how the value is shown ("60%", "0"); empty for infinity

    static endpoint infinite() { return {}; }
    static endpoint at(decimal v, bool closed, std::string text) {
        return {std::move(v), closed, std::move(text)};
    }
};

/// An interval of values; possibly empty (then `empty()` says so).
struct span {
    endpoint lower = endpoint::infinite();
    endpoint upper = endpoint::infinite();

    static span everything() { return {}; }
    bool empty() const;
    bool unbounded_below() const { return !lower.value.has_value(); }
    bool unbounded_above() const { return !upper.value.has_value(); }
    bool contains(const decimal& v) const;
    bool is_point() const; ///< [a, a]
};

span intersect(const span& a, const span& b);
/// The parts of `from` not in `cut`, in order; empty parts are dropped.
std::vector<span> subtract(const std::vector<span>& from, const span& cut);

/// As a band or a range is written: “[60%, 70%)”, “≥ 90%”, “< 0”, “90%” for a single value, “every value”.
std::string to_string(const span& s);

} // namespace rubric::checker

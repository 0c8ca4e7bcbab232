// intervals.cpp — intersection, difference and text of exact spans (band tables and domains).
#include "check/intervals.hpp"

namespace rubric::checker {
namespace {

// The tighter of two lower ends: the larger value; at equal values an open end excludes more.
const endpoint& tighter_lower(const endpoint& a, const endpoint& b) {
    if (!a.value) return b;
    if (!b.value) return a;
    if (*a.value != *b.value) return *a.value > *b.value ? a : b;
    return a.closed ? b : a;
}

const endpoint& tighter_upper(const endpoint& a, const endpoint& b) {
    if (!a.value) return b;
    if (!b.value) return a;
    if (*a.value != *b.value) return *a.value < *b.value ? a : b;
    return a.closed ? b : a;
}

// The complement of an end as the other side's end: below [a is < a, i.e. an open upper end at a.
endpoint flipped(const endpoint& e) {
    return endpoint{e.value, !e.closed, e.text};
}

} // namespace

bool span::empty() const {
    if (!lower.value || !upper.value) return false;
    if (*lower.value != *upper.value) return *lower.value > *upper.value;
    return !(lower.closed && upper.closed);
}

bool span::contains(const decimal& v) const {
    if (lower.value && (v < *lower.value || (v == *lower.value && !lower.closed))) return false;
    if (upper.value && (v > *upper.value || (v == *upper.value && !upper.closed))) return false;
    return true;
}

bool span::is_point() const {
    return lower.value && upper.value && *lower.value == *upper.value && lower.closed && upper.closed;
}

span intersect(const span& a, const span& b) {
    return span{tighter_lower(a.lower, b.lower), tighter_upper(a.upper, b.upper)};
}

std::vector<span> subtract(const std::vector<span>& from, const span& cut) {
    std::vector<span> out;
    for (const span& s : from) {
        if (intersect(s, cut).empty()) {
            out.push_back(s);
            continue;
        }
        if (cut.lower.value) {
            const span below = intersect(s, span{endpoint::infinite(), flipped(cut.lower)});
            if (!below.empty()) out.push_back(below);
        }
        if (cut.upper.value) {
            const span above = intersect(s, span{flipped(cut.upper), endpoint::infinite()});
            if (!above.empty()) out.push_back(above);
        }
    }
    return out;
}

std::string to_string(const span& s) {
    if (s.is_point()) return s.lower.text;
    if (!s.lower.value && !s.upper.value) return "every value";
    if (!s.lower.value) return (s.upper.closed ? "≤ " : "< ") + s.upper.text;
    if (!s.upper.value) return (s.lower.closed ? "≥ " : "> ") + s.lower.text;
    return (s.lower.closed ? "[" : "(") + s.lower.text + ", " + s.upper.text + (s.upper.closed ? "]" : ")");
}

} // namespace rubric::checker

// bands.cpp — gaps, overlaps and unreachable bands, proven with exact interval arithmetic.
#include "check/bands.hpp"

#include "check/codes.hpp"
#include "check/wording.hpp"

#include <vector>

namespace rubric::checker {
namespace {

// "the value 90% falls" / "values in [85%, 90%) fall" / "values ≥ 90% fall".
std::string values_in(const span& s) {
    if (s.is_point()) return "the value " + to_string(s);
    if (s.unbounded_below() && s.unbounded_above()) return "every value";
    if (s.unbounded_below() || s.unbounded_above()) return "values " + to_string(s);
    return "values in " + to_string(s);
}

struct plain_band {
    const ast::band* syntax;
    span covered;
    source_range range; // the band's range as written
    std::string text;
};

} // namespace

void check_bands(reporter& report, const constants& read, const ast::band_table& table, const scope& where,
                 const subject& s, const span& domain) {
    const checked_model& model = report.model();
    const value_type value = value_type_of(model, s);
    if (value.kind != type_kind::quantity && value.kind != type_kind::date)
        return; // E0312, or an unknown value type
    const std::string otherwise_kw = kw(syntax::keyword::otherwise);
    std::vector<plain_band> plain;
    const ast::band* otherwise = nullptr;
    bool provable = true;
    for (const ast::band& b : table.bands) {
        if (otherwise) {
            const source_range at =
                b.range_of_value ? ast::range_of(*b.range_of_value) : clause_start(model, where.file(), b);
            report.warning(codes::case_after_always, {where.file(), at},
                           "this band never applies: " + otherwise_kw + " comes before it");
            continue;
        }
        if (!b.range_of_value) {
            otherwise = &b;
            continue;
        }
        const source_range range = ast::range_of(*b.range_of_value);
        const std::string text = "“" + source_text(model, where.file(), range) + "”";
        const std::optional<span> written = read.span_of(*b.range_of_value, where, value);
        if (!written) {
            provable =
                provable && b.condition.has_value(); // a plain band with an unknown bound: no gap proof
            continue;
        }
        if (written->empty()) {
            report.warning(codes::band_unreachable, {where.file(), range},
                           "this band never applies: " + text + " holds no value");
            continue;
        }
        const span covered = intersect(domain, *written);
        if (covered.empty()) {
            report.warning(codes::band_unreachable, {where.file(), range},
                           "this band never applies: " + text + " lies outside the values of " +
                               value_name(model, s) + " (" + to_string(domain) + ")");
            continue;
        }
        if (b.condition) continue;
        for (const plain_band& earlier : plain) {
            const span common = intersect(covered, earlier.covered);
            if (common.empty()) continue;
            report.note(report.error(codes::band_overlap, {where.file(), range},
                                     "bands overlap: " + values_in(common) +
                                         (common.is_point() ? " falls" : " fall") + " in both " +
                                         earlier.text + " and " + text),
                        {where.file(), earlier.range}, "the earlier band");
        }
        plain.push_back({&b, covered, range, text});
    }
    if (!provable) return;

    std::vector<span> left{domain};
    for (const plain_band& p : plain)
        left = subtract(left, p.covered);
    if (otherwise) {
        if (left.empty())
            report.warning(codes::band_unreachable,
                           {where.file(), clause_start(model, where.file(), *otherwise)},
                           otherwise_kw + " never applies: the bands before it cover every value of " +
                               value_name(model, s));
        return;
    }
    for (const span& gap : left) {
        // Point at the band just above the gap, else the one just below it.
        source_range at = leading_word(model, where.file(), table.range);
        for (const plain_band& p : plain)
            if (gap.upper.value && p.covered.lower.value && *p.covered.lower.value == *gap.upper.value) {
                at = p.range;
                break;
            } else if (gap.lower.value && p.covered.upper.value &&
                       *p.covered.upper.value == *gap.lower.value) {
                at = p.range;
            }
        diagnostic* d = report.error(codes::band_gap, {where.file(), at}, "no band covers " + values_in(gap));
        if (d && gap.unbounded_below() && value.is_ratio() && value_input(model, s))
            d->note(value_name(model, s) + " can be below " + (gap.upper.value ? gap.upper.text : "0") +
                    "; if it cannot, declare its domain on the input, such as " + kw(syntax::keyword::range) +
                    " ≥ 0");
    }
}

} // namespace rubric::checker

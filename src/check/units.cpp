// units.cpp — the built-in unit table, magnitudes, compound units, and how types are named in messages.
#include "check/units.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace rubric::checker {
namespace {

struct built_in_unit {
    std::string_view word;
    std::string_view base; // empty for a ratio
    unit_kind kind;
    std::int64_t numerator = 1; // scale to the base unit, numerator / denominator
    std::int64_t denominator = 1;
};

// README §2, "Built-in units, by dimension". Counts and durations are each their own dimension: 人 and 人次
// never mix, and there is no calendar arithmetic between 天 and 个月.
constexpr std::array built_in_units{
    built_in_unit{"%", "", unit_kind::ratio, 1, 100},
    built_in_unit{"‰", "", unit_kind::ratio, 1, 1000},
    built_in_unit{"百分点", "", unit_kind::percentage_point, 1, 100},
    built_in_unit{"个百分点", "", unit_kind::percentage_point, 1, 100},
    built_in_unit{"pp", "", unit_kind::percentage_point, 1, 100},
    built_in_unit{"元", "元", unit_kind::money},
    built_in_unit{"分", "分", unit_kind::points},
    built_in_unit{"人", "人", unit_kind::count},
    built_in_unit{"人次", "人次", unit_kind::count},
    built_in_unit{"户", "户", unit_kind::count},
    built_in_unit{"家", "家", unit_kind::count},
    built_in_unit{"个", "个", unit_kind::count},
    built_in_unit{"项", "项", unit_kind::count},
    built_in_unit{"次", "次", unit_kind::count},
    built_in_unit{"件", "件", unit_kind::count},
    built_in_unit{"例", "例", unit_kind::count},
    built_in_unit{"名", "名", unit_kind::count},
    built_in_unit{"份", "份", unit_kind::count},
    built_in_unit{"台", "台", unit_kind::count},
    built_in_unit{"套", "套", unit_kind::count},
    built_in_unit{"所", "所", unit_kind::count},
    built_in_unit{"篇", "篇", unit_kind::count},
    built_in_unit{"场", "场", unit_kind::count},
    built_in_unit{"批", "批", unit_kind::count},
    built_in_unit{"处", "处", unit_kind::count},
    built_in_unit{"座", "座", unit_kind::count},
    built_in_unit{"辆", "辆", unit_kind::count},
    built_in_unit{"天", "天", unit_kind::time},
    built_in_unit{"工作日", "工作日", unit_kind::time},
    built_in_unit{"小时", "小时", unit_kind::time},
    built_in_unit{"个月", "个月", unit_kind::time},
    built_in_unit{"年", "年", unit_kind::time},
    built_in_unit{"米", "米", unit_kind::length},
    built_in_unit{"公里", "米", unit_kind::length, 1000},
    built_in_unit{"平方米", "平方米", unit_kind::area},
    built_in_unit{"亩", "平方米", unit_kind::area, 2000, 3},
    built_in_unit{"公顷", "平方米", unit_kind::area, 10000},
    built_in_unit{"千克", "千克", unit_kind::mass},
    built_in_unit{"公斤", "千克", unit_kind::mass},
    built_in_unit{"吨", "千克", unit_kind::mass, 1000},
};

struct magnitude {
    std::string_view word;
    std::int64_t scale;
};
// Longest first: 万亿 before 万.
constexpr std::array magnitudes{magnitude{"万亿", 1000000000000}, magnitude{"亿", 100000000},
                                magnitude{"万", 10000}, magnitude{"千", 1000}};

// The table sorted by word, for a binary search: units are looked up for every number of a rubric.
constexpr auto sorted_units = [] {
    std::array<const built_in_unit*, built_in_units.size()> out{};
    for (std::size_t i = 0; i < built_in_units.size(); ++i)
        out[i] = &built_in_units[i];
    std::sort(out.begin(), out.end(),
              [](const built_in_unit* a, const built_in_unit* b) { return a->word < b->word; });
    return out;
}();

const built_in_unit* find_built_in(std::string_view word) {
    const auto at = std::lower_bound(sorted_units.begin(), sorted_units.end(), word,
                                     [](const built_in_unit* u, std::string_view w) { return u->word < w; });
    return at != sorted_units.end() && (*at)->word == word ? *at : nullptr;
}

std::string superscript(int exponent) {
    std::string out;
    if (exponent != 1) out.append(1, '^').append(std::to_string(exponent));
    return out;
}

// Gregorian date → days since 1970-01-01 (H. Hinnant's days_from_civil).
long days_from_civil(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

} // namespace

dimension dimension::of(std::string base) {
    dimension d;
    if (!base.empty()) d.exponents_.emplace_back(std::move(base), 1);
    return d;
}

std::string dimension::single_base() const {
    if (exponents_.size() == 1 && exponents_.front().second == 1) return exponents_.front().first;
    return {};
}

std::string dimension::to_string() const {
    std::string above, below;
    for (const auto& [base, exponent] : exponents_) {
        std::string& side = exponent > 0 ? above : below;
        if (!side.empty()) side.append("·");
        side.append(base).append(superscript(exponent > 0 ? exponent : -exponent));
    }
    if (below.empty()) return above;
    return (above.empty() ? "1" : above) + "/" + below;
}

void dimension::add(const std::string& base, int exponent) {
    const auto at = std::lower_bound(
        exponents_.begin(), exponents_.end(), base,
        [](const std::pair<std::string, int>& e, const std::string& b) { return e.first < b; });
    if (at == exponents_.end() || at->first != base)
        exponents_.emplace(at, base, exponent);
    else if ((at->second += exponent) == 0)
        exponents_.erase(at);
}

dimension operator*(const dimension& a, const dimension& b) {
    dimension out = a;
    for (const auto& [base, exponent] : b.exponents_)
        out.add(base, exponent);
    return out;
}

dimension operator/(const dimension& a, const dimension& b) {
    dimension out = a;
    for (const auto& [base, exponent] : b.exponents_)
        out.add(base, -exponent);
    return out;
}

unit_table::unit_table(const std::vector<std::string>& declared) : declared_(declared) {}

bool unit_table::built_in(std::string_view word) {
    return unit_table().resolve(word).has_value();
}

// One word: a whole unit first (built-in or declared), else a magnitude followed by a whole unit, else a
// bare magnitude. % and 百分点 take no magnitude.
std::optional<unit> unit_table::word(std::string_view text) const {
    if (const built_in_unit* b = find_built_in(text))
        return unit{dimension::of(std::string(b->base)), decimal::fraction(b->numerator, b->denominator),
                    b->kind, text == "%" || text == "‰"};
    for (const std::string& declared : declared_)
        if (declared == text) return unit{dimension::of(declared), 1, unit_kind::count, false};
    for (const magnitude& m : magnitudes) {
        if (!text.starts_with(m.word)) continue;
        const std::string_view rest = text.substr(m.word.size());
        if (rest.empty()) return unit{dimension(), m.scale, unit_kind::ratio, false};
        std::optional<unit> inner = word(rest);
        if (!inner || inner->kind == unit_kind::ratio || inner->kind == unit_kind::percentage_point) continue;
        inner->scale *= m.scale;
        return inner;
    }
    return std::nullopt;
}

std::optional<unit> unit_table::resolve(std::string_view text) const {
    if (text.empty()) return unit{};
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return word(text);
    const std::optional<unit> above = word(text.substr(0, slash));
    const std::optional<unit> below = word(text.substr(slash + 1));
    const auto plain = [](const std::optional<unit>& u) {
        return u && u->kind != unit_kind::ratio && u->kind != unit_kind::percentage_point;
    };
    if (!plain(above) || !plain(below)) return std::nullopt;
    return unit{above->dim / below->dim, above->scale / below->scale, unit_kind::compound, false};
}

value_type value_type::of_kind(type_kind kind) {
    value_type t;
    t.kind = kind;
    return t;
}

value_type value_type::quantity(const unit& u, std::string unit_text) {
    value_type t;
    t.kind = type_kind::quantity;
    t.dim = u.dim;
    t.measure = u.kind;
    t.percent = u.percent_sign || u.kind == unit_kind::percentage_point;
    t.unit_text = std::move(unit_text);
    t.unit_scale = u.scale;
    return t;
}

value_type value_type::points() {
    return quantity(unit{dimension::of("分"), 1, unit_kind::points, false}, "分");
}

value_type value_type::ratio(bool percent) {
    value_type t;
    t.kind = type_kind::quantity;
    t.percent = percent;
    if (percent) {
        t.unit_text.assign(1, '%');
        t.unit_scale = decimal::fraction(1, 100);
    }
    return t;
}

value_type value_type::level(std::string set) {
    value_type t;
    t.kind = type_kind::level;
    t.level_set = std::move(set);
    return t;
}

bool value_type::is_points() const {
    return kind == type_kind::quantity && dim == dimension::of("分");
}

bool compatible(const value_type& a, const value_type& b) {
    if (a.kind == type_kind::unknown || b.kind == type_kind::unknown) return true;
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case type_kind::quantity:
        return a.bare_zero || b.bare_zero || a.dim == b.dim;
    case type_kind::level:
        return a.level_set.empty() || b.level_set.empty() || a.level_set == b.level_set;
    default:
        return true;
    }
}

std::string describe(const value_type& t) {
    switch (t.kind) {
    case type_kind::unknown:
        return "a value";
    case type_kind::date:
        return "a date";
    case type_kind::boolean:
        return "yes/no";
    case type_kind::text:
        return "descriptive text";
    case type_kind::level:
        return "a level of “" + t.level_set + "”";
    case type_kind::quantity:
        break;
    }
    if (t.bare_zero) return "0";
    const std::string shown = t.unit_text.empty() ? t.dim.to_string() : t.unit_text;
    switch (t.measure) {
    case unit_kind::ratio:
    case unit_kind::percentage_point:
        return t.dim.is_ratio() ? (t.percent ? "a percent" : "a number") : "a number in " + shown;
    case unit_kind::money:
        return "an amount in " + shown;
    case unit_kind::points:
        return "points";
    case unit_kind::count:
        return "a count of " + shown;
    case unit_kind::time:
        return "a duration in " + shown;
    case unit_kind::length:
        return "a length in " + shown;
    case unit_kind::area:
        return "an area in " + shown;
    case unit_kind::mass:
        return "a mass in " + shown;
    case unit_kind::compound:
        return "a number in " + shown;
    }
    return "a value";
}

std::string show(const decimal& base_value, const value_type& t) {
    if (t.kind == type_kind::date && base_value.is_integer()) {
        // Day numbers of real dates are far inside int64; the text form avoids a narrowing cast.
        return civil_from_days(std::stol(base_value.to_string()));
    }
    if (t.kind != type_kind::quantity || t.unit_scale.is_zero()) return base_value.to_string();
    if (t.unit_text == "%") return (base_value * 100).to_string() + "%";
    if (t.unit_text == "分") return base_value.to_string();
    return (base_value / t.unit_scale).to_string() + t.unit_text;
}

std::optional<long> day_number(int year, int month, int day) {
    static constexpr std::array<int, 12> days_in_month{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = days_in_month[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
    if (day > last) return std::nullopt;
    return days_from_civil(year, month, day);
}

} // namespace rubric::checker

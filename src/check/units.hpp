// units.hpp — units and value types for the checker: what `95%`, `1.8067万人`, `220元/人` mean, exactly.
//
// A quantity's unit resolves to a dimension (元/人 is 元¹·人⁻¹; a percent or a plain number has none) and an
// exact scale to the dimension's base units (万元 is 10000 元, ‰ is 1/1000). Values of one dimension compare
// and add whatever their scale; values of different dimensions never mix (README §2, §7.2).
#pragma once

#include <optional>
#include <rubric/decimal.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rubric::checker {

/// Base units with their exponents; empty for a ratio (a percent) or a plain number.
class dimension {
public:
    dimension() = default;
    /// One base unit, such as 元 or 人.
    static dimension of(std::string base);

    bool is_ratio() const noexcept { return exponents_.empty(); }
    /// The single base unit with exponent 1 (人, 元), or empty.
    std::string single_base() const;
    /// As a unit is written: "元/人", "人次", "" for a ratio.
    std::string to_string() const;

    friend dimension operator*(const dimension& a, const dimension& b);
    friend dimension operator/(const dimension& a, const dimension& b);
    friend bool operator==(const dimension&, const dimension&) = default;

private:
    // Sorted by base; a vector because a dimension has one or two bases and is copied with every type.
    std::vector<std::pair<std::string, int>> exponents_;
    void add(const std::string& base, int exponent);
};

/// What kind of measure a unit is; types and messages are worded by it.
enum class unit_kind { ratio, percentage_point, money, points, count, time, length, area, mass, compound };

/// A unit word resolved.
struct unit {
    dimension dim;
    decimal scale = 1; ///< base units in one of this unit: 万元 → 10000 (元), % → 1/100, 公里 → 1000 (米)
    unit_kind kind = unit_kind::ratio;
    bool percent_sign = false; ///< written % or ‰
};

/// The units a rubric may write: the built-in ones, those it declares (`计量单位`), each with an optional
/// magnitude 千 万 亿 万亿 in front, and `A/B` of two of them.
class unit_table {
public:
    explicit unit_table(const std::vector<std::string>& declared = {});

    /// The unit written after a number ("" is a plain number); nullopt when the word is no unit.
    std::optional<unit> resolve(std::string_view text) const;
    /// Whether `word` is a unit without any declaration (so declaring it again is an error).
    static bool built_in(std::string_view word);

private:
    std::optional<unit> word(std::string_view text) const;
    std::vector<std::string> declared_;
};

enum class type_kind { unknown, quantity, date, boolean, level, text };

/// The type of a value, an expression or a bound: a quantity of a dimension, a date, yes/no, a level of a
/// set, or descriptive text (a target that is only shown). `unknown` stands for a name that did not resolve
/// or an expression already reported: it matches everything, so one mistake gives one diagnostic.
struct value_type {
    type_kind kind = type_kind::unknown;
    dimension dim; ///< quantity
    unit_kind measure = unit_kind::ratio;
    bool percent = false;   ///< a ratio read as a percent (`percent` inputs, 执行数 / 预算数)
    bool bare_zero = false; ///< the literal 0, which fits every dimension (README §2)
    std::string unit_text;  ///< how values of this type are shown: "%", "万元", "人", ""
    decimal unit_scale = 1; ///< base units in one unit_text
    std::string level_set;  ///< level

    static value_type of_kind(type_kind kind);
    static value_type quantity(const unit& u, std::string unit_text);
    static value_type points();
    static value_type ratio(bool percent);
    static value_type level(std::string set);

    bool is_quantity() const noexcept { return kind == type_kind::quantity; }
    bool is_ratio() const noexcept { return kind == type_kind::quantity && dim.is_ratio(); }
    bool is_points() const;
};

/// Whether two types can be compared, added or stand for each other (unknown fits everything).
bool compatible(const value_type& a, const value_type& b);

/// Words for a type in a message: "a percent", "an amount in 万元", "a count of 人", "points", "a date",
/// "yes/no", "a level of “达成度”", "a number in 元/人".
std::string describe(const value_type& t);

/// A value in base units shown in the type's own unit: 0.95 → "95%", 18067 (人) → "18067人", 2 points → "2".
std::string show(const decimal& base_value, const value_type& t);

/// A date as a day number (days since 1970-01-01), for comparing dates exactly; nullopt for a day that does
/// not exist (the parser reports it).
std::optional<long> day_number(int year, int month, int day);

} // namespace rubric::checker

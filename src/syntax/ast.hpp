// ast.hpp — the syntax tree of a rubric file: what the parser builds and the checker reads
// (grammar/rubric.ebnf).
//
// Conventions, shared by every node:
// - Every node a diagnostic can point at derives from `tagged` and carries its byte range in the source file
//   (leading white space and comments excluded; a parenthesized expression includes its parentheses).
//   range_of(node) gives it for a variant too. The parser fills it; nothing else in the tree refers to the
//   text, so an AST outlives the parse.
// - Names are UTF-8 std::string with their own range. A dotted path keeps its parts.
// - Numbers are exact: a `quantity` keeps the digits as written, their exact value and the unit text apart.
// - Alternatives are x3::variant (a boost::variant): visit them with boost::apply_visitor or a lambda
//   visitor. Recursive places hold x3::forward_ast<T> (a heap box, use .get()).
// - Where the grammar says `otherwise`/`否则`, the node's condition is std::nullopt.
// - Keyword choices are enums; to_string gives the English keyword spelling (for dumps and messages).
#pragma once

#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <optional>
#include <rubric/decimal.hpp>
#include <rubric/source.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rubric::ast {

namespace x3 = boost::spirit::x3;

/// Base of every node that has a place in the file: its byte range [begin, end).
struct tagged {
    source_range range{};
};

// =====================================================================================================
// Tokens
// =====================================================================================================

/// A name: an IDENTIFIER (a word that is not a keyword) or a quoted STRING where NAME is allowed.
/// Checklist labels and path parts written as DIGITS are names too ("1").
struct name : tagged {
    std::string text; ///< UTF-8, without quotes, escapes resolved
    bool quoted = false;
};

/// A dotted name: PATH (`教育.支出进度率`) or QUALIFIED_NAME (`规则库.扣分`, `指标.1`); at least one part.
struct path : tagged {
    std::vector<name> parts;
};

/// One or more adjacent strings, concatenated ("a" "b" is "ab"), without quotes, escapes resolved.
struct text : tagged {
    std::string value;
};

/// A number with the unit written against it: `95.4%`, `3‰`, `0.5分`, `1.8067万人`, `220元/人`, `1个百分点`.
/// `value` is the number as written, before its unit (95.4 for `95.4%`): the checker resolves the unit
/// (percent, magnitude 万, declared units). A sign written directly before it (`-5`, in a literal, an
/// atom or a test value) is part of `number`, `value` and `range`; in an expression it is a unary node.
struct quantity : tagged {
    std::string number;        ///< the digits as written, with the sign if any: "95.4", "-5"
    decimal value;             ///< exact value of `number`
    std::string unit;          ///< "%", "‰", "分", "万元", "元/人", "个百分点", or empty
    source_range unit_range{}; ///< where the unit is written (empty range when there is none)
};

/// A date: `2019年6月30日` or `2019-06-30`. The numbers are as written; the checker validates them.
struct date : tagged {
    std::string text;
    int year = 0;
    int month = 0;
    int day = 0;
};

/// A run of ASCII digits (a year, a number of places), kept as text and as its exact value.
struct digits : tagged {
    std::string text;
    decimal value;
};

/// A unit word of a type or a unit declaration: `万元`, `人`, `元/人`.
struct unit_name : tagged {
    std::string text;
};

/// `true`/`是`/`具备` or `false`/`否`/`不具备`.
struct bool_literal : tagged {
    bool value = false;
};

// =====================================================================================================
// Expressions (section 5)
// =====================================================================================================

enum class comparison_op { ge, le, ne, eq, gt, lt };
enum class binary_op { or_, and_, ge, le, ne, eq, gt, lt, add, subtract, multiply, divide };
enum class unary_op { not_, negate, plus };
/// Words that name a value of the indicator being scored: 达标, 取值, 目标, 权重.
enum class context_kind { met, value, target, weight };
enum class function_name { min, max, abs, round };

struct context_value : tagged {
    context_kind kind{};
};

struct call;
struct unary;
struct binary;

/// An expression. A name (input, parameter, level, checklist item) is a `path`.
struct expression : x3::variant<quantity, date, bool_literal, context_value, path, x3::forward_ast<call>,
                                x3::forward_ast<unary>, x3::forward_ast<binary>> {
    using base_type::base_type;
    using base_type::operator=;
};

/// A rounding mode written as an argument of round(): round(x, 2, 四舍五入).
struct rounding_mode_argument : tagged {
    rounding_mode mode{};
};
using call_argument = x3::variant<expression, rounding_mode_argument>;

/// min(a, b), max(…), abs(x), round(x, places, mode).
struct call : tagged {
    function_name function{};
    std::vector<call_argument> arguments;
};

struct unary : tagged {
    unary_op op{};
    expression operand;
};

/// A binary operation; chains are left-associative (a - b - c is (a - b) - c). A comparison is never
/// chained (the grammar allows one comparison per Comparison).
struct binary : tagged {
    binary_op op{};
    expression left;
    expression right;
};

// =====================================================================================================
// Ranges and literals
// =====================================================================================================

/// `[a, b]`, `(a, b]`, `[a, b)`, `(a, b)` (full-width parentheses too).
struct interval : tagged {
    bool lower_closed = true;
    expression lower;
    expression upper;
    bool upper_closed = true;
};

/// A one-sided range: `≥ 95%`, `< 60`.
struct threshold : tagged {
    comparison_op op{};
    expression value;
};

/// Range ::= Interval | CmpOp Sum (grade bands and bands of a table).
using value_range = x3::variant<interval, threshold>;

/// Literal ::= DATE | "-"? QUANTITY | TRUE | FALSE | IDENTIFIER (a level or a category).
using literal = x3::variant<date, quantity, bool_literal, name>;

// =====================================================================================================
// Types and inputs
// =====================================================================================================

enum class value_type { percent, amount, count, number, boolean, date, level };

/// `percent`, `amount 万元`, `count 人`, `number`, `number 分`, `boolean`, `date`, or a declared level set.
struct type_spec : tagged {
    value_type kind{};
    std::optional<unit_name> unit; ///< amount and count always, number optionally
    std::optional<name> level_set; ///< for kind == level
};

/// InputOption: a description, `range [a, b]` or `range ≥ 0` (the input's domain), `default literal`.
/// (`bounds` is a value_range, not an interval: the EBNF says `KW_RANGE Range`.)
struct input_range : tagged {
    value_range bounds;
};
struct input_default : tagged {
    literal value;
};
using input_option = x3::variant<text, input_range, input_default>;

/// `收入合计: 金额 万元 = 公共财政拨款 + 政府基金拨款 范围 ≥ 0`: a formula makes the input derived (README §7.2).
struct input_spec : tagged {
    ast::name name;
    type_spec type;
    std::optional<expression> formula;
    std::vector<input_option> options;
};

/// `input a: percent, b: amount 万元 "…"` (one declaration may declare several inputs).
struct input_decl : tagged {
    std::vector<input_spec> inputs;
};

// =====================================================================================================
// Rules (section 4)
// =====================================================================================================

struct rule_body;

enum class step_counting { pro_rata, full_steps, started_steps };
enum class percent_step { percentage_points, relative };
enum class step_direction { per_drop, per_rise, per_deviation, per_occurrence };
enum class step_verb { deduct, add };
enum class bound_kind { until_zero, floor_at, cap_at };
enum class fixed_outcome { full, zero };
enum class proportional_kind { proportional, inverse_proportional, completion_ratio };
enum class checklist_mode { plain, all_or_nothing, each };
enum class check_outcome_kind { award, gate, deduct };
enum class rank_order { higher_better, lower_better };

/// Atom ::= "-"? QUANTITY | QUALIFIED_NAME (a parameter of a named rule).
using atom = x3::variant<quantity, path>;

/// Points (`0.5分`), a share of the weight (`10% 权重`: of_weight), or a parameter.
struct amount : tagged {
    atom value;
    bool of_weight = false;
};

/// 4.8 A score entered by the evaluator: within [0, weight], or `within` (of the weight when of_weight).
struct judged : tagged {
    std::optional<interval> within;
    bool of_weight = false;
    bool reason_required = false;
};

struct fixed_score : tagged {
    fixed_outcome kind{};
};

/// `{ RuleBody }` written as an outcome.
struct nested_rule : tagged {
    x3::forward_ast<rule_body> body;
};

/// What a band, case or level gives.
using outcome = x3::variant<fixed_score, judged, nested_rule, amount>;

// 4.1 Linear deduction or addition per step.
struct base_score : tagged {
    amount points;
};
struct counting_option : tagged {
    step_counting counting{};
};
struct percent_option : tagged {
    percent_step mode{};
};
/// `from 90%` / `起扣 90%`: the threshold before steps start counting.
struct from_option : tagged {
    expression start;
};
using step_option = x3::variant<counting_option, percent_option, from_option>;

/// `[对 X] 每降低 1个百分点 扣 10% 权重 [最多扣 5分] [(按起算步数, 起扣 90%)]`
struct step_clause : tagged {
    std::optional<path> on; ///< the value stepped over, when not the indicator's value
    step_direction direction{};
    atom step;
    step_verb verb{};
    amount per_step;
    std::optional<amount> at_most;
    std::vector<step_option> options;
};

/// `扣完为止`, `保底 2分`, `封顶 5分`; until_zero has no amount.
struct bound_clause : tagged {
    bound_kind kind{};
    std::optional<amount> limit;
};

using step_part = x3::variant<base_score, step_clause, bound_clause>;

struct step_rule : tagged {
    std::vector<step_part> parts;
};

// 4.2 Banded table.
/// A band: `range [and condition]: outcome`; no range means `otherwise`.
struct band : tagged {
    std::optional<value_range> range_of_value;
    std::optional<expression> condition; ///< `且 …` joined to the range
    outcome result;
};
struct band_table : tagged {
    std::vector<band> bands;
};

// 4.3 Categorical rule.
/// `when condition: outcome`; no condition means `otherwise`.
struct case_clause : tagged {
    std::optional<expression> condition;
    outcome result;
};
struct case_table : tagged {
    std::vector<case_clause> cases;
};

// 4.4 Level map.
/// `level: outcome`; no level means `otherwise`.
struct level_outcome : tagged {
    std::optional<name> level;
    outcome result;
};
struct level_map : tagged {
    std::vector<level_outcome> levels;
};

// 4.5 Proportional.
struct proportional_rule : tagged {
    proportional_kind kind{};
};

// 4.6 Score formula: `得分 = 得分系数 × 权重`, optionally bounded (`扣完为止`, `封顶 5分`).
struct score_formula : tagged {
    expression formula;
    std::vector<bound_clause> bounds;
};

// 4.7 Checklist.
/// `: 门槛 [amount]`, `: 扣 amount` or `: amount` after a checklist item.
struct check_outcome : tagged {
    check_outcome_kind kind{};
    std::optional<amount> points; ///< always set for award and deduct
};
struct check_item : tagged {
    name label; ///< IDENTIFIER or DIGITS
    std::optional<text> description;
    std::optional<check_outcome> result;
};
struct checklist : tagged {
    checklist_mode mode{};
    std::optional<amount> each; ///< for mode == each
    std::vector<check_item> items;
};

// 4.9 Left to the extending rubric.
struct pending : tagged {
    std::optional<text> note;
};

// 4.10 Ranking (needs a cohort).
/// `排名 高者优 前 5 满分, 每位次 扣 0.25分 [bounds]`
struct rank_rule : tagged {
    rank_order order{};
    quantity top;
    amount per_place;
    std::vector<bound_clause> bounds;
};

// 4.11 A named rule called with arguments.
struct argument : tagged {
    std::optional<name> parameter; ///< for a named argument `p = expr`
    expression value;
};
struct rule_call : tagged {
    path rule;
    std::vector<argument> arguments;
};

/// RuleBody: one rule form.
struct rule_body : x3::variant<step_rule, band_table, case_table, level_map, proportional_rule, score_formula,
                               checklist, judged, pending, rank_rule, rule_call> {
    using base_type::base_type;
    using base_type::operator=;
};

// =====================================================================================================
// Clauses of groups, indicators and items (section 3)
// =====================================================================================================

enum class text_kind { published, explanation, note };
enum class na_effect { full, share, rescale, forbidden };
enum class exempt_effect { full, not_applicable };
enum class combine_mode { mean, lowest, highest, all_met, one_of };
enum class chooser { unit, evaluator };

/// `原文 "…"` (published), `指标解释 "…"` (explanation), `说明 "…"` (note).
struct text_clause : tagged {
    text_kind kind{};
    text value;
};
/// `不适用 满分|分给同级|折算|不允许`
struct not_applicable_clause : tagged {
    na_effect effect{};
};
/// `豁免 "除政策性原因外" [满分|不适用]`
struct exempt_clause : tagged {
    text reason;
    std::optional<exempt_effect> effect;
};
/// `确认 W0501 "why"`: a warning acknowledged in place.
struct acknowledge : tagged {
    name code;
    text reason;
};

/// `取值 执行数 / 预算数`, or `取值 支出进度率: percent [= 实际支付进度 / 既定支付进度]`.
struct value_clause : tagged {
    std::optional<name> input;         ///< set for the declared form `IDENTIFIER : Type (= Expr)?`
    std::optional<type_spec> type;     ///< set exactly when input is
    std::optional<expression> formula; ///< the expression form, or the declared form's `= Expr`
};

struct supplied_by_unit : tagged {};
/// `≥ 95%` or a bare `100%` (op absent: means =).
struct target_value : tagged {
    std::optional<comparison_op> op;
    expression value;
};
/// `由单位填报`, or `≥ 由单位填报` (the unit supplies the value, the rubric the comparator).
struct target_supplied : tagged {
    std::optional<comparison_op> op;
};
/// Target ::= supplied | descriptive text | interval | comparator and value.
using target_spec = x3::variant<target_supplied, text, interval, target_value>;

struct target_clause : tagged {
    target_spec goal;
};

struct rule_clause : tagged {
    rule_body body;
};

using item_clause =
    x3::variant<text_clause, input_decl, value_clause, target_clause, rule_clause, acknowledge>;

/// `分项 名称 { … }`: one row of several scored as one indicator.
struct item : tagged {
    ast::name name;
    std::vector<item_clause> clauses;
};

/// `汇总 平均|最低|最高|全部达标|择一 由单位选择`
struct combine_clause : tagged {
    combine_mode mode{};
    std::optional<ast::chooser> chosen_by; ///< for one_of
};

/// `清零 [path]` (this group, or the whole total at rubric level, when no path).
struct zero_out : tagged {
    std::optional<path> target;
};
/// `等级 差`
struct force_grade : tagged {
    name grade;
};
using veto_effect = x3::variant<zero_out, force_grade>;

/// `一票否决 ["…"] 当 condition: effect`
struct veto : tagged {
    std::optional<text> description;
    expression condition;
    veto_effect effect;
};

// =====================================================================================================
// Groups and indicators (section 3)
// =====================================================================================================

/// `权重 依 区县类别 (主城各区: 10, 其他区县: 8)`
struct category_weight : tagged {
    name category;
    quantity points;
};
struct weight_by_category : tagged {
    name category_set;
    std::vector<category_weight> weights;
};
/// Points (4, 4分, 10.3), a share of the parent (20%), or points by category of unit.
using weight = x3::variant<quantity, weight_by_category>;

using indicator_item = x3::variant<text_clause, input_decl, not_applicable_clause, acknowledge, value_clause,
                                   target_clause, rule_clause, item, combine_clause, exempt_clause>;

struct indicator : tagged {
    path name;
    std::optional<ast::weight> weight;
    std::vector<indicator_item> items;
};

struct group;
using node = x3::variant<indicator, x3::forward_ast<group>>;

/// `覆盖 指标 …` in an extending rubric.
struct override_decl : tagged {
    node target;
};

using group_item = x3::variant<text_clause, input_decl, not_applicable_clause, acknowledge, indicator,
                               x3::forward_ast<group>, override_decl, veto>;

struct group : tagged {
    path name;
    std::optional<ast::weight> weight;
    std::vector<group_item> items;
};

enum class extra_kind { bonus, penalty };

/// `加分项 名称 [最多 5分] { … }` or `减分项 …`: outside the weighted tree.
struct extra_block : tagged {
    extra_kind kind{};
    ast::name name;
    std::optional<quantity> at_most;
    std::vector<group_item> items;
};

// =====================================================================================================
// Rubric-level declarations (section 2)
// =====================================================================================================

enum class metadata_key { issuer, region, source, subject };
enum class round_level { indicator, group, total };
enum class missing_effect { error, zero, not_applicable };

/// `发布机关 "…"`, `地区 "…"`, `来源 "…"`, `评价对象 "…"`
struct metadata : tagged {
    metadata_key key{};
    text value;
};
/// `年度 2024`
struct year_decl : tagged {
    digits year;
};
/// `总分 100`
struct total_decl : tagged {
    quantity points;
};

/// `优: [90, 100]`
struct grade_band : tagged {
    name grade;
    value_range bounds;
};
struct grade_table : tagged {
    std::vector<grade_band> bands;
};

struct step_counting_policy : tagged {
    step_counting counting{};
};
struct percent_steps_policy : tagged {
    percent_step mode{};
};
/// `舍入 总分 2位 四舍五入`
struct rounding_policy : tagged {
    round_level level{};
    digits places;
    rounding_mode mode{};
};
struct missing_policy : tagged {
    missing_effect effect{};
};
struct not_applicable_policy : tagged {
    na_effect effect{};
};
using policy_entry = x3::variant<step_counting_policy, percent_steps_policy, rounding_policy, missing_policy,
                                 not_applicable_policy>;
struct policy : tagged {
    std::vector<policy_entry> entries;
};

/// A parameter of a named rule: `name [: Type] [= default]`.
struct parameter : tagged {
    ast::name name;
    std::optional<type_spec> type;
    std::optional<expression> default_value;
};
/// `定义 规则 名称(参数…) { RuleBody }`
struct rule_def : tagged {
    ast::name name;
    std::vector<parameter> parameters;
    rule_body body;
};
/// `档次 知晓程度 { 普遍知晓, 基本知晓, 不知晓 }`, best first.
struct levels_decl : tagged {
    ast::name name;
    std::vector<ast::name> levels;
};
/// `类别 区县类别 { 主城各区, 其他区县 }`
struct category_decl : tagged {
    ast::name name;
    std::vector<ast::name> categories;
};
/// `计量单位 户, 人次`
struct unit_decl : tagged {
    std::vector<unit_name> units;
};

/// RubricItem (a library uses the subset LibraryItem: metadata, notes, definitions, acknowledgements).
using rubric_item = x3::variant<metadata, year_decl, total_decl, grade_table, policy, rule_def, levels_decl,
                                category_decl, unit_decl, input_decl, text_clause, indicator, group,
                                override_decl, extra_block, veto, acknowledge>;

// =====================================================================================================
// Tests (section 6)
// =====================================================================================================

/// TestValue ::= CmpOp? (DATE | "-"? QUANTITY) | TRUE | FALSE | IDENTIFIER; op only with a date or quantity.
struct test_value : tagged {
    std::optional<comparison_op> op;
    literal value;
};

/// `目标 指标 = 95%`
struct given_target : tagged {
    path node;
    test_value value;
};
/// `不适用 指标`
struct given_not_applicable : tagged {
    path node;
};
/// `评定 指标 = 3 ["理由"]`
struct given_judged : tagged {
    path node;
    test_value value;
    std::optional<text> reason;
};
/// `豁免 指标 "理由"`
struct given_exempt : tagged {
    path node;
    text reason;
};
/// `选择 指标 = 分项名`
struct given_choice : tagged {
    path node;
    name choice;
};
/// `类别 区县类别 = 主城各区`
struct given_category : tagged {
    name category_set;
    name category;
};
/// `执行数 = 95`, `指标.要点 = 具备`
struct given_input : tagged {
    path input;
    test_value value;
};
using given_item = x3::variant<given_target, given_not_applicable, given_judged, given_exempt, given_choice,
                               given_category, given_input>;
struct given : tagged {
    std::vector<given_item> items;
};

enum class expect_kind { score, subtotal, value };
/// `得分 指标 = 3`, `小计 分组 = 20`, `取值 指标 = 95%`
struct expect_node : tagged {
    expect_kind kind{};
    path node;
    test_value value;
};
struct expect_total : tagged {
    test_value value;
};
struct expect_grade : tagged {
    name grade;
};
struct expect_error : tagged {
    text message;
};
using expectation = x3::variant<expect_node, expect_total, expect_grade, expect_error>;
struct expect : tagged {
    std::vector<expectation> items;
};

enum class column_kind { target, not_applicable, judged, score, subtotal, value, total, grade, error, input };
/// A header cell: `目标 指标`, `得分 指标`, `总分`, `等级`, `报错`, or an input name (kind == input).
struct table_column : tagged {
    column_kind kind{};
    std::optional<path> subject; ///< absent for total, grade and error
};
/// `-`: no value in this cell.
struct empty_cell : tagged {};
using table_cell = x3::variant<empty_cell, text, test_value>;
struct table_row : tagged {
    std::vector<table_cell> cells;
};
struct test_table : tagged {
    std::vector<table_column> columns;
    std::vector<table_row> rows;
};

using test_item = x3::variant<given, expect, test_table>;

/// `测试 "名称" { 给定 …  期望 … }`
struct test_case : tagged {
    text title;
    std::vector<test_item> items;
};

// =====================================================================================================
// Files (section 1)
// =====================================================================================================

/// `导入 "path" [作为 别名]`
struct import_decl : tagged {
    text file; ///< one STRING
    std::optional<name> alias;
};

enum class module_kind { rubric, template_, library, test_suite };

/// A whole file.
struct source_module : tagged {
    std::vector<import_decl> imports;
    module_kind kind{};
    text title;               ///< the title; for a test suite, the file of the rubric it tests
    std::optional<text> base; ///< `extends "…"` / `基于 "…"`
    std::vector<rubric_item> items;
    std::vector<test_case> tests; ///< a test suite's tests, then the tests after the module
};

// =====================================================================================================
// Helpers
// =====================================================================================================

inline const tagged& tag_of(const tagged& n) noexcept {
    return n;
}
template <typename T>
const tagged& tag_of(const x3::forward_ast<T>& n) noexcept {
    return n.get();
}
/// The range of whichever alternative a variant holds (every alternative is tagged).
template <typename... Ts>
source_range range_of(const x3::variant<Ts...>& v) {
    return boost::apply_visitor([](const auto& alternative) { return tag_of(alternative).range; }, v.get());
}
inline source_range range_of(const tagged& n) noexcept {
    return n.range;
}

// The English keyword spelling of each choice ("per_drop", "half_up", "template", …).
std::string_view to_string(comparison_op) noexcept;
/// The comparison as tables print it: "≥", "≤", "≠", "=", ">", "<".
std::string_view to_symbol(comparison_op) noexcept;
std::string_view to_string(binary_op) noexcept; ///< the operator: "or", "and", ">=", "+", "*", …
std::string_view to_string(unary_op) noexcept;  ///< "not", "-", "+"
std::string_view to_string(context_kind) noexcept;
std::string_view to_string(function_name) noexcept;
std::string_view to_string(value_type) noexcept;
std::string_view to_string(step_counting) noexcept;
std::string_view to_string(percent_step) noexcept;
std::string_view to_string(step_direction) noexcept;
std::string_view to_string(step_verb) noexcept;
std::string_view to_string(bound_kind) noexcept;
std::string_view to_string(fixed_outcome) noexcept;
std::string_view to_string(proportional_kind) noexcept;
std::string_view to_string(checklist_mode) noexcept;
std::string_view to_string(check_outcome_kind) noexcept;
std::string_view to_string(rank_order) noexcept;
std::string_view to_string(text_kind) noexcept;
std::string_view to_string(na_effect) noexcept;
std::string_view to_string(exempt_effect) noexcept;
std::string_view to_string(combine_mode) noexcept;
std::string_view to_string(chooser) noexcept;
std::string_view to_string(extra_kind) noexcept;
std::string_view to_string(metadata_key) noexcept;
std::string_view to_string(round_level) noexcept;
std::string_view to_string(missing_effect) noexcept;
std::string_view to_string(expect_kind) noexcept;
std::string_view to_string(column_kind) noexcept;
std::string_view to_string(module_kind) noexcept;

} // namespace rubric::ast

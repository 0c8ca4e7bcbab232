// values.hpp — one unit's values as written: read from a JSON or CSV text, not yet typed by a rubric.
//
// A values file is what a unit (or its evaluator) hands over: the inputs (`实际支付进度: 95.4%`) and what the
// rubric leaves to the unit — per-unit targets, the unit's category, indicators marked not applicable,
// exemptions with their reasons, scores entered by the evaluator, choices between alternatives. Reading
// keeps every entry's text exactly as written (numbers are never read through `double`) and where it was
// written, so that binding it to a rubric (scoring.hpp) can report a wrong unit or an unknown name at the
// file's line. Reading is all or nothing: with any error, `values` is empty.
//
// The formats (README “Values files”):
// - JSON: `{ "values": { "实际支付进度": "95.4%", "预算数": 8383.52 }, "targets": {…}, "not_applicable": […],
//   "exempt": {…}, "judged": {…}, "choices": {…}, "category": {…}, "unit": "…" }`; section names also in
//   Chinese (取值, 目标, 不适用, 豁免, 评定, 选择, 类别, 单位). A JSON number is taken from its decimal text, as
//   written (`1e2` stays "1e2"); `true`/`false` as a value become 是/否. A judged score is a score or
//   `{"score": …, "reason": "…"}` (得分, 理由); `not_applicable` is an array of paths or an object path → reason.
// - CSV: `key,value[,reason]` rows, UTF-8 with or without BOM, fields quoted as spreadsheets export them.
//   A key is an input name, or a keyword and a path as in a test's `给定`: `目标 项目产出`, `不适用 效益.经济效益`,
//   `豁免 预算调整率`, `评定 经济效益`, `选择 受益对象覆盖`, `类别 区县类型` (English: target, not_applicable,
//   exempt, judged, choose, category), or `单位`/`unit` for the unit's name. For 豁免 and 不适用 the second
//   field is the reason; for 评定 the third. An optional header row `name,value` (or `名称,取值`) is skipped;
//   blank lines and lines starting with `#` are too.
#pragma once

#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rubric {

/// What a values entry gives.
enum class value_kind {
    input,          ///< an input's value, or a checklist item's (`财务管理制度健全性.1: 具备`)
    target,         ///< a per-unit target of an indicator whose rubric says `由单位填报`
    not_applicable, ///< the indicator, item or group is marked not applicable
    exempt,         ///< an exemption the rubric names is claimed, with its reason
    judged,         ///< a score entered by the evaluator, with its reason if any
    choice,         ///< the item chosen for an indicator that scores `择一`
    category,       ///< the unit's category in a category set
    claimed,        ///< a score the unit claims (自评得分) for a node, or its claimed total (总分) or grade (等级)
};

/// Words for a kind as the CSV and the messages write them: "目标", "不适用", …; "" for input.
std::string_view to_string(value_kind kind) noexcept;

/// One entry of a values file, as written.
struct value_entry {
    value_kind kind = value_kind::input;
    /// The input's name; the indicator's (or group's, or item's) path for targets, marks, exemptions, judged
    /// scores and choices; the category set's name for a category.
    std::string key{};
    /// The value as written, trimmed: "95.4%", "8383.52万元", "≥266米", "具备", "≥ 95%"; the chosen item for a
    /// choice; the category for a category; empty for a not-applicable mark.
    std::string text{};
    std::string reason{};       ///< an exemption's, a judged score's or a not-applicable mark's reason, or ""
    source_range key_range{};   ///< where the key is written in the values file
    source_range value_range{}; ///< where the value is written (the key's range when there is none)
};

/// A unit's values: every entry in the order written.
struct unit_values {
    std::string file{}; ///< the name diagnostics use (the source_file's name)
    std::string unit{}; ///< the unit's name as the file gives it ("" when it does not), for reports
    std::vector<value_entry> entries{};
};

/// What reading a values text gave.
struct values_result {
    std::optional<unit_values> values; ///< present exactly when there are no errors
    diagnostic_list diagnostics;

    bool ok() const noexcept { return !diagnostics.has_errors(); }
};

/// Reads a JSON values text. Diagnostics (codes V01xx) point into `file`.
values_result read_values_json(const source_file& file);
/// Reads a CSV values text. Diagnostics (codes V01xx) point into `file`.
values_result read_values_csv(const source_file& file);

} // namespace rubric

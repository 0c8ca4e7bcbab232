// keywords.cpp — the keyword table (grammar/rubric.ebnf section 8) and its lookup.
#include "syntax/keywords.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace rubric::syntax {
namespace {

struct keyword_entry {
    keyword kw;
    std::array<std::string_view, 7> words; // English, canonical Chinese (README §3), aliases; then empty
};

// clang-format off
constexpr keyword_entry keyword_table[] = {
    {keyword::rubric, {"rubric", "评分表"}},
    {keyword::template_, {"template", "模板"}},
    {keyword::library, {"library", "规则库"}},
    {keyword::extends, {"extends", "基于"}},
    {keyword::import, {"import", "导入"}},
    {keyword::as, {"as", "作为"}},
    {keyword::tests, {"tests", "测试集"}},
    {keyword::for_, {"for", "针对"}},
    {keyword::issuer, {"issuer", "发布机关", "发文机关"}},
    {keyword::region, {"region", "地区"}},
    {keyword::year, {"year", "年度"}},
    {keyword::source, {"source", "来源"}},
    {keyword::subject, {"subject", "评价对象", "被评价单位"}},
    {keyword::note, {"note", "说明"}},
    {keyword::total, {"total", "总分"}},
    {keyword::grade, {"grade", "等级"}},
    {keyword::policy, {"policy", "口径"}},
    {keyword::step_counting, {"step_counting", "计步"}},
    {keyword::pro_rata, {"pro_rata", "按比例计步"}},
    {keyword::full_steps, {"full_steps", "按整步"}},
    {keyword::started_steps, {"started_steps", "按起算步数"}},
    {keyword::percent_steps, {"percent_steps", "百分比步长"}},
    {keyword::percentage_points, {"percentage_points", "按百分点"}},
    {keyword::relative, {"relative", "按相对值"}},
    {keyword::round, {"round", "舍入"}},
    {keyword::places, {"places", "位"}},
    {keyword::missing, {"missing", "缺失值"}},
    {keyword::error, {"error", "报错"}},
    {keyword::not_applicable, {"not_applicable", "不适用"}},
    {keyword::share, {"share", "分给同级"}},
    {keyword::rescale, {"rescale", "折算"}},
    {keyword::forbidden, {"forbidden", "不允许"}},
    {keyword::half_up, {"half_up", "四舍五入"}},
    {keyword::half_even, {"half_even", "四舍六入五成双", "银行家舍入"}},
    {keyword::half_down, {"half_down", "五舍六入"}},
    {keyword::down, {"down", "截断", "去尾"}},
    {keyword::up, {"up", "进一"}},
    {keyword::floor, {"floor", "向下取整"}},
    {keyword::ceiling, {"ceiling", "向上取整"}},
    {keyword::define, {"define", "定义"}},
    {keyword::rule, {"rule", "规则"}},
    {keyword::levels, {"levels", "档次"}},
    {keyword::category, {"category", "类别"}},
    {keyword::unit, {"unit", "计量单位"}},
    {keyword::input, {"input", "输入"}},
    {keyword::percent, {"percent", "百分比"}},
    {keyword::amount, {"amount", "金额"}},
    {keyword::count, {"count", "计数"}},
    {keyword::number, {"number", "数值"}},
    {keyword::boolean, {"boolean", "是否", "判断"}},
    {keyword::date, {"date", "日期"}},
    {keyword::range, {"range", "范围"}},
    {keyword::default_, {"default", "缺省"}},
    {keyword::group, {"group", "分组"}},
    {keyword::indicator, {"indicator", "指标"}},
    {keyword::weight, {"weight", "权重", "权重分", "分值"}},
    {keyword::by, {"by", "依"}},
    {keyword::item, {"item", "分项"}},
    {keyword::combine, {"combine", "汇总"}},
    {keyword::mean, {"mean", "平均"}},
    {keyword::lowest, {"lowest", "最低"}},
    {keyword::highest, {"highest", "最高"}},
    {keyword::all_met, {"all_met", "全部达标"}},
    {keyword::one_of, {"one_of", "择一"}},
    {keyword::chosen_by_unit, {"chosen_by_unit", "由单位选择"}},
    {keyword::chosen_by_evaluator, {"chosen_by_evaluator", "由评价人选择"}},
    {keyword::text, {"text", "原文"}},
    {keyword::explanation, {"explanation", "解释", "指标解释"}},
    {keyword::value, {"value", "取值"}},
    {keyword::target, {"target", "目标"}},
    {keyword::supplied_by_unit, {"supplied_by_unit", "由单位填报"}},
    {keyword::exempt, {"exempt", "豁免"}},
    {keyword::acknowledge, {"acknowledge", "确认"}},
    {keyword::override, {"override", "覆盖"}},
    {keyword::bonus, {"bonus", "加分", "加分项"}},
    {keyword::penalty, {"penalty", "减分", "减分项"}},
    {keyword::veto, {"veto", "一票否决"}},
    {keyword::when, {"when", "当"}},
    {keyword::zero_out, {"zero_out", "清零"}},
    {keyword::per_drop, {"per_drop", "每降低", "每低于", "每减少", "每下降"}},
    {keyword::per_rise, {"per_rise", "每增加", "每超过", "每高于", "每增长", "每上升", "每超出"}},
    {keyword::per_deviation, {"per_deviation", "每偏离", "每增长或降低", "每增加或减少", "每相差"}},
    {keyword::per_occurrence, {"per_occurrence", "每出现", "每发现"}},
    {keyword::on, {"on", "对"}},
    {keyword::deduct, {"deduct", "扣", "扣减", "减"}},
    {keyword::add, {"add", "加"}},
    {keyword::at_most, {"at_most", "最多", "最多扣", "最多加", "至多"}},
    {keyword::from, {"from", "起扣"}},
    {keyword::base, {"base", "基础分"}},
    {keyword::until_zero, {"until_zero", "扣完为止", "直至扣完", "减完为止", "直至减完"}},
    {keyword::floor_at, {"floor_at", "保底"}},
    {keyword::cap_at, {"cap_at", "封顶"}},
    {keyword::bands, {"bands", "分档"}},
    {keyword::otherwise, {"otherwise", "否则"}},
    {keyword::cases, {"cases", "情形"}},
    {keyword::by_level, {"by_level", "按档次"}},
    {keyword::proportional, {"proportional", "按比例"}},
    {keyword::inverse_proportional, {"inverse_proportional", "按反比例"}},
    {keyword::completion_ratio, {"completion_ratio", "按完成比例"}},
    {keyword::score, {"score", "得分"}},
    {keyword::checklist, {"checklist", "要点"}},
    {keyword::each, {"each", "各"}},
    {keyword::all_or_nothing, {"all_or_nothing", "全部具备"}},
    {keyword::gate, {"gate", "门槛"}},
    {keyword::judged, {"judged", "评定"}},
    {keyword::reason_required, {"reason_required", "须附理由"}},
    {keyword::pending, {"pending", "待定"}},
    {keyword::rank, {"rank", "排名"}},
    {keyword::higher_better, {"higher_better", "高者优"}},
    {keyword::lower_better, {"lower_better", "低者优"}},
    {keyword::top, {"top", "前"}},
    {keyword::per_place, {"per_place", "每位次"}},
    {keyword::full, {"full", "满分"}},
    {keyword::zero, {"zero", "不得分"}},
    {keyword::met, {"met", "达标"}},
    {keyword::and_, {"and", "且", "并且"}},
    {keyword::or_, {"or", "或", "或者"}},
    {keyword::not_, {"not", "非"}},
    {keyword::true_, {"true", "是", "具备"}},
    {keyword::false_, {"false", "否", "不具备"}},
    {keyword::min, {"min", "最小值"}},
    {keyword::max, {"max", "最大值"}},
    {keyword::abs, {"abs", "绝对值"}},
    {keyword::test, {"test", "测试"}},
    {keyword::given, {"given", "给定"}},
    {keyword::expect, {"expect", "期望"}},
    {keyword::table, {"table", "表格"}},
    {keyword::subtotal, {"subtotal", "小计"}},
    {keyword::choose, {"choose", "选择"}},
};
// clang-format on

constexpr std::size_t spelling_count() {
    std::size_t n = 0;
    for (const auto& entry : keyword_table)
        for (const auto& word : entry.words)
            n += word.empty() ? 0 : 1;
    return n;
}

struct spelling {
    std::string_view word;
    keyword kw;
};

// Every spelling, sorted by its bytes, for a binary search.
constexpr auto sorted_spellings = [] {
    std::array<spelling, spelling_count()> all{};
    std::size_t n = 0;
    for (const auto& entry : keyword_table)
        for (const auto& word : entry.words)
            if (!word.empty()) all[n++] = {word, entry.kw};
    std::sort(all.begin(), all.end(), [](const spelling& a, const spelling& b) { return a.word < b.word; });
    return all;
}();

// entry_of indexes the table by the enum's value.
constexpr bool table_in_enum_order() {
    for (std::size_t i = 0; i < std::size(keyword_table); ++i)
        if (static_cast<std::size_t>(keyword_table[i].kw) != i) return false;
    return true;
}
static_assert(table_in_enum_order() && std::size(keyword_table) == keyword_count);

const keyword_entry& entry_of(keyword k) noexcept {
    return keyword_table[static_cast<std::size_t>(k)];
}

} // namespace

std::optional<keyword> find_keyword(std::string_view word) noexcept {
    const auto it = std::lower_bound(sorted_spellings.begin(), sorted_spellings.end(), word,
                                     [](const spelling& s, std::string_view w) { return s.word < w; });
    if (it != sorted_spellings.end() && it->word == word) return it->kw;
    return std::nullopt;
}

std::span<const std::string_view> spellings(keyword k) noexcept {
    const auto& words = entry_of(k).words;
    const auto used =
        static_cast<std::size_t>(std::find(words.begin(), words.end(), std::string_view()) - words.begin());
    return {words.data(), used};
}

std::string describe(keyword k) {
    const auto words = spellings(k);
    std::string out = "`";
    out += words.size() > 1 ? words[1] : words[0];
    out += "`/`";
    out += words[0];
    out += "`";
    return out;
}

} // namespace rubric::syntax

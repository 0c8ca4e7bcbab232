// result.cpp — the public result (result.hpp): evaluate() and what a caller reads from a trace.
#include "eval/evaluate.hpp"
#include "eval/explain.hpp"

#include <stdexcept>

namespace rubric {

std::string_view to_string(node_status status) noexcept {
    switch (status) {
    case node_status::scored: return "scored";
    case node_status::not_applicable: return "not_applicable";
    case node_status::exempt: return "exempt";
    case node_status::error: return "error";
    }
    return "error";
}

result::result() : trace_(std::make_unique<detail::trace>()) {}
result::~result() = default;
result::result(result&&) noexcept = default;
result& result::operator=(result&&) noexcept = default;
result::result(const result& other) : trace_(std::make_unique<detail::trace>(*other.trace_)) {}
result& result::operator=(const result& other) {
    if (this != &other) *trace_ = *other.trace_;
    return *this;
}

detail::trace& result::record() {
    if (!trace_) trace_ = std::make_unique<detail::trace>();
    return *trace_;
}

bool result::complete() const noexcept {
    return trace_ && trace_->evaluated && trace_->complete;
}

std::optional<decimal> result::total() const {
    if (!complete()) return std::nullopt;
    return trace_->total;
}

std::optional<decimal> result::unrounded_total() const {
    if (!complete()) return std::nullopt;
    return trace_->unrounded_total;
}

std::optional<std::string_view> result::grade() const noexcept {
    if (!complete() || !trace_->grade) return std::nullopt;
    return trace_->code->grade_names[*trace_->grade];
}

std::size_t node_results::size() const noexcept {
    return trace_ && trace_->evaluated ? trace_->nodes.size() : 0;
}

node_result node_results::operator[](std::size_t node) const {
    return detail::outcome_of(*trace_, node);
}

std::string result::error(std::size_t node, language lang) const {
    if (!trace_ || !trace_->evaluated || node >= trace_->nodes.size()) throw std::out_of_range("result::error");
    detail::trace scratch;
    return detail::error_of(detail::with_records(*trace_, scratch), node, lang);
}

std::string result::explain(std::size_t node, language lang) const {
    if (!trace_ || !trace_->evaluated || node >= trace_->nodes.size()) throw std::out_of_range("result::explain");
    detail::trace scratch;
    return detail::explain_node(detail::with_records(*trace_, scratch), node, lang);
}

node_detail result::detail(std::size_t node) const {
    if (!trace_ || !trace_->evaluated || node >= trace_->nodes.size()) throw std::out_of_range("result::detail");
    detail::trace scratch;
    return detail::detail_of(detail::with_records(*trace_, scratch), node);
}

std::vector<std::string> result::vetoes(language lang) const {
    std::vector<std::string> out;
    if (!trace_ || !trace_->evaluated) return out;
    // The fixed-point scorer takes no program with vetoes: when there are any, the interpreter wrote them.
    const detail::program& p = *trace_->code;
    const bool zh = lang == language::zh;
    for (std::size_t i = 0; i < p.vetoes.size(); ++i) {
        const detail::plan::veto& v = p.vetoes[i];
        const std::string what = v.description.empty() ? v.condition_text : v.description;
        if (trace_->vetoes[i].failure) {
            out.push_back((zh ? "一票否决“" + what + "”无法判定：" : "veto “" + what + "” undecided: ") +
                          detail::veto_error(*trace_, i, lang));
            continue;
        }
        if (!trace_->vetoes[i].applied) continue;
        std::string effect;
        switch (v.effect) {
        case detail::plan::veto_effect::zero_node: effect = (zh ? "清零 " : "sets to 0: ") + p.info[v.node].name; break;
        case detail::plan::veto_effect::zero_total: effect = zh ? "总分清零" : "sets the total to 0"; break;
        case detail::plan::veto_effect::force_grade:
            effect = (zh ? "等级定为 " : "forces the grade ") + p.grade_names[v.grade];
            break;
        }
        out.push_back((zh ? "一票否决“" + what + "”：" : "veto “" + what + "”: ") + effect);
    }
    return out;
}

void evaluate(const compiled_rubric& rubric, const bound_values& values, result& out) {
    // The bound values hold no pointer to their rubric; a caller binding with one rubric and evaluating with
    // another gets arrays of the wrong size, which is checked here rather than read out of bounds.
    const detail::unit_state& unit = values.state();
    // Before anything waits on memory (the result takes a reference to the unit's state).
    detail::prefetch_scored_arrays(unit);
    const detail::program& code = rubric.program();
    if (unit.inputs.size() != code.inputs.size() || unit.set_aside.size() != code.nodes.size())
        throw std::invalid_argument("rubric::evaluate: the values were bound to another rubric");
    detail::evaluate_into(out.record(), rubric.shared_program(), values.shared_state());
}

result evaluate(const compiled_rubric& rubric, const bound_values& values) {
    result out;
    evaluate(rubric, values, out);
    return out;
}

} // namespace rubric

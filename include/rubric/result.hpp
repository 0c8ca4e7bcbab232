// result.hpp — scoring a unit: bind its values to a compiled rubric, evaluate, read the result tree and the
// explanations.
//
//     rubric::bind_result bound = rubric::bind(compiled, values);        // typed, checked, all or nothing
//     rubric::result scored;
//     rubric::evaluate(compiled, *bound.values, scored);                 // reuses scored's storage
//     scored.total(), scored.grade(), scored.nodes()[i].score, scored.explain(i, rubric::language::zh)
//
// Errors: a value that does not fit the rubric (unknown name, wrong unit, outside its domain) is a diagnostic
// of bind(); a problem met while scoring (a missing value, a division by zero) is an error of that node only,
// recorded in the result: the other nodes are still scored and the total is marked incomplete, never summed
// over what is missing. Exceptions are for misuse only: std::out_of_range from error()/explain() with a node
// out of range or before any evaluation, std::invalid_argument from evaluate() with values bound to another
// rubric; and std::bad_alloc.
//
// Threads: a compiled_rubric and a bound_values are immutable and may be shared; a result is written by one
// evaluate() at a time. Evaluating into a result that already has the rubric's shape allocates nothing.
//
// Speed: a rubric of the common shape (fixed weights; step rules with constant points, checklists, level and
// band tables; no vetoes) is scored in machine integers whenever the unit allows it, to exactly the result
// the general evaluator gives. That path keeps node scores as integers (nodes() makes them decimals when they
// are read, and a subtotal that is a plain sum of its children's scores, then too), the total and the grade:
// error(), explain() and detail() score the unit once more with the general evaluator to have the figures
// they show (a few microseconds, and they allocate, as building their strings does anyway).
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <rubric/compiler.hpp>
#include <rubric/decimal.hpp>
#include <rubric/diagnostic.hpp>
#include <rubric/values.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rubric {

namespace detail {
struct unit_state;
struct trace;
} // namespace detail

/// A unit's values bound to one compiled rubric: every entry typed by what it names (95.4% as a percent,
/// 8383.52万元 as 83835200 元), ready to be scored any number of times. Immutable; cheap to copy.
class bound_values {
public:
    explicit bound_values(std::shared_ptr<const detail::unit_state> state) : state_(std::move(state)) {}
    const detail::unit_state& state() const noexcept { return *state_; }
    const std::shared_ptr<const detail::unit_state>& shared_state() const noexcept { return state_; }

private:
    std::shared_ptr<const detail::unit_state> state_;
};

struct bind_result {
    std::optional<bound_values> values; ///< present exactly when there are no errors (all or nothing)
    diagnostic_list diagnostics;        ///< codes V02xx, pointing into the values file

    bool ok() const noexcept { return !diagnostics.has_errors(); }
};

/// Types every entry of `values` by the rubric. Every problem is reported, not only the first.
bind_result bind(const compiled_rubric& rubric, const unit_values& values);

/// How a node came out.
enum class node_status {
    scored,         ///< scored by its rule (or, for a group, from its children)
    not_applicable, ///< marked not applicable: left out as the rubric says (满分, 分给同级, 折算)
    exempt,         ///< an exemption claimed: scored as the exemption says
    error,          ///< could not be scored (a missing value, a division by zero, …): see error()
};

std::string_view to_string(node_status status) noexcept; ///< "scored", "not_applicable", "exempt", "error"

/// One node's outcome.
struct node_result {
    node_status status = node_status::error;
    decimal max;       ///< the weight this unit is scored under (by its category where weights depend on it)
    decimal score;     ///< rounded where and as the rubric says; meaningless when status is error
    decimal unrounded; ///< the same score before any rounding
    bool zeroed = false; ///< set to 0 by a veto (一票否决); score is 0, unrounded keeps the rule's score
};

/// How a step clause counts its steps (README §9.1).
enum class step_counting { pro_rata, full_steps, started_steps };
/// What a step clause measures.
enum class step_direction { below, above, either_way, occurrences };

/// One step clause as it applied (每降低 1% 扣 10% 权重).
struct step_detail {
    step_direction direction = step_direction::below;
    bool deducts = true;              ///< false: the clause adds
    std::optional<decimal> reference; ///< what the deviation is measured from; nullopt: the clause cannot apply
    decimal deviation; ///< in base units (a percent as a ratio: 0.046 for 4.6 points), before a relative division
    bool relative = false; ///< the deviation is divided by |reference| before counting
    decimal step;          ///< in base units
    rubric::step_counting counting = rubric::step_counting::pro_rata;
    decimal steps;
    decimal per_step; ///< points per step
    decimal moved;    ///< points deducted or added, after the clause's cap
    bool capped = false;
};

/// The figures behind an indicator's or an item's score (empty for groups).
struct node_detail {
    std::optional<decimal> value;  ///< the scored value in base units (a percent as a ratio)
    std::string value_text;        ///< as the explanation shows it: “95.4%”, “8383.52万元”, “普遍知晓”
    std::optional<decimal> target; ///< the target's value (an interval's lower end)
    std::string target_text;       ///< “≥100%”, “[95%, 105%]”, “健全”
    std::optional<bool> met;       ///< whether the value meets the target
    std::string branch;            ///< the band or case that applied, as written (“[80%, 90%)”, “本年结余 = 0”)
    std::vector<step_detail> steps;
    std::optional<decimal> rule_score; ///< the rule's score before it is kept within [0, weight]
};

/// The language of explanations and error messages.
enum class language { zh, en };

/// Every node's outcome, parallel to compiled_rubric::nodes(): a view of a result, valid while the result
/// lives and is not evaluated into again. An outcome is made when it is read (the fast path keeps scores as
/// integers until then), so elements are values, not references into the result.
class node_results {
public:
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = node_result;
        using reference = node_result;
        using pointer = void;
        using difference_type = std::ptrdiff_t;
        iterator() = default;
        node_result operator*() const { return node_results(trace_)[at_]; }
        iterator& operator++() noexcept {
            ++at_;
            return *this;
        }
        iterator operator++(int) noexcept {
            iterator before = *this;
            ++at_;
            return before;
        }
        bool operator==(const iterator&) const = default;

    private:
        friend class node_results;
        iterator(const detail::trace* of, std::size_t at) noexcept : trace_(of), at_(at) {}
        const detail::trace* trace_ = nullptr;
        std::size_t at_ = 0;
    };

    explicit node_results(const detail::trace* of) noexcept : trace_(of) {}
    std::size_t size() const noexcept;
    bool empty() const noexcept { return size() == 0; }
    /// The outcome of node `node` (< size()).
    node_result operator[](std::size_t node) const;
    iterator begin() const noexcept { return {trace_, 0}; }
    iterator end() const noexcept { return {trace_, size()}; }

private:
    const detail::trace* trace_;
};

/// The result of scoring one unit: every node's outcome, the total and the grade.
class result {
public:
    result();
    ~result();
    result(result&&) noexcept;
    result& operator=(result&&) noexcept;
    result(const result&);
    result& operator=(const result&);

    /// Whether every node could be scored; when not, total() and grade() are empty.
    bool complete() const noexcept;
    /// The total after bonus, penalty, vetoes and rounding; nullopt when incomplete or never evaluated.
    std::optional<decimal> total() const;
    /// The total before the total's rounding (present when total() is).
    std::optional<decimal> unrounded_total() const;
    /// The grade's name, a veto's forced grade included; nullopt when incomplete or no grade table covers it.
    std::optional<std::string_view> grade() const noexcept;
    /// Parallel to compiled_rubric::nodes(); empty before any evaluation.
    node_results nodes() const noexcept { return node_results(trace_.get()); }

    /// Why a node with status error could not be scored (empty otherwise): “缺少取值：调整预算数”.
    std::string error(std::size_t node, language lang = language::zh) const;
    /// How a node's score came about, one paragraph a reviewer can follow (README “Explanations”).
    std::string explain(std::size_t node, language lang = language::zh) const;
    /// The figures behind a node's score: value, target, the branch and the steps that applied.
    node_detail detail(std::size_t node) const;
    /// The vetoes that applied, each as a sentence.
    std::vector<std::string> vetoes(language lang = language::zh) const;

    /// The evaluation record, for the evaluator and explanation writer inside the library.
    detail::trace& record();
    const detail::trace* record() const noexcept { return trace_.get(); }

private:
    std::unique_ptr<detail::trace> trace_;
};

/// Scores one unit into `out`, reusing its storage: the fast path allocates nothing once `out` has held a
/// result of the same rubric.
void evaluate(const compiled_rubric& rubric, const bound_values& values, result& out);
/// Scores one unit into a new result.
result evaluate(const compiled_rubric& rubric, const bound_values& values);

} // namespace rubric

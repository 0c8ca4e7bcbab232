// decimal_benchmark.cpp — rubric::decimal vs int64 fixed point, cpp_rational and double, one workload.
//
// Workload: 10^5 generated actuals (80.00%–105.00%, 1–2 decimal places), each scored by two rules of real
// tables, both scores summed into a checksum:
//   deduction (支出进度率, seed 004): target 100%, weight 4, deduct 10% of the weight per *started* point
//     below target, floored at 0: steps = ceiling(max(target − actual, 0) / 1%),
//     score = max(weight − steps × weight × 10%, 0);
//   proportional (预算执行率): target 95%, weight 10, score = min(actual / target, 1) × weight, rounded
//     half-up to 2 places (95% makes the quotient non-terminating).
// Every implementation gets the same values in its own representation; after timing, each one's per-unit
// scores are checked against cpp_rational (the oracle) and the results become counters. A final table gives
// ns/unit and the ratio to the int64 baseline.
#include "allocation_counting.hpp"
#include "time_units.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <rubric/decimal.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;
using rubric::decimal;

constexpr std::size_t unit_count = 100'000;

// ---- The generated workload, shared by all four implementations. ----

struct workload {
    // Each form is converted exactly from the same integer bp = actual × 10^4 (95.4% → 9540).
    std::vector<decimal> decimals;       // parsed from text with rubric::parse_decimal
    std::vector<std::int64_t> fixed;     // actual × 10^6
    std::vector<cpp_rational> rationals; // bp / 10^4
    std::vector<double> doubles;         // bp / 10000.0, as a naive implementation would
    // The oracle (cpp_rational, untimed): each unit's two scores in hundredths, and their total.
    std::vector<std::int64_t> deduction_hundredths, proportional_hundredths;
    std::int64_t checksum_hundredths = 0;
};

// ---- rubric::decimal: the rules written as a compiled rubric would evaluate them. ----

struct decimal_rules {
    static decimal parse(std::string_view text) { return *rubric::parse_decimal(text).value; }
    decimal zero = 0, one = 1;
    decimal target = parse("100%"), point = parse("1%"), deduction_weight = 4;
    decimal per_step = deduction_weight * parse("10%"); // a constant of the rule, folded once
    decimal proportional_target = parse("95%"), proportional_weight = 10;

    decimal deduction(const decimal& actual) const {
        const decimal shortfall = rubric::max(target - actual, zero);
        const decimal steps = (shortfall / point).ceiling();
        return rubric::max(deduction_weight - steps * per_step, zero);
    }
    decimal proportional(const decimal& actual) const {
        const decimal ratio = rubric::min(actual / proportional_target, one);
        return (ratio * proportional_weight).round(2, rubric::rounding_mode::half_up);
    }
};

// ---- int64 fixed point, scale 10^6: the hand-written baseline, exact for this workload. ----

struct fixed_rules {
    static constexpr std::int64_t scale = 1'000'000, hundredth = scale / 100;
    // The rule's parameters. BM_int64_fixed_point lets the compiler fold them into the code, as a scorer
    // written for one table can; BM_int64_runtime_parameters hides them from it, as they are hidden from any
    // evaluator that reads them from a rubric (divisions by them stay divisions).
    std::int64_t target = scale, point = scale / 100, deduction_weight = 4 * scale;
    std::int64_t per_step = deduction_weight / 10;
    std::int64_t proportional_target = 95 * scale / 100, proportional_weight = 10;

    std::int64_t deduction(std::int64_t actual) const {
        const std::int64_t shortfall = std::max(target - actual, std::int64_t{0});
        const std::int64_t steps = (shortfall + point - 1) / point; // ceiling division (shortfall ≥ 0)
        return std::max(deduction_weight - steps * per_step, std::int64_t{0});
    }
    std::int64_t proportional(std::int64_t actual) const {
        // min(actual / target, 1) = min(actual, target) / target; multiplying by the weight before the one
        // division keeps the only truncation at the 10^6 scale (at most 10^13, no overflow).
        const std::int64_t capped = std::min(actual, proportional_target);
        const std::int64_t scaled = capped * proportional_weight * scale / proportional_target;
        // Half-up to 2 places. Exact although `scaled` was truncated: a tie (x.xx5) is representable at
        // 10^6, so truncating a non-negative value never moves it across one.
        return (scaled + hundredth / 2) / hundredth * hundredth;
    }
};

// ---- Boost cpp_rational: the same rules on the arbitrary-precision rational; also the oracle. ----

struct rational_rules {
    cpp_rational zero = 0, one = 1;
    cpp_rational target = 1, point = cpp_rational(1, 100), deduction_weight = 4;
    cpp_rational per_step = deduction_weight * cpp_rational(1, 10);
    cpp_rational proportional_target = cpp_rational(95, 100), proportional_weight = 10;

    cpp_rational deduction(const cpp_rational& actual) const {
        const cpp_rational shortfall = actual < target ? cpp_rational(target - actual) : zero;
        const cpp_rational quotient = shortfall / point;
        const cpp_int steps = (numerator(quotient) + denominator(quotient) - 1) / denominator(quotient);
        const cpp_rational score = deduction_weight - cpp_rational(steps) * per_step;
        return score < zero ? zero : score;
    }
    cpp_rational proportional(const cpp_rational& actual) const {
        cpp_rational ratio = actual / proportional_target;
        if (ratio > one) ratio = one;
        const cpp_rational score = ratio * proportional_weight;
        // Half-up to hundredths of a non-negative n/d: floor((200n + d) / 2d).
        const cpp_int& n = numerator(score);
        const cpp_int& d = denominator(score);
        return cpp_rational(cpp_int((n * 200 + d) / (d * 2)), cpp_int(100));
    }
};

// ---- double: what a naive implementation writes. ----

struct double_rules {
    static double deduction(double actual) {
        const double shortfall = std::max(1.0 - actual, 0.0);
        const double steps = std::ceil(shortfall / 0.01);
        return std::max(4.0 - steps * (4.0 * 0.1), 0.0);
    }
    static double proportional(double actual) {
        const double score = std::min(actual / 0.95, 1.0) * 10.0;
        return std::round(score * 100.0) / 100.0;
    }
};

// A score the rules left on a hundredth (every score here), as an integer count of hundredths.
std::int64_t to_hundredths(const cpp_rational& score) {
    const cpp_rational scaled = score * 100;
    if (denominator(scaled) != 1) throw std::logic_error("score is not a multiple of 0.01");
    return static_cast<std::int64_t>(numerator(scaled));
}

const workload& the_workload() {
    // Built on first use, so --benchmark_list_tests does not pay for it.
    static const workload built = [] {
        workload w;
        // mt19937_64 is fully specified; uniform_int_distribution is not, so reduce with % (negligible bias).
        std::mt19937_64 rng(20240601);
        const rational_rules oracle;
        for (std::size_t i = 0; i < unit_count; ++i) {
            std::int64_t bp;
            char text[32];
            if (rng() % 2 == 0) { // one decimal place: 80.0 … 105.0
                const auto tenths = static_cast<std::int64_t>(800 + rng() % 251);
                bp = tenths * 10;
                std::snprintf(text, sizeof text, "%lld.%lld%%", static_cast<long long>(tenths / 10),
                              static_cast<long long>(tenths % 10));
            } else { // two decimal places: 80.00 … 105.00
                bp = static_cast<std::int64_t>(8000 + rng() % 2501);
                std::snprintf(text, sizeof text, "%lld.%02lld%%", static_cast<long long>(bp / 100),
                              static_cast<long long>(bp % 100));
            }
            const rubric::decimal_parse_result parsed = rubric::parse_decimal(text);
            if (!parsed || *parsed.value != decimal::fraction(bp, 10'000)) {
                std::cerr << "decimal_benchmark: parse_decimal(\"" << text << "\") failed: " << parsed.error
                          << '\n';
                std::exit(2);
            }
            w.decimals.push_back(*parsed.value);
            w.fixed.push_back(bp * (fixed_rules::scale / 10'000));
            w.rationals.emplace_back(bp, 10'000);
            w.doubles.push_back(static_cast<double>(bp) / 10000.0);

            const std::int64_t d = to_hundredths(oracle.deduction(w.rationals.back()));
            const std::int64_t p = to_hundredths(oracle.proportional(w.rationals.back()));
            w.deduction_hundredths.push_back(d);
            w.proportional_hundredths.push_back(p);
            w.checksum_hundredths += d + p;
        }
        return w;
    }();
    return built;
}

// One timed pass: both scores of every unit, summed. The same loop for all four; out of line so that a
// profile (valgrind --tool=callgrind) shows the cost of exactly one pass (one call per 10^5 units is free).
template <class Rules, class Value>
[[gnu::noinline]] Value score_all(const Rules& rules, const std::vector<Value>& actuals) {
    Value checksum = 0;
    for (const Value& actual : actuals) {
        checksum += rules.deduction(actual);
        checksum += rules.proportional(actual);
    }
    return checksum;
}

// Set when an exact implementation disagrees with the oracle, so main can fail the run.
bool exact_implementation_wrong = false;

// Counters common to every implementation; `wrong_units` counts units where either score differs from the
// oracle.
void report(benchmark::State& state, std::uint64_t allocations, std::size_t wrong_units,
            bool checksum_exact) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(unit_count));
    state.counters["allocs_per_unit"] =
        static_cast<double>(allocations) /
        (static_cast<double>(state.iterations()) * static_cast<double>(unit_count));
    state.counters["wrong_units"] = static_cast<double>(wrong_units);
    state.counters["checksum_exact"] = checksum_exact ? 1 : 0;
}

void BM_rubric_decimal(benchmark::State& state) {
    const workload& w = the_workload();
    const decimal_rules rules;
    decimal checksum;
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        checksum = score_all(rules, w.decimals);
        benchmark::DoNotOptimize(checksum);
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;

    std::size_t wrong = 0;
    for (std::size_t i = 0; i < unit_count; ++i)
        wrong += rules.deduction(w.decimals[i]) != decimal::fraction(w.deduction_hundredths[i], 100) ||
                 rules.proportional(w.decimals[i]) != decimal::fraction(w.proportional_hundredths[i], 100);
    const bool exact = checksum == decimal::fraction(w.checksum_hundredths, 100);
    report(state, allocations, wrong, exact);
    state.counters["checksum_on_fast_path"] = checksum.on_fast_path() ? 1 : 0;
    if (!exact || wrong != 0) {
        exact_implementation_wrong = true;
        state.SkipWithError("rubric::decimal disagrees with cpp_rational");
    }
}

template <bool RuntimeParameters>
void BM_int64(benchmark::State& state) {
    const workload& w = the_workload();
    fixed_rules rules;
    if constexpr (RuntimeParameters)
        benchmark::DoNotOptimize(rules); // the optimizer can no longer assume the parameters' values
    std::int64_t checksum = 0;
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        checksum = score_all(rules, w.fixed);
        benchmark::DoNotOptimize(checksum);
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;

    constexpr std::int64_t per_hundredth = fixed_rules::hundredth;
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < unit_count; ++i)
        wrong += rules.deduction(w.fixed[i]) != w.deduction_hundredths[i] * per_hundredth ||
                 rules.proportional(w.fixed[i]) != w.proportional_hundredths[i] * per_hundredth;
    const bool exact = checksum == w.checksum_hundredths * per_hundredth;
    report(state, allocations, wrong, exact);
    if (!exact || wrong != 0) {
        exact_implementation_wrong = true;
        state.SkipWithError("int64 fixed point disagrees with cpp_rational");
    }
}
void BM_int64_fixed_point(benchmark::State& state) {
    BM_int64<false>(state);
}
void BM_int64_runtime_parameters(benchmark::State& state) {
    BM_int64<true>(state);
}

void BM_cpp_rational(benchmark::State& state) {
    const workload& w = the_workload();
    const rational_rules rules;
    cpp_rational checksum;
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        checksum = score_all(rules, w.rationals);
        benchmark::DoNotOptimize(checksum);
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;
    // The oracle itself, so only the checksum (summed here, in the timed loop) can disagree.
    const bool exact = checksum == cpp_rational(w.checksum_hundredths, 100);
    report(state, allocations, 0, exact);
}

void BM_double(benchmark::State& state) {
    const workload& w = the_workload();
    double checksum = 0;
    const std::uint64_t allocations_before = rubric::bench::allocations_so_far();
    for (auto _ : state) {
        checksum = score_all(double_rules{}, w.doubles);
        benchmark::DoNotOptimize(checksum);
    }
    const std::uint64_t allocations = rubric::bench::allocations_so_far() - allocations_before;

    // A double score counts as wrong when it shows a different value at the 2 places a table prints.
    std::size_t wrong = 0, wrong_deduction = 0, wrong_proportional = 0;
    for (std::size_t i = 0; i < unit_count; ++i) {
        const bool d = std::llround(double_rules::deduction(w.doubles[i]) * 100) != w.deduction_hundredths[i];
        const bool p =
            std::llround(double_rules::proportional(w.doubles[i]) * 100) != w.proportional_hundredths[i];
        wrong_deduction += d;
        wrong_proportional += p;
        wrong += d || p;
    }
    report(state, allocations, wrong, std::llround(checksum * 100) == w.checksum_hundredths);
    state.counters["wrong_deduction"] = static_cast<double>(wrong_deduction);
    state.counters["wrong_proportional"] = static_cast<double>(wrong_proportional);
    state.counters["checksum_error"] = checksum - static_cast<double>(w.checksum_hundredths) / 100;
}

// Milliseconds: one iteration scores all 10^5 units.
BENCHMARK(BM_int64_fixed_point)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_int64_runtime_parameters)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_rubric_decimal)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_cpp_rational)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_double)->Unit(benchmark::kMillisecond);

// ---- Reporting: the default display (so --benchmark_format etc. still work) plus a ratio table. ----

// Forwards everything to the default display reporter and remembers CPU ns/unit per benchmark: the median
// aggregate when repetitions produced one, else the mean of the plain runs.
class ratio_reporter : public benchmark::BenchmarkReporter {
public:
    ratio_reporter() : display_(benchmark::CreateDefaultDisplayReporter()) {}

    bool ReportContext(const Context& context) override { return display_->ReportContext(context); }
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs) {
            if (run.error_occurred) continue;
            timing& t = timings_[run.run_name.function_name];
            const double ns_per_unit =
                rubric::bench::nanoseconds(run.GetAdjustedCPUTime(), run.time_unit) /
                static_cast<double>(unit_count);
            if (run.run_type == Run::RT_Aggregate) {
                if (run.aggregate_name == "median") t.median = ns_per_unit;
            } else {
                t.sum += ns_per_unit;
                ++t.runs;
            }
        }
        display_->ReportRuns(runs);
    }
    void Finalize() override { display_->Finalize(); }

    // The table goes to stdout under the console format, to stderr otherwise (keeps JSON/CSV parseable).
    void print_table() const {
        if (timings_.empty()) return;
        std::ostream& out =
            dynamic_cast<benchmark::ConsoleReporter*>(display_) != nullptr ? std::cout : std::cerr;
        const std::optional<double> baseline = ns_per_unit("BM_int64_fixed_point");
        out << "\nimplementation           ns/unit   ratio to int64\n";
        for (const auto& [name, label] : labels) {
            const std::optional<double> ns = ns_per_unit(name);
            if (!ns) continue;
            char line[128];
            if (baseline)
                std::snprintf(line, sizeof line, "%-22s %9.1f %14.2fx\n", label, *ns, *ns / *baseline);
            else
                std::snprintf(line, sizeof line, "%-22s %9.1f %15s\n", label, *ns, "-");
            out << line;
        }
        const std::optional<double> exact = ns_per_unit("BM_rubric_decimal");
        const std::optional<double> rational = ns_per_unit("BM_cpp_rational");
        char line[160];
        if (exact && baseline) {
            std::snprintf(line, sizeof line, "goal: rubric::decimal within 5x of int64: %.2fx, %s\n",
                          *exact / *baseline, *exact <= 5 * *baseline ? "met" : "MISSED");
            out << line;
        }
        if (exact && rational) {
            std::snprintf(line, sizeof line,
                          "goal: rubric::decimal 20x faster than cpp_rational: %.1fx, %s\n",
                          *rational / *exact, *rational >= 20 * *exact ? "met" : "MISSED");
            out << line;
        }
    }

private:
    struct timing {
        std::optional<double> median;
        double sum = 0;
        int runs = 0;
    };
    static constexpr std::pair<const char*, const char*> labels[] = {
        {"BM_int64_fixed_point", "int64 fixed (1e6)"},
        {"BM_int64_runtime_parameters", "int64, runtime params"},
        {"BM_rubric_decimal", "rubric::decimal"},
        {"BM_cpp_rational", "boost cpp_rational"},
        {"BM_double", "double"},
    };

    std::optional<double> ns_per_unit(const std::string& name) const {
        const auto found = timings_.find(name);
        if (found == timings_.end()) return std::nullopt;
        if (found->second.median) return found->second.median;
        if (found->second.runs == 0) return std::nullopt;
        return found->second.sum / found->second.runs;
    }

    benchmark::BenchmarkReporter* display_; // owned by the benchmark library
    std::map<std::string, timing> timings_;
};

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.print_table();
    benchmark::Shutdown();
    return exact_implementation_wrong ? 1 : 0;
}

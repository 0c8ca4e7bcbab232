// time_units.hpp — Google Benchmark reports times in the unit each benchmark asked for; the ratio tables compare
// them in nanoseconds.
#pragma once

#include <benchmark/benchmark.h>

namespace rubric::bench {

inline double nanoseconds(double value, benchmark::TimeUnit unit) {
    switch (unit) {
    case benchmark::kNanosecond: return value;
    case benchmark::kMicrosecond: return value * 1e3;
    case benchmark::kMillisecond: return value * 1e6;
    case benchmark::kSecond: return value * 1e9;
    }
    return value;
}

} // namespace rubric::bench

// allocation_counting.hpp — heap allocations seen by a benchmark binary: global operator new is replaced in
// allocation_counting.cpp (linked into each benchmark), and counts every allocation of the process.
#pragma once

#include <cstdint>

namespace rubric::bench {

/// Allocations made so far; the difference across a timed loop is what the loop allocated.
std::uint64_t allocations_so_far() noexcept;

} // namespace rubric::bench

// allocation_counting.cpp — global operator new and delete replaced, for the benchmarks only, to count heap
// allocations (allocation_counting.hpp).
#include "allocation_counting.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::uint64_t> allocation_count{0};
} // namespace

std::uint64_t rubric::bench::allocations_so_far() noexcept {
    return allocation_count.load(std::memory_order_relaxed);
}

// libstdc++'s operator new[] and the nothrow forms call these two, so they see every allocation. None of the
// replacements is inlined: g++ would otherwise see free() meet a pointer from malloc() or operator new
// (-Wmismatched-new-delete).
[[gnu::noinline]] void* operator new(std::size_t size) {
    allocation_count.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
[[gnu::noinline]] void* operator new(std::size_t size, std::align_val_t align) {
    allocation_count.fetch_add(1, std::memory_order_relaxed);
    const auto alignment = static_cast<std::size_t>(align);
    // aligned_alloc wants a size that is a multiple of the alignment.
    if (void* p = std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment)) return p;
    throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete(void* p, std::align_val_t) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}

// fuzz_values_json.cpp — libFuzzer target: any bytes as a JSON values file (fuzz_values.hpp).
#include "fuzz_values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rubric::fuzz::fuzz_values(data, size, rubric::read_values_json);
}

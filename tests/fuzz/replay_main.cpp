// replay_main.cpp — the driver that turns a fuzz target into a test in builds without libFuzzer: it feeds the
// target every file under the paths given (the findings kept in regressions/ and the seed corpus), so each
// finding stays fixed and the seeds keep passing under the ordinary build and the sanitizer build.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::size_t replay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        if (!std::filesystem::is_directory(path)) {
            inputs += replay(path);
            continue;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
            if (entry.is_regular_file()) files.push_back(entry.path());
        std::sort(files.begin(), files.end()); // a stable order, so a failure repeats
        for (const auto& file : files)
            inputs += replay(file);
    }
    if (inputs == 0) {
        std::cerr << "replay: no inputs under the paths given\n";
        return 1;
    }
    std::cout << "replay: " << inputs << " inputs, no finding\n";
    return 0;
}

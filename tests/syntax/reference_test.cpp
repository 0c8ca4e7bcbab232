// reference_test.cpp — the language reference and the parser stay in sync: every ```rubric block of
// grammar/README.md (a complete file) and every ```rubric-fragment block (wrapped as the reference says)
// parses without errors, and so does every rubric in rubrics/.
#include "parse_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using rubric::testing::parse_text;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct block {
    std::string info; ///< the fence's info string: `rubric` or `rubric-fragment`
    std::size_t line; ///< where the block's text starts in the file
    std::string text;
};

// Fenced blocks whose info string is `rubric` or `rubric-fragment`.
std::vector<block> rubric_blocks(const std::string& markdown) {
    std::vector<block> blocks;
    std::istringstream lines(markdown);
    std::string line;
    std::size_t number = 0;
    block* open = nullptr;
    bool in_other = false;
    while (std::getline(lines, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (open || in_other) {
            if (line == "```") { // a closing fence has no info string
                open = nullptr;
                in_other = false;
            } else if (open) {
                open->text += line + "\n";
            }
            continue;
        }
        if (line == "```rubric" || line == "```rubric-fragment") {
            blocks.push_back({line.substr(3), number + 1, {}});
            open = &blocks.back();
        } else if (line.starts_with("```")) {
            in_other = true;
        }
    }
    return blocks;
}

// A fragment parses in the first of these places where it parses (grammar/README.md, "Code blocks").
const char* const fragment_wrappers[][2] = {
    {"评分表 \"片段\" { 指标 片段 { ", " } }"},
    {"评分表 \"片段\" { 分组 片段 { ", " } }"},
    {"评分表 \"片段\" { ", " }"},
    {"评分表 \"片段\" { } ", ""},
};

// The diagnostics of a block: none when it parses (a fragment in any of its places).
std::string block_errors(const block& b) {
    if (b.info == "rubric") {
        const auto p = parse_text(b.text, "README.md");
        return p.module ? "" : rubric::render_text(p.diagnostics.items(), p.file);
    }
    std::string first_errors;
    for (const auto& wrapper : fragment_wrappers) {
        const auto p = parse_text(wrapper[0] + b.text + wrapper[1], "README.md");
        if (p.module) return "";
        if (first_errors.empty()) first_errors = rubric::render_text(p.diagnostics.items(), p.file);
    }
    return first_errors;
}

} // namespace

TEST_CASE("reference: every example of grammar/README.md parses", "[syntax][reference]") {
    const std::filesystem::path readme = RUBRIC_SOURCE_DIR "/grammar/README.md";
    if (!std::filesystem::exists(readme)) {
        WARN("grammar/README.md not found: nothing to check");
        return;
    }
    const auto blocks = rubric_blocks(read_file(readme));
    CHECK(blocks.size() >= 100);
    CHECK(std::count_if(blocks.begin(), blocks.end(), [](const block& b) { return b.info == "rubric"; }) >=
          10);
    for (const auto& b : blocks) {
        INFO("grammar/README.md line " << b.line << " (```" << b.info << ")\n" << b.text);
        CHECK(block_errors(b) == "");
    }
}

TEST_CASE("reference: every rubric in rubrics/ parses", "[syntax][reference]") {
    const std::filesystem::path root = RUBRIC_SOURCE_DIR "/rubrics";
    if (!std::filesystem::exists(root)) return;
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".rubric") continue;
        ++count;
        const auto p = parse_text(read_file(entry.path()), entry.path().lexically_relative(root).string());
        INFO(entry.path().string());
        CHECK(rubric::render_text(p.diagnostics.items(), p.file) == "");
        CHECK(p.module);
    }
    CHECK(count >= 1);
}

TEST_CASE("reference: the block reader finds fences and their info strings", "[syntax][reference]") {
    const auto blocks = rubric_blocks(
        "text\n```rubric\na\n```\n```text\n```rubric\n```\n```rubric-fragment\nb\nc\n```\n```\n");
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].info == "rubric");
    CHECK(blocks[0].line == 3);
    CHECK(blocks[0].text == "a\n");
    CHECK(blocks[1].info == "rubric-fragment");
    CHECK(blocks[1].text == "b\nc\n");
}

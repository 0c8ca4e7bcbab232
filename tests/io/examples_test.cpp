// examples_test.cpp — the bundled values files of the 大厂 2020 table read cleanly and say the same thing.
#include "values_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace rubric::testing;

namespace {

rubric::source_file example(const std::string& name) {
    std::ifstream in(RUBRIC_SOURCE_DIR "/examples/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return rubric::source_file("examples/" + name, text.str());
}

} // namespace

TEST_CASE("examples: the 大厂 2020 values in JSON and in CSV are the same entries", "[examples]") {
    const rubric::source_file json = example("dachang-2020.values.json");
    const rubric::source_file csv = example("dachang-2020.values.csv");
    const auto from_json = rubric::read_values_json(json);
    const auto from_csv = rubric::read_values_csv(csv);
    INFO(rendered(json, from_json) + rendered(csv, from_csv));
    REQUIRE(from_json.ok());
    REQUIRE(from_csv.ok());
    CHECK(from_json.values->unit == "大厂回族自治县医疗保障局");
    CHECK(from_csv.values->unit == from_json.values->unit);
    CHECK(meanings(from_csv) == meanings(from_json));
    CHECK(meanings(from_json).size() == 69); // 44 values, 1 mark, 24 claims
}

TEST_CASE("examples: the figures file adds the table's own budget figures, as written", "[examples]") {
    const rubric::source_file plain = example("dachang-2020.values.json");
    const rubric::source_file figures = example("dachang-2020-figures.values.json");
    const auto a = rubric::read_values_json(plain);
    const auto b = rubric::read_values_json(figures);
    INFO(rendered(figures, b));
    REQUIRE(b.ok());
    // The figures close the values section, before the not-applicable mark and the 24 claims.
    std::vector<std::string> expected = meanings(a);
    expected.insert(expected.end() - 25, {"|调整预算数|8383.52万元|", "|预算完成数|8352.09万元|"});
    CHECK(meanings(b) == expected);
}

namespace {

// The body of the first fenced block of grammar/README.md that follows `marker` and has the info string `info`.
std::string reference_block(const std::string& marker, const std::string& info) {
    std::ifstream in(RUBRIC_SOURCE_DIR "/grammar/README.md", std::ios::binary);
    REQUIRE(in);
    std::ostringstream all;
    all << in.rdbuf();
    const std::string text = all.str();
    const std::size_t at = text.find(marker);
    REQUIRE(at != std::string::npos);
    const std::size_t open = text.find("```" + info + "\n", at);
    REQUIRE(open != std::string::npos);
    const std::size_t begin = open + 4 + info.size();
    return text.substr(begin, text.find("```", begin) - begin);
}

} // namespace

TEST_CASE("examples: the language reference's values files read, and say the same in JSON and CSV",
          "[examples]") {
    const rubric::source_file json("reference.json", reference_block("### 10.1 Values files", "json"));
    const rubric::source_file csv("reference.csv", reference_block("### 10.1 Values files", "text"));
    const auto from_json = rubric::read_values_json(json);
    const auto from_csv = rubric::read_values_csv(csv);
    INFO(rendered(json, from_json) + rendered(csv, from_csv));
    REQUIRE(from_json.ok());
    REQUIRE(from_csv.ok());
    CHECK(meanings(from_json).size() == 15);
    CHECK(meanings(from_csv).size() == 10);
}

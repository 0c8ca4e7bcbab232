// make_dictionary.cpp — writes the libFuzzer dictionary of the language: every keyword in every spelling,
// from the parser's own keyword table (so the dictionary never falls behind the grammar), and the punctuation
// and units that glue them together.
#include "syntax/keywords.hpp"

#include <cstdio>
#include <string_view>

namespace {

// One dictionary entry: "word", every byte outside printable ASCII (and " and \) as \xNN.
void entry(std::string_view word) {
    std::fputc('"', stdout);
    for (const char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\')
            std::printf("\\x%02X", byte);
        else
            std::fputc(c, stdout);
    }
    std::fputs("\"\n", stdout);
}

constexpr std::string_view glue[] = {
    "{",  "}",  ":",  "：", ",",   "，", "\"",   "“",    "”",     "//",          "/*",       "*/",
    "=",  "≥",  "≤",  ">",  "<",   "＞", "＜",   "≠",    "[",     "]",           "(",        ")",
    "（", "）", "×",  "÷",  "%",   "‰",  "万元", "元",   "分",    "人",          "个百分点", "百分点",
    "天", "万", "亿", "|",  "---", "1",  "0.5",  "100%", "95.4%", "2019年1月1日"};

} // namespace

int main() {
    for (std::size_t k = 0; k < rubric::syntax::keyword_count; ++k)
        for (const std::string_view word : rubric::syntax::spellings(static_cast<rubric::syntax::keyword>(k)))
            entry(word);
    for (const std::string_view word : glue)
        entry(word);
    return 0;
}

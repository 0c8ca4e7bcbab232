// display_width_test.cpp — terminal widths: ASCII 1, CJK and fullwidth 2, combining marks 0.
#include <catch2/catch.hpp>
#include <rubric/source.hpp>

using rubric::display_width;

TEST_CASE("ASCII characters are one column", "[width]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("rubric") == 6);
    CHECK(display_width("95% >= 0") == 8);
    CHECK(display_width(U'a') == 1);
    CHECK(display_width(U'~') == 1);
}

TEST_CASE("CJK ideographs are two columns", "[width]") {
    CHECK(display_width("预算数") == 6);
    CHECK(display_width("执行率 95%") == 10);
    CHECK(display_width("  取值 执行数 / 预算数") == 22);
    CHECK(display_width(U'中') == 2);
    CHECK(display_width(U'\u4E00') == 2);     // first unified ideograph
    CHECK(display_width(U'\u9FFF') == 2);     // last unified ideograph block code point
    CHECK(display_width(U'\u3400') == 2);     // extension A
    CHECK(display_width(U'\uF900') == 2);     // compatibility ideograph
    CHECK(display_width(U'\U00020000') == 2); // extension B
    CHECK(display_width(U'\U0003134A') == 2); // extension G
}

TEST_CASE("fullwidth and CJK punctuation are two columns", "[width]") {
    CHECK(display_width("，。％") == 6);
    CHECK(display_width("（一）") == 6);
    CHECK(display_width("“普遍知晓”") == 10); // curly quotes are ambiguous width: one column
    CHECK(display_width(U'\u3000') == 2);     // ideographic space
    CHECK(display_width(U'\u3001') == 2);     // 、
    CHECK(display_width(U'\u303E') == 2);
    CHECK(display_width(U'\u303F') == 1); // half fill space: narrow
    CHECK(display_width(U'\uFF01') == 2); // ！
    CHECK(display_width(U'\uFF60') == 2);
    CHECK(display_width(U'\uFF61') == 1); // halfwidth ideographic full stop
    CHECK(display_width(U'\uFFE5') == 2); // ￥
    CHECK(display_width(U'\uFFE6') == 2);
    CHECK(display_width(U'\uFFE8') == 1); // halfwidth forms
    CHECK(display_width(U'≥') == 1);
}

TEST_CASE("kana, Hangul and emoji are two columns", "[width]") {
    CHECK(display_width(U'あ') == 2);
    CHECK(display_width(U'ア') == 2);
    CHECK(display_width(U'가') == 2);
    CHECK(display_width(U'\uD7A3') == 2); // last Hangul syllable
    CHECK(display_width(U'\u1100') == 2); // Hangul initial consonant
    CHECK(display_width(U'\U0001F600') == 2);
    CHECK(display_width(U'ｱ') == 1); // halfwidth katakana
}

TEST_CASE("combining marks and zero-width characters take no column", "[width]") {
    CHECK(display_width("e\u0301") == 1);
    CHECK(display_width("\u0301") == 0);
    CHECK(display_width(U'\u0300') == 0);
    CHECK(display_width(U'\u036F') == 0);
    CHECK(display_width(U'\u0370') == 1);
    CHECK(display_width(U'\u20D7') == 0);
    CHECK(display_width(U'\u200B') == 0); // zero width space
    CHECK(display_width(U'\uFE0F') == 0); // variation selector
    CHECK(display_width(U'\u302A') == 0); // ideographic tone mark, inside a wide block
    CHECK(display_width(U'\u3099') == 0); // combining voiced sound mark
    CHECK(display_width("か\u3099") == 2);
    CHECK(display_width(U'\u1160') == 0); // Hangul medial vowel
}

TEST_CASE("tabs, controls and ill-formed bytes are one column", "[width]") {
    CHECK(display_width("\t") == 1);
    CHECK(display_width("\t指标") == 5);
    CHECK(display_width(U'\x01') == 1);
    CHECK(display_width("\xFF") == 1);
    CHECK(display_width("a\xE6\x8C") == 3);
}

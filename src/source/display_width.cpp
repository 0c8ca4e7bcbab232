// display_width.cpp — terminal column widths of characters, so carets line up under Chinese text.
//
// Two small tables of code point ranges instead of wcwidth(): no locale, the same answer everywhere.
// The wide table follows East Asian Width W/F (Unicode 15) for the scripts and symbols rubrics meet;
// the zero table lists combining marks and invisible format characters.
#include "source/utf8.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace rubric {
namespace {

struct code_point_range {
    char32_t first;
    char32_t last;
};

// Sorted, non-overlapping. Checked before the wide table: U+302A–U+302D and U+3099–U+309A are combining
// marks inside wide blocks.
constexpr std::array zero_width{
    code_point_range{0x0300, 0x036F},   // combining diacritical marks
    code_point_range{0x0483, 0x0489},   // Cyrillic combining marks
    code_point_range{0x0591, 0x05BD},   // Hebrew points
    code_point_range{0x05BF, 0x05BF},   //
    code_point_range{0x05C1, 0x05C2},   //
    code_point_range{0x05C4, 0x05C5},   //
    code_point_range{0x05C7, 0x05C7},   //
    code_point_range{0x0610, 0x061A},   // Arabic marks
    code_point_range{0x064B, 0x065F},   //
    code_point_range{0x0670, 0x0670},   //
    code_point_range{0x06D6, 0x06DC},   //
    code_point_range{0x06DF, 0x06E4},   //
    code_point_range{0x06E7, 0x06E8},   //
    code_point_range{0x06EA, 0x06ED},   //
    code_point_range{0x1160, 0x11FF},   // Hangul Jamo medial vowels and final consonants (join the syllable)
    code_point_range{0x1AB0, 0x1AFF},   // combining diacritical marks extended
    code_point_range{0x1DC0, 0x1DFF},   // combining diacritical marks supplement
    code_point_range{0x200B, 0x200F},   // zero width space, joiners, direction marks
    code_point_range{0x202A, 0x202E},   // bidirectional embedding controls
    code_point_range{0x2060, 0x2064},   // word joiner, invisible operators
    code_point_range{0x20D0, 0x20FF},   // combining marks for symbols
    code_point_range{0x302A, 0x302D},   // ideographic tone marks
    code_point_range{0x3099, 0x309A},   // combining kana voiced sound marks
    code_point_range{0xD7B0, 0xD7FF},   // Hangul Jamo extended-B (medial and final)
    code_point_range{0xFE00, 0xFE0F},   // variation selectors
    code_point_range{0xFE20, 0xFE2F},   // combining half marks
    code_point_range{0xFEFF, 0xFEFF},   // zero width no-break space (a BOM inside the text)
    code_point_range{0xE0100, 0xE01EF}, // variation selectors supplement
};

constexpr std::array double_width{
    code_point_range{0x1100, 0x115F},   // Hangul Jamo initial consonants
    code_point_range{0x2329, 0x232A},   // angle brackets 〈 〉
    code_point_range{0x2E80, 0x2FDF},   // CJK radicals supplement, Kangxi radicals
    code_point_range{0x2FF0, 0x2FFF},   // ideographic description characters
    code_point_range{0x3000, 0x303E},   // CJK symbols and punctuation (U+303F is a half-width space)
    code_point_range{0x3041, 0x33FF},   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun,
                                        // CJK strokes, enclosed CJK letters, CJK compatibility
    code_point_range{0x3400, 0xA4CF},   // CJK extension A, Yijing hexagrams, CJK unified ideographs, Yi
    code_point_range{0xA960, 0xA97F},   // Hangul Jamo extended-A
    code_point_range{0xAC00, 0xD7A3},   // Hangul syllables
    code_point_range{0xF900, 0xFAFF},   // CJK compatibility ideographs
    code_point_range{0xFE10, 0xFE19},   // vertical forms
    code_point_range{0xFE30, 0xFE6F},   // CJK compatibility forms, small form variants
    code_point_range{0xFF00, 0xFF60},   // fullwidth ASCII variants and brackets ，％（）
    code_point_range{0xFFE0, 0xFFE6},   // fullwidth signs ￥￡￠
    code_point_range{0x1B000, 0x1B16F}, // kana supplement and extended-A
    code_point_range{0x1F300, 0x1F64F}, // emoji: pictographs, emoticons
    code_point_range{0x1F900, 0x1F9FF}, // emoji: supplemental symbols and pictographs
    code_point_range{0x20000, 0x2FFFD}, // CJK extensions B–F, compatibility supplement
    code_point_range{0x30000, 0x3FFFD}, // CJK extensions G–H
};

template <std::size_t n>
bool contains(const std::array<code_point_range, n>& table, char32_t cp) noexcept {
    // The first range whose last is >= cp is the only one that can hold cp.
    auto it = std::lower_bound(table.begin(), table.end(), cp,
                               [](const code_point_range& r, char32_t value) { return r.last < value; });
    return it != table.end() && it->first <= cp;
}

} // namespace

std::size_t display_width(char32_t code_point) noexcept {
    if (code_point < 0x300) return 1; // ASCII, Latin-1 and controls (shown as U+FFFD or, for a tab, a space)
    if (contains(zero_width, code_point)) return 0;
    if (contains(double_width, code_point)) return 2;
    return 1;
}

std::size_t display_width(std::string_view utf8) noexcept {
    std::size_t width = 0;
    for (std::size_t at = 0; at < utf8.size();) {
        const detail::utf8_step step = detail::decode_utf8(utf8, at);
        width += display_width(step.code_point);
        at += step.length;
    }
    return width;
}

} // namespace rubric

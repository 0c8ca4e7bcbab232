// utf8_test.cpp — UTF-8 validation: each kind of ill-formed sequence, with the line and byte reported.
#include <catch2/catch.hpp>
#include <rubric/source.hpp>

using rubric::utf8_error;
using rubric::utf8_error_kind;
using rubric::validate_utf8;

template <>
struct Catch::StringMaker<utf8_error> {
    static std::string convert(const utf8_error& e) {
        return std::string(rubric::to_string(e.kind)) + " at offset " + std::to_string(e.offset) + ", line " +
               std::to_string(e.line) + ", byte " + std::to_string(e.line_byte) + " (" +
               std::to_string(e.value) + ")";
    }
};

template <>
struct Catch::StringMaker<std::optional<utf8_error>> {
    static std::string convert(const std::optional<utf8_error>& e) {
        return e ? StringMaker<utf8_error>::convert(*e) : "valid";
    }
};

namespace {
utf8_error error(utf8_error_kind kind, std::size_t offset, std::size_t line, std::size_t line_byte,
                 unsigned char value) {
    return {kind, offset, line, line_byte, value};
}
} // namespace

TEST_CASE("well-formed UTF-8 passes", "[utf8]") {
    CHECK_FALSE(validate_utf8(""));
    CHECK_FALSE(validate_utf8("rubric 1.0\n"));
    CHECK_FALSE(validate_utf8("指标 预算执行率 权重 10，≥95％\n"));
    CHECK_FALSE(validate_utf8("\xEF\xBB\xBF指标"));         // BOM
    CHECK_FALSE(validate_utf8("\xC2\x80\xDF\xBF"));         // U+0080, U+07FF
    CHECK_FALSE(validate_utf8("\xE0\xA0\x80\xED\x9F\xBF")); // U+0800, U+D7FF (just below the surrogates)
    CHECK_FALSE(validate_utf8("\xEE\x80\x80\xEF\xBF\xBF")); // U+E000, U+FFFF
    CHECK_FALSE(validate_utf8("\xF0\x90\x80\x80"));         // U+10000
    CHECK_FALSE(validate_utf8("\xF0\xA0\x80\x80"));         // U+20000 𠀀
    CHECK_FALSE(validate_utf8("\xF4\x8F\xBF\xBF"));         // U+10FFFF, the last code point
    CHECK_FALSE(validate_utf8(std::string_view("a\0b", 3)));
}

TEST_CASE("a stray continuation byte", "[utf8]") {
    CHECK(validate_utf8("ab\x80") == error(utf8_error_kind::unexpected_continuation, 2, 1, 3, 0x80));
    CHECK(validate_utf8("指\xBF") == error(utf8_error_kind::unexpected_continuation, 3, 1, 4, 0xBF));
}

TEST_CASE("bytes that never occur in UTF-8", "[utf8]") {
    CHECK(validate_utf8("x\n\xFF") == error(utf8_error_kind::invalid_byte, 2, 2, 1, 0xFF));
    CHECK(validate_utf8("\xF8\x88\x80\x80\x80") == error(utf8_error_kind::invalid_byte, 0, 1, 1, 0xF8));
    CHECK(validate_utf8("\xFE") == error(utf8_error_kind::invalid_byte, 0, 1, 1, 0xFE));
}

TEST_CASE("overlong encodings", "[utf8]") {
    CHECK(validate_utf8("\xC0\xAF") == error(utf8_error_kind::overlong, 0, 1, 1, 0xC0)); // '/' in 2 bytes
    CHECK(validate_utf8("a\xC1\xBF") == error(utf8_error_kind::overlong, 1, 1, 2, 0xC1));
    CHECK(validate_utf8("ab\n\xE0\x80\xAF") == error(utf8_error_kind::overlong, 3, 2, 1, 0xE0));
    CHECK(validate_utf8("\xE0\x9F\xBF") == error(utf8_error_kind::overlong, 0, 1, 1, 0xE0)); // U+07FF in 3
    CHECK(validate_utf8("\xF0\x80\x80\xAF") == error(utf8_error_kind::overlong, 0, 1, 1, 0xF0));
    CHECK(validate_utf8("\xF0\x8F\xBF\xBF") ==
          error(utf8_error_kind::overlong, 0, 1, 1, 0xF0)); // U+FFFF in 4
}

TEST_CASE("encoded surrogates", "[utf8]") {
    // a ␊ b ␊ 指 then ED A0 80 (U+D800): line 3, its 4th byte.
    CHECK(validate_utf8("a\nb\n指\xED\xA0\x80") == error(utf8_error_kind::surrogate, 7, 3, 4, 0xED));
    CHECK(validate_utf8("\xED\xBF\xBF") == error(utf8_error_kind::surrogate, 0, 1, 1, 0xED)); // U+DFFF
}

TEST_CASE("code points above U+10FFFF", "[utf8]") {
    CHECK(validate_utf8("\xF4\x90\x80\x80") == error(utf8_error_kind::too_large, 0, 1, 1, 0xF4)); // U+110000
    CHECK(validate_utf8("ok \xF5\x80\x80\x80") == error(utf8_error_kind::too_large, 3, 1, 4, 0xF5));
    CHECK(validate_utf8("\xF7\xBF\xBF\xBF") == error(utf8_error_kind::too_large, 0, 1, 1, 0xF7));
}

TEST_CASE("truncated sequences", "[utf8]") {
    CHECK(validate_utf8("指\xE6\x8C") == error(utf8_error_kind::truncated, 3, 1, 4, 0xE6)); // at end of text
    CHECK(validate_utf8("\xE6\x8Cx") == error(utf8_error_kind::truncated, 0, 1, 1, 0xE6));
    CHECK(validate_utf8("\xE6x") == error(utf8_error_kind::truncated, 0, 1, 1, 0xE6));
    CHECK(validate_utf8("\xC3") == error(utf8_error_kind::truncated, 0, 1, 1, 0xC3));
    CHECK(validate_utf8("\xF0\xA0\x80\n") == error(utf8_error_kind::truncated, 0, 1, 1, 0xF0));
    CHECK(validate_utf8("a\r\nb\r\n\xE6\x8C\r\n") == error(utf8_error_kind::truncated, 6, 3, 1, 0xE6));
}

TEST_CASE("after a BOM, line 1 counts bytes from the end of the BOM", "[utf8]") {
    CHECK(validate_utf8("\xEF\xBB\xBF\x80") ==
          error(utf8_error_kind::unexpected_continuation, 3, 1, 1, 0x80));
    CHECK(validate_utf8("\xEF\xBB\xBF"
                        "ab\xFF") == error(utf8_error_kind::invalid_byte, 5, 1, 3, 0xFF));
}

TEST_CASE("error kinds have words for messages", "[utf8]") {
    using rubric::to_string;
    CHECK(to_string(utf8_error_kind::unexpected_continuation) == "unexpected continuation byte");
    CHECK(to_string(utf8_error_kind::invalid_byte) == "byte that never occurs in UTF-8");
    CHECK(to_string(utf8_error_kind::overlong) == "overlong encoding");
    CHECK(to_string(utf8_error_kind::surrogate) == "encoded surrogate");
    CHECK(to_string(utf8_error_kind::too_large) == "code point above U+10FFFF");
    CHECK(to_string(utf8_error_kind::truncated) == "truncated sequence");
}

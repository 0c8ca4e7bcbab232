// source_file_test.cpp — byte offsets to lines and character columns: ASCII, Chinese, mixed, CRLF, BOM.
#include <catch2/catch.hpp>
#include <rubric/source.hpp>

using rubric::source_file;
using rubric::source_position;

template <>
struct Catch::StringMaker<source_position> {
    static std::string convert(const source_position& p) {
        return std::to_string(p.line) + ":" + std::to_string(p.column);
    }
};

namespace {
source_position at(std::size_t line, std::size_t column) {
    return {line, column};
}
} // namespace

TEST_CASE("an ASCII text maps offsets to 1-based lines and columns", "[source]") {
    const source_file f("a.rubric", "abc\ndef\n");
    CHECK(f.name() == "a.rubric");
    CHECK(f.line_count() == 3); // the text ends with a newline: a final empty line
    CHECK(f.position(0) == at(1, 1));
    CHECK(f.position(2) == at(1, 3));
    CHECK(f.position(3) == at(1, 4)); // the "\n" itself
    CHECK(f.position(4) == at(2, 1));
    CHECK(f.position(6) == at(2, 3));
    CHECK(f.position(8) == at(3, 1));   // end of file
    CHECK(f.position(100) == at(3, 1)); // clamped to the end
    CHECK(f.line_text(1) == "abc");
    CHECK(f.line_text(2) == "def");
    CHECK(f.line_text(3) == "");
    CHECK(f.line_text(4) == "");
    CHECK(f.line_begin(2) == 4);
    CHECK(f.line_begin(9) == 8);
}

TEST_CASE("columns on a Chinese line count characters, not bytes", "[source]") {
    // 指 标 ␠ 预 算 执 行 率 ␠ 权 重: each Chinese character is 3 bytes.
    const source_file f("c.rubric", "指标 预算执行率 权重 10\n");
    CHECK(f.position(0) == at(1, 1));
    CHECK(f.position(3) == at(1, 2));
    CHECK(f.position(6) == at(1, 3));
    CHECK(f.position(7) == at(1, 4));
    CHECK(f.position(10) == at(1, 5));
    CHECK(f.position(11) == at(1, 5)); // inside 算: names 算
    CHECK(f.position(12) == at(1, 5));
    CHECK(f.position(22) == at(1, 9));
    CHECK(f.position(29) == at(1, 12));
    CHECK(f.position(30) == at(1, 13)); // "10"
    CHECK(f.position(32) == at(1, 15)); // the "\n"
    CHECK(f.line_text(1) == "指标 预算执行率 权重 10");
}

TEST_CASE("columns on a mixed Chinese and ASCII line", "[source]") {
    const std::string line = "  取值 执行数 / 预算数";
    const source_file f("m.rubric", "指标 A {\n" + line + "\n}");
    const std::size_t line2 = f.line_begin(2);
    CHECK(line2 == 11);
    CHECK(f.position(line2 + line.find("取值")) == at(2, 3));
    CHECK(f.position(line2 + line.find("执行数")) == at(2, 6));
    CHECK(f.position(line2 + line.find('/')) == at(2, 10));
    CHECK(f.position(line2 + line.find("预算数")) == at(2, 12));
    CHECK(f.position(line2 + line.size()) == at(2, 15));
    CHECK(f.position(f.text().size()) == at(3, 2));
    CHECK(f.line_text(2) == line);
    CHECK(f.text({line2 + 21, line2 + 30}) == "预算数");
}

TEST_CASE("offset() is the inverse of position() at every character start", "[source]") {
    const source_file f("m.rubric", "\xEF\xBB\xBF指标 A {\r\n  取值 执行数 / 预算数\n}");
    for (std::size_t line = 1; line <= f.line_count(); ++line) {
        const std::string_view text = f.line_text(line);
        std::size_t column = 1;
        for (std::size_t i = 0; i <= text.size(); ++column) {
            const std::size_t offset = f.line_begin(line) + i;
            CHECK(f.position(offset) == at(line, column));
            CHECK(f.offset(at(line, column)) == offset);
            if (i == text.size()) break;
            i += (static_cast<unsigned char>(text[i]) >= 0xE0) ? 3 : 1;
        }
    }
    CHECK(f.offset(at(1, 99)) == f.line_begin(1) + f.line_text(1).size()); // past the line: at its break
    CHECK(f.offset(at(9, 1)) == f.text().size());
}

TEST_CASE("CRLF line breaks: the \\r belongs to the break", "[source]") {
    const source_file f("w.rubric", "a\r\n指标\r\n");
    CHECK(f.line_count() == 3);
    CHECK(f.line_text(1) == "a");
    CHECK(f.line_text(2) == "指标");
    CHECK(f.line_text(3) == "");
    CHECK(f.position(1) == at(1, 2)); // the \r
    CHECK(f.position(3) == at(2, 1));
    CHECK(f.position(9) == at(2, 3)); // the \r after 标
    CHECK(f.position(11) == at(3, 1));
}

TEST_CASE("a lone \\r is text, not a line break", "[source]") {
    const source_file f("r.rubric", "a\rb\r");
    CHECK(f.line_count() == 1);
    CHECK(f.line_text(1) == "a\rb\r");
    CHECK(f.position(2) == at(1, 3));
}

TEST_CASE("a leading BOM is skipped but offsets stay offsets into the original text", "[source]") {
    const source_file f("b.rubric", "\xEF\xBB\xBF指标\nx");
    CHECK(f.has_bom());
    CHECK(f.content_begin() == 3);
    CHECK(f.content() == "指标\nx");
    CHECK(f.text().size() == 11);
    CHECK(f.line_begin(1) == 3);
    CHECK(f.line_begin(2) == 10);
    CHECK(f.line_text(1) == "指标");
    CHECK(f.position(0) == at(1, 1)); // inside the BOM
    CHECK(f.position(2) == at(1, 1));
    CHECK(f.position(3) == at(1, 1));
    CHECK(f.position(6) == at(1, 2));
    CHECK(f.position(9) == at(1, 3));
    CHECK(f.position(10) == at(2, 1));
    CHECK(f.position(11) == at(2, 2));

    const source_file only_bom("o.rubric", "\xEF\xBB\xBF");
    CHECK(only_bom.line_count() == 1);
    CHECK(only_bom.line_text(1) == "");
    CHECK(only_bom.position(3) == at(1, 1));

    const source_file no_bom("n.rubric", "\xEF\xBB");
    CHECK_FALSE(no_bom.has_bom());
    CHECK(no_bom.content_begin() == 0);
}

TEST_CASE("an empty file has one empty line", "[source]") {
    const source_file f("e.rubric", "");
    CHECK(f.line_count() == 1);
    CHECK(f.line_text(1) == "");
    CHECK(f.position(0) == at(1, 1));
    CHECK(f.position(5) == at(1, 1));
    CHECK(f.offset(at(1, 1)) == 0);
    CHECK(f.text({0, 4}) == "");

    const source_file unnamed;
    CHECK(unnamed.name().empty());
    CHECK(unnamed.line_count() == 1);
}

TEST_CASE("the last line without a newline", "[source]") {
    const source_file f("l.rubric", "a\n得分");
    CHECK(f.line_count() == 2);
    CHECK(f.line_text(2) == "得分");
    CHECK(f.position(2) == at(2, 1));
    CHECK(f.position(5) == at(2, 2));
    CHECK(f.position(8) == at(2, 3));
}

TEST_CASE("each ill-formed byte counts as one character", "[source]") {
    const source_file f("i.rubric", "a\xFF\xE6\x8C"
                                    "b");
    CHECK(f.position(1) == at(1, 2));
    CHECK(f.position(2) == at(1, 3));
    CHECK(f.position(3) == at(1, 4));
    CHECK(f.position(4) == at(1, 5));
    CHECK(f.position(5) == at(1, 6));
}

// values_csv_test.cpp — CSV values files: rows, quoting, keywords and paths, every diagnostic.
#include "values_support.hpp"

#include <catch2/catch.hpp>

using rubric::read_values_csv;
using rubric::source_file;
using namespace rubric::testing;

using lines = std::vector<std::string>;

namespace {

rubric::values_result read(const source_file& f) {
    rubric::values_result r = read_values_csv(f);
    UNSCOPED_INFO(rendered(f, r));
    return r;
}

} // namespace

// ------------------------------------------------------------------------------------------------- entries

TEST_CASE("csv: inputs with their places", "[csv]") {
    const source_file f("unit.csv", "实际支付进度,95.4%\n预算数,8383.52万元\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(r.values->file == "unit.csv");
    CHECK(entries(f, r) ==
          lines{"输入 实际支付进度 = 95.4% @ 1:1-1:7 1:8-1:13", "输入 预算数 = 8383.52万元 @ 2:1-2:4 2:5-2:14"});
}

TEST_CASE("csv: every keyword, in Chinese and in English, the path placed without the keyword", "[csv]") {
    const source_file f("k.csv", "目标 项目产出,120\n"
                                 "target 效益.经济效益,≥ 95%\n"
                                 "不适用 效益.经济效益\n"
                                 "not_applicable 数量.工作内容,原表未填\n"
                                 "豁免 预算调整率,因落实国家政策调整\n"
                                 "exempt 结转结余变动率,上级交办\n"
                                 "评定 经济效益,8,专家评议\n"
                                 "judged 社会效益,9分\n"
                                 "选择 受益对象覆盖,覆盖率\n"
                                 "choose 资金到位,到位率\n"
                                 "类别 区县类型,一类县\n"
                                 "category 单位规模,大\n"
                                 "自评 群众满意度,9.5\n"
                                 "claimed 总分,96.5\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(meanings(r) == lines{"目标|项目产出|120|", "目标|效益.经济效益|≥ 95%|", "不适用|效益.经济效益||",
                               "不适用|数量.工作内容||原表未填", "豁免|预算调整率||因落实国家政策调整",
                               "豁免|结转结余变动率||上级交办", "评定|经济效益|8|专家评议", "评定|社会效益|9分|",
                               "选择|受益对象覆盖|覆盖率|", "选择|资金到位|到位率|", "类别|区县类型|一类县|",
                               "类别|单位规模|大|", "自评|群众满意度|9.5|", "自评|总分|96.5|"});
    const auto placed = entries(f, r);
    CHECK(placed[0] == "目标 项目产出 = 120 @ 1:4-1:8 1:9-1:12");
    CHECK(placed[2] == "不适用 效益.经济效益 =  @ 3:5-3:12 3:5-3:12");
    CHECK(placed[4] == "豁免 预算调整率 =  | 因落实国家政策调整 @ 5:4-5:9 5:10-5:19");
    CHECK(placed[6] == "评定 经济效益 = 8 | 专家评议 @ 7:4-7:8 7:9-7:10");
}

TEST_CASE("csv: several spaces or U+3000 between a keyword and its path", "[csv]") {
    const source_file f("s.csv", "目标   项目产出,120\n目标\xE3\x80\x80效益,1\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"目标 项目产出 = 120 @ 1:6-1:10 1:11-1:14", "目标 效益 = 1 @ 2:4-2:6 2:7-2:8"});
}

TEST_CASE("csv: the unit's name", "[csv]") {
    const source_file f("u.csv", "单位,大厂回族自治县医疗保障局\n预算数,1\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(r.values->unit == "大厂回族自治县医疗保障局");
    CHECK(meanings(r) == lines{"|预算数|1|"});
}

TEST_CASE("csv: a header row is skipped, in either language", "[csv]") {
    for (const char* header : {"name,value\n", "名称,取值\n", "名称,数值\n", "key,value\n", "Name,Value,Reason\n"}) {
        const source_file f("h.csv", std::string(header) + "预算数,1\n");
        const auto r = read(f);
        INFO(header);
        REQUIRE(r.ok());
        CHECK(meanings(r) == lines{"|预算数|1|"});
    }
    // Only the first row can be a header: later, `name` is an input's name.
    const source_file later("l.csv", "预算数,1\nname,value\n");
    CHECK(meanings(read(later)) == lines{"|预算数|1|", "|name|value|"});
}

TEST_CASE("csv: a BOM and CRLF line breaks, offsets into the original text", "[csv]") {
    const source_file f("b.csv", "\xEF\xBB\xBF名称,取值\r\n预算数,8383.52万元\r\n支出进度率,95.4%\r\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) ==
          lines{"输入 预算数 = 8383.52万元 @ 2:1-2:4 2:5-2:14", "输入 支出进度率 = 95.4% @ 3:1-3:6 3:7-3:12"});
    const source_file first("f.csv", "\xEF\xBB\xBF预算数,1");
    const auto rf = read(first);
    REQUIRE(rf.ok());
    CHECK(rf.values->entries[0].key_range.begin == 3);
    CHECK(entries(first, rf) == lines{"输入 预算数 = 1 @ 1:1-1:4 1:5-1:6"});
}

TEST_CASE("csv: quoted fields hold commas and doubled quotes", "[csv]") {
    const source_file f("q.csv", "\"目标 项目产出\",\"≥ 1,000 人次\"\n"
                                 "评定 经济效益,8,\"专家评议，见“附件 2”, 第 \"\"3\"\" 页\"\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) ==
          lines{"目标 项目产出 = ≥ 1,000 人次 @ 1:5-1:9 1:12-1:22",
                "评定 经济效益 = 8 | 专家评议，见“附件 2”, 第 \"3\" 页 @ 2:4-2:8 2:9-2:10"});
}

TEST_CASE("csv: a doubled quote places the value at the whole field", "[csv]") {
    const source_file f("q.csv", "甲,\"a\"\"b\"\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"输入 甲 = a\"b @ 1:1-1:2 1:4-1:8"});
}

TEST_CASE("csv: a quoted field may span lines", "[csv]") {
    const source_file f("q.csv", "豁免 预算调整率,\"因落实国家政策\n调整\"\n预算数,1\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) ==
          lines{"豁免 预算调整率 =  | 因落实国家政策\n调整 @ 1:4-1:9 1:11-2:3", "输入 预算数 = 1 @ 3:1-3:4 3:5-3:6"});
}

TEST_CASE("csv: spaces and U+3000 around fields and around quotes are trimmed", "[csv]") {
    const source_file f("t.csv", "  预算数 ,\xE3\x80\x80" "8383.52万元\xE3\x80\x80\n 甲 , \" 乙 \" , \n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"输入 预算数 = 8383.52万元 @ 1:3-1:6 1:9-1:18", "输入 甲 = 乙 @ 2:2-2:3 2:8-2:9"});
}

TEST_CASE("csv: blank lines, comments and empty rows are skipped", "[csv]") {
    const source_file f("c.csv", "# 大厂 2020\n\n   \n,,\n  # 注释,也跳过\n预算数,1\n\r\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"输入 预算数 = 1 @ 6:1-6:4 6:5-6:6"});
}

TEST_CASE("csv: the last row without a line break, an empty third field", "[csv]") {
    const source_file f("l.csv", "甲,1,\n乙,2");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(meanings(r) == lines{"|甲|1|", "|乙|2|"});
}

TEST_CASE("csv: an empty file has no entries", "[csv]") {
    const source_file f("e.csv", "");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(r.values->entries.empty());
}

// ------------------------------------------------------------------------------------------------- errors

TEST_CASE("csv V0101: invalid UTF-8", "[csv][diagnostics]") {
    const source_file f("bad.csv", "预算数,1\n\xFF,2\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == "bad.csv:2:1: error[V0101]: the file is not valid UTF-8: byte that never occurs "
                            "in UTF-8 (byte 0xFF) at line 2, byte 1\n"
                            "    2 | \xEF\xBF\xBD,2\n"
                            "      | ^\n");
}

TEST_CASE("csv V0111: an unterminated quote points at the opening quote", "[csv][diagnostics]") {
    const source_file f("q.csv", "预算数,1\n豁免 预算调整率,\"因落实国家政策\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == R"(q.csv:2:10: error[V0111]: unterminated quoted field: the closing `"` is missing
    2 | 豁免 预算调整率,"因落实国家政策
      |                 ^
)");
}

TEST_CASE("csv V0112: text after a closing quote", "[csv][diagnostics]") {
    const source_file f("q.csv", "甲,\"1\"2,x\n乙,2\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == R"(q.csv:1:6: error[V0112]: text after the closing quote of a field: expected `,` or the end of the line, found “2”
    1 | 甲,"1"2,x
      |       ^
      = note: a quote inside a quoted field is written twice: ""
)");
}

TEST_CASE("csv V0113: more than three fields", "[csv][diagnostics]") {
    const source_file f("f.csv", "评定 经济效益,8,专家评议,多余\n");
    const auto r = read(f);
    CHECK(rendered(f, r) ==
          R"(f.csv:1:16: error[V0113]: too many fields: a row is a key, a value and a reason, found 4 fields
    1 | 评定 经济效益,8,专家评议,多余
      |                          ^^^^
)");
    const source_file empty("e.csv", "甲,1,,\n");
    CHECK(codes(read(empty)) == lines{"V0113"});
}

TEST_CASE("csv V0113: a reason on a row that takes none", "[csv][diagnostics]") {
    const source_file f("f.csv", "预算数,1,原表\n豁免 预算调整率,理由,多余\n");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0113", "V0113"});
    CHECK(r.diagnostics[0].message ==
          "too many fields: only a 评定 (judged) row has a third field, the reason");
    CHECK(place(f, r.diagnostics[0].range) == "1:7-1:9");
    CHECK(place(f, r.diagnostics[1].range) == "2:13-2:15");
}

TEST_CASE("csv V0114: an unknown keyword, with a suggestion", "[csv][diagnostics]") {
    const source_file f("k.csv", "targets 项目产出,120\n");
    const auto r = read(f);
    CHECK(rendered(f, r) == R"(k.csv:1:1: error[V0114]: unknown keyword “targets” before “项目产出”; the keywords are 目标 (target), 不适用 (not_applicable), 豁免 (exempt), 评定 (judged), 选择 (choose), 类别 (category) and 自评 (claimed)
    1 | targets 项目产出,120
      | ^^^^^^^
      = note: did you mean “target”?
)");
}

TEST_CASE("csv V0109: an input without a value, an exemption without its reason", "[csv][diagnostics]") {
    const source_file f("m.csv", "预算数\n支出进度率, \n豁免 预算调整率\n评定 经济效益,,理由\n单位,\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(codes(r) == lines{"V0109", "V0109", "V0109", "V0109", "V0109"});
    CHECK(render_text(r.diagnostics[0], f) == R"(m.csv:1:1: error[V0109]: “预算数” has no value
    1 | 预算数
      | ^^^^^^
)");
    CHECK(r.diagnostics[1].message == "“支出进度率” has no value");
    CHECK(r.diagnostics[2].message == "the exemption of “预算调整率” has no reason");
    CHECK(r.diagnostics[3].message == "the judged score of “经济效益” has no score");
    CHECK(r.diagnostics[4].message == "the unit's name is empty");
}

TEST_CASE("csv V0108: an empty key, a keyword without its path", "[csv][diagnostics]") {
    const source_file f("k.csv", ",95%\n目标,100%\n");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0108", "V0108"});
    CHECK(r.diagnostics[0].message ==
          "empty key: a row starts with an input's name, or a keyword and a path (目标 项目产出)");
    CHECK(place(f, r.diagnostics[0].range) == "1:1-1:1");
    CHECK(r.diagnostics[1].message == "the keyword “目标” needs a path after it: “目标 <path>”");
}

TEST_CASE("csv V0106: a key given twice, with a note at the first", "[csv][diagnostics]") {
    const source_file f("d.csv", "目标 项目产出,120\n预算数,1\ntarget 项目产出,130\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == R"(d.csv:3:1: error[V0106]: the target of “项目产出” is given twice
    3 | target 项目产出,130
      | ^^^^^^^^^^^^^^^
d.csv:1:1: note: first given here
    1 | 目标 项目产出,120
      | ^^^^^^^^^^^^^
)");
    // The same path with different keywords is not a repeat.
    const source_file g("g.csv", "目标 效益,1\n不适用 效益\n");
    CHECK(read(g).ok());
}

TEST_CASE("csv: all or nothing, errors of every row at once", "[csv][diagnostics]") {
    const source_file f("x.csv", "预算数,1\n目的 项目产出,1\n甲\n乙,1,2,3\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(codes(r) == lines{"V0114", "V0109", "V0113"});
}

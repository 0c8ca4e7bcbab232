// values_json_test.cpp — JSON values files: entries with their places, numbers as written, every diagnostic.
#include "values_support.hpp"

#include <catch2/catch.hpp>

using rubric::read_values_json;
using rubric::source_file;
using namespace rubric::testing;

using lines = std::vector<std::string>;

namespace {

rubric::values_result read(const source_file& f) {
    rubric::values_result r = read_values_json(f);
    UNSCOPED_INFO(rendered(f, r));
    return r;
}

} // namespace

// ------------------------------------------------------------------------------------------------- entries

TEST_CASE("json: inputs as text and as numbers, with their places", "[json]") {
    const source_file f("unit.json", "{\n  \"values\": {\n    \"实际支付进度\": \"95.4%\",\n"
                                     "    \"预算数\": 8383.52\n  }\n}\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(r.values->file == "unit.json");
    CHECK(entries(f, r) == lines{"输入 实际支付进度 = 95.4% @ 3:6-3:12 3:16-3:21",
                                 "输入 预算数 = 8383.52 @ 4:6-4:9 4:12-4:19"});
}

TEST_CASE("json: a number keeps the text it was written with, never a double's", "[json]") {
    const source_file f("n.json", R"({"values": {"a": 0.1, "b": 1.50, "c": 1e2, "d": -0, "e": 12345678901234567890123,
"f": 8383.52, "g": 7, "h": -3, "i": 2.5E-3}})");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(meanings(r) == lines{"|a|0.1|", "|b|1.50|", "|c|1e2|", "|d|-0|", "|e|12345678901234567890123|",
                               "|f|8383.52|", "|g|7|", "|h|-3|", "|i|2.5E-3|"});
    CHECK(entries(f, r)[8] == "输入 i = 2.5E-3 @ 2:33-2:34 2:37-2:43");
}

TEST_CASE("json: true and false as a value are 是 and 否, placed at the word", "[json]") {
    const source_file f("b.json", R"({"values": {"单位负责人签字": true, "存在违规": false}})");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"输入 单位负责人签字 = 是 @ 1:14-1:21 1:24-1:28",
                                 "输入 存在违规 = 否 @ 1:31-1:35 1:38-1:43"});
}

TEST_CASE("json: every section in English, entries in the order written", "[json]") {
    const source_file f("all.json", R"({
  "unit": "大厂回族自治县医疗保障局",
  "values": {"政策知晓率": "普遍知晓", "财务管理制度健全性.1": "具备"},
  "targets": {"效益.经济效益": "≥ 95%", "项目产出": 120},
  "not_applicable": ["效益.经济效益"],
  "exempt": {"预算调整率": "因落实国家政策调整"},
  "judged": {"经济效益": 8},
  "choices": {"受益对象覆盖": "覆盖率"},
  "category": {"区县类型": "一类县"},
  "claimed": {"群众满意度": "9.5", "部门管理": 37, "总分": "96.5", "等级": "优"}
})");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(r.values->unit == "大厂回族自治县医疗保障局");
    CHECK(meanings(r) == lines{"|政策知晓率|普遍知晓|", "|财务管理制度健全性.1|具备|", "目标|效益.经济效益|≥ 95%|",
                               "目标|项目产出|120|", "不适用|效益.经济效益||", "豁免|预算调整率||因落实国家政策调整",
                               "评定|经济效益|8|", "选择|受益对象覆盖|覆盖率|", "类别|区县类型|一类县|",
                               "自评|群众满意度|9.5|", "自评|部门管理|37|", "自评|总分|96.5|", "自评|等级|优|"});
}

TEST_CASE("json: section names in Chinese", "[json]") {
    const source_file f("zh.json", R"({"单位": "甲", "取值": {"甲": "1"}, "目标": {"乙": "2"}, "不适用": ["丙"],
"豁免": {"丁": "理由"}, "评定": {"戊": "3分"}, "选择": {"己": "庚"}, "类别": {"辛": "壬"}})");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(r.values->unit == "甲");
    CHECK(meanings(r) == lines{"|甲|1|", "目标|乙|2|", "不适用|丙||", "豁免|丁||理由", "评定|戊|3分|", "选择|己|庚|",
                               "类别|辛|壬|"});
}

TEST_CASE("json: a judged score as a score, or as an object with its reason", "[json]") {
    const source_file f("j.json", R"({"judged": {
  "经济效益": 8.5,
  "社会效益": "9分",
  "满意度": {"score": 7, "reason": "抽样调查 120 份"},
  "可持续影响": {"理由": "专家评议", "得分": "6"}
}})");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"评定 经济效益 = 8.5 @ 2:4-2:8 2:11-2:14", "评定 社会效益 = 9分 @ 3:4-3:8 3:12-3:14",
                                 "评定 满意度 = 7 | 抽样调查 120 份 @ 4:4-4:7 4:20-4:21",
                                 "评定 可持续影响 = 6 | 专家评议 @ 5:4-5:9 5:34-5:35"});
}

TEST_CASE("json: not applicable as an array of paths, or as paths with reasons", "[json]") {
    const source_file a("a.json", R"({"not_applicable": ["效益.经济效益", "数量.工作内容"]})");
    const auto ra = read(a);
    REQUIRE(ra.ok());
    CHECK(entries(a, ra) ==
          lines{"不适用 效益.经济效益 =  @ 1:22-1:29 1:22-1:29", "不适用 数量.工作内容 =  @ 1:33-1:40 1:33-1:40"});

    const source_file o("o.json", R"({"not_applicable": {"效益.经济效益": "原表未填目标值"}})");
    const auto ro = read(o);
    REQUIRE(ro.ok());
    CHECK(entries(o, ro) == lines{"不适用 效益.经济效益 =  | 原表未填目标值 @ 1:22-1:29 1:33-1:40"});
}

TEST_CASE("json: an exemption's reason is its reason, its text is empty", "[json]") {
    const source_file f("e.json", R"({"exempt": {"预算调整率": "因落实国家政策调整"}})");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"豁免 预算调整率 =  | 因落实国家政策调整 @ 1:14-1:19 1:23-1:32"});
}

TEST_CASE("json: a BOM is skipped, offsets stay into the original text", "[json]") {
    const source_file f("bom.json", "\xEF\xBB\xBF{\"values\": {\"预算数\": \"8383.52万元\"}}");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"输入 预算数 = 8383.52万元 @ 1:14-1:17 1:21-1:30"});
    CHECK(r.values->entries[0].key_range.begin == 3 + 13);
    CHECK(f.text(r.values->entries[0].value_range) == "8383.52万元");
}

TEST_CASE("json: CRLF line breaks", "[json]") {
    const source_file f("crlf.json", "{\r\n\"values\": {\r\n\"甲\": 1,\r\n\"乙\": \"2\"\r\n}\r\n}\r\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"输入 甲 = 1 @ 3:2-3:3 3:6-3:7", "输入 乙 = 2 @ 4:2-4:3 4:7-4:8"});
}

TEST_CASE("json: spaces around a name or a value are trimmed, U+3000 too", "[json]") {
    const source_file f("t.json", "{\"values\": {\" 预算数 \": \"\xE3\x80\x80" "8383.52万元 \"}}");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"输入 预算数 = 8383.52万元 @ 1:15-1:18 1:24-1:33"});
}

TEST_CASE("json: an escaped name is decoded, its place is where it is written", "[json]") {
    const source_file f("u.json", R"({"values": {"\u9884\u7b97\u6570": "1\"2"}})");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(entries(f, r) == lines{"输入 预算数 = 1\"2 @ 1:14-1:32 1:36-1:40"});
}

TEST_CASE("json: an empty object is a file without entries", "[json]") {
    const source_file f("empty.json", "{}\n");
    const auto r = read(f);
    REQUIRE(r.ok());
    CHECK(r.values->entries.empty());
    CHECK(r.values->unit.empty());
}

// ------------------------------------------------------------------------------------------------- errors

TEST_CASE("json V0101: invalid UTF-8 names the line and the byte", "[json][diagnostics]") {
    const source_file f("bad.json", "{\"values\": {\n\"预算数\": \"\xE9\xA2\"}}\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == "bad.json:2:9: error[V0101]: the file is not valid UTF-8: truncated sequence "
                            "(byte 0xE9) at line 2, byte 15\n"
                            "    2 | \"预算数\": \"\xEF\xBF\xBD\xEF\xBF\xBD\"}}\n"
                            "      |            ^\n");
}

TEST_CASE("json V0115: a file larger than 4 MiB is refused before it is read",
          "[json][diagnostics][limits]") {
    std::string text = "{\"values\": {";
    for (int i = 0; text.size() <= 4 * 1024 * 1024; ++i)
        text += "\"输入" + std::to_string(i) + "\": \"1\", ";
    const source_file f("dump.json", text + "\"末\": \"1\"}}\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r).substr(0, rendered(f, r).find('\n')) ==
          "dump.json:1:1: error[V0115]: the file is too large: " + std::to_string(f.text().size()) +
              " bytes, more than the limit of 4194304 bytes");
}

TEST_CASE("json V0102: a value missing after a colon", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"预算数\": }}\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == R"(m.json:1:20: error[V0102]: malformed JSON: expected a value, found `}`
    1 | {"values": {"预算数": }}
      |                       ^
)");
}

TEST_CASE("json V0102: a missing colon points at the whole string that came instead", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"预算数\" \"8383.52\"}}");
    const auto r = read(f);
    CHECK(rendered(f, r) == R"(m.json:1:19: error[V0102]: malformed JSON: expected `:`, found a string
    1 | {"values": {"预算数" "8383.52"}}
      |                      ^^^^^^^^^
)");
}

TEST_CASE("json V0102: a comma before a closing brace", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"甲\": 1,}}");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0102"});
    CHECK(r.diagnostics[0].message == "malformed JSON: expected a key in double quotes, found `}`");
    CHECK(place(f, r.diagnostics[0].range) == "1:20-1:21");
}

TEST_CASE("json V0102: two values without a comma between them", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"甲\": 1 \"乙\": 2}}");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0102"});
    CHECK(r.diagnostics[0].message == "malformed JSON: expected `,` or `}`, found a string");
    CHECK(place(f, r.diagnostics[0].range) == "1:20-1:23");
}

TEST_CASE("json V0102: an unterminated string points at its opening quote", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"预算数\": \"8383.52}}\n");
    const auto r = read(f);
    CHECK(rendered(f, r) ==
          R"(m.json:1:20: error[V0102]: malformed JSON: unterminated string: the closing `"` is missing
    1 | {"values": {"预算数": "8383.52}}
      |                       ^
)");
    // The same at the end of the text.
    const source_file e("e.json", "{\"values\": {\"预算数\": \"8383.52}}");
    const auto re = read(e);
    CHECK(codes(re) == lines{"V0102"});
    CHECK(place(e, re.diagnostics[0].range) == "1:20-1:21");
}

TEST_CASE("json V0102: a word without quotes", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"政策知晓率\": 普遍知晓}}");
    const auto r = read(f);
    CHECK(rendered(f, r) == R"(m.json:1:22: error[V0102]: malformed JSON: expected a value, found “普遍知晓”
    1 | {"values": {"政策知晓率": 普遍知晓}}
      |                           ^^^^^^^^
      = note: text must be in double quotes; JSON's words are true, false and null
)");
    const source_file t("t.json", "{\"values\": {\"甲\": tru}}");
    const auto rt = read(t);
    CHECK(rt.diagnostics[0].message == "malformed JSON: expected a value, found “tru”");
    CHECK(place(t, rt.diagnostics[0].range) == "1:18-1:21");
}

TEST_CASE("json V0102: the text ends inside an object", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"甲\": 1}\n");
    const auto r = read(f);
    CHECK(rendered(f, r) == R"(m.json:2:1: error[V0102]: malformed JSON: expected `,` or `}`, found the end of the text
    2 |
      | ^
)");
}

TEST_CASE("json V0102: lexical errors keep nlohmann's words, at the offending byte", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"甲\": \"a\tb\"}}");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0102"});
    CHECK(r.diagnostics[0].message ==
          "malformed JSON: invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t");
    CHECK(place(f, r.diagnostics[0].range) == "1:20-1:21");

    const source_file n("n.json", "{\"values\": {\"甲\": 1.}}");
    const auto rn = read(n);
    CHECK(rn.diagnostics[0].message == "malformed JSON: invalid number; expected digit after '.'");
    CHECK(place(n, rn.diagnostics[0].range) == "1:20-1:21"); // the `}` where a digit was due
}

TEST_CASE("json V0102: text after the object", "[json][diagnostics]") {
    const source_file f("m.json", "{} {}");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0102"});
    CHECK(r.diagnostics[0].message == "malformed JSON: expected the end of the text, found `{`");
    CHECK(place(f, r.diagnostics[0].range) == "1:4-1:5");
}

TEST_CASE("json V0102: a number too large for a double", "[json][diagnostics]") {
    const source_file f("m.json", "{\"values\": {\"甲\": 1e999}}");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0102"});
    CHECK(r.diagnostics[0].message ==
          "the number “1e999” is too large for a JSON reader; write it as text in double quotes");
    CHECK(place(f, r.diagnostics[0].range) == "1:18-1:23");
}

TEST_CASE("json V0103: the text is not an object, or is empty", "[json][diagnostics]") {
    const source_file a("a.json", "[\"预算数\", 1]");
    const auto ra = read(a);
    CHECK(rendered(a, ra) == R"(a.json:1:1: error[V0103]: expected a JSON object of sections (values, targets, …), found an array
    1 | ["预算数", 1]
      | ^
)");
    const source_file s("s.json", "\"95%\"");
    CHECK(read(s).diagnostics[0].message ==
          "expected a JSON object of sections (values, targets, …), found text");
    const source_file e("e.json", "\xEF\xBB\xBF \n");
    const auto re = read(e);
    CHECK(codes(re) == lines{"V0103"});
    CHECK(re.diagnostics[0].message ==
          "the file is empty: expected a JSON object of sections (values, targets, …)");
    CHECK(place(e, re.diagnostics[0].range) == "2:1-2:1");
}

TEST_CASE("json V0104: an unknown section, with a suggestion", "[json][diagnostics]") {
    const source_file f("s.json", "{\n  \"valuse\": {\"甲\": 1},\n  \"目标\": {\"乙\": 2}\n}\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == R"(s.json:2:3: error[V0104]: unknown section “valuse”; the sections are values (取值), targets (目标), not_applicable (不适用), exempt (豁免), judged (评定), choices (选择), category (类别), claimed (自评) and unit (单位)
    2 |   "valuse": {"甲": 1},
      |   ^^^^^^^^
      = note: did you mean “values”?
)");
}

TEST_CASE("json V0105: a section of the wrong type", "[json][diagnostics]") {
    const source_file f("s.json", R"({"values": ["甲"], "unit": 7, "not_applicable": "效益"})");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0105", "V0105", "V0105"});
    CHECK(r.diagnostics[0].message ==
          "section “values” must be an object of names and values, found an array");
    CHECK(place(f, r.diagnostics[0].range) == "1:12-1:13");
    CHECK(r.diagnostics[1].message ==
          "section “unit” must be text (the unit's name), found a number");
    CHECK(r.diagnostics[2].message ==
          "section “not_applicable” must be an array of paths (or an object of paths and reasons), "
          "found text");
}

TEST_CASE("json V0106: a name given twice, with a note at the first", "[json][diagnostics]") {
    const source_file f("d.json", "{\"values\": {\n  \"预算数\": 1,\n  \"预算数\": 2\n}}\n");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == R"(d.json:3:3: error[V0106]: “预算数” is given twice
    3 |   "预算数": 2
      |   ^^^^^^^^
d.json:2:3: note: first given here
    2 |   "预算数": 1,
      |   ^^^^^^^^
)");
}

TEST_CASE("json V0106: a section given twice, in either language", "[json][diagnostics]") {
    const source_file f("d.json", R"({"values": {"甲": 1}, "取值": {"乙": 2}, "unit": "甲", "单位": "乙"})");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0106", "V0106"});
    CHECK(r.diagnostics[0].message == "section “取值” is given twice (“values” is the same section)");
    CHECK(place(f, r.diagnostics[0].range) == "1:22-1:26");
    CHECK(place(f, *r.diagnostics[0].notes[0].range) == "1:2-1:10");
    CHECK(r.diagnostics[1].message == "section “单位” is given twice (“unit” is the same section)");
}

TEST_CASE("json V0106: a judged score's field given twice", "[json][diagnostics]") {
    const source_file f("d.json", R"({"judged": {"甲": {"score": 1, "得分": 2}}})");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0106"});
    CHECK(r.diagnostics[0].message == "the score of the judged score of “甲” is given twice");
}

TEST_CASE("json V0107: null, an array or an object where text is wanted", "[json][diagnostics]") {
    const source_file f("v.json", R"({"values": {"甲": null, "乙": [1], "丙": {"a": 1}}})");
    const auto r = read(f);
    CHECK_FALSE(r.values);
    CHECK(rendered(f, r) == R"(v.json:1:18: error[V0107]: “甲” must be text, a number, true or false, found null
    1 | {"values": {"甲": null, "乙": [1], "丙": {"a": 1}}}
      |                   ^^^^
v.json:1:29: error[V0107]: “乙” must be text, a number, true or false, found an array
    1 | {"values": {"甲": null, "乙": [1], "丙": {"a": 1}}}
      |                               ^
v.json:1:39: error[V0107]: “丙” must be text, a number, true or false, found an object
    1 | {"values": {"甲": null, "乙": [1], "丙": {"a": 1}}}
      |                                          ^
)");
}

TEST_CASE("json V0107: each section says what its values may be", "[json][diagnostics]") {
    const source_file f("v.json", R"({"targets": {"丁": true}, "exempt": {"戊": 3}, "not_applicable": [7],
"judged": {"己": {"score": null, "reason": 1}, "庚": false}, "choices": {"辛": 1}, "category": {"壬": []}})");
    const auto r = read(f);
    CHECK(codes(r) == lines(8, "V0107"));
    std::vector<std::string> messages;
    for (const rubric::diagnostic& d : r.diagnostics)
        messages.push_back(place(f, d.range) + " " + d.message);
    CHECK(messages ==
          lines{"1:19-1:23 the target of “丁” must be text or a number, found true",
                "1:42-1:43 the exemption of “戊” must be text (the reason), found a number",
                "1:65-1:66 a path in section “not_applicable” must be text, found a number",
                "2:27-2:31 the score of the judged score of “己” must be text or a number, found null",
                "2:43-2:44 the reason of the judged score of “己” must be text, found a number",
                "2:52-2:57 the judged score of “庚” must be a score (text or a number) or an object "
                "with “score” and “reason”, found false",
                "2:77-2:78 the choice for “辛” must be text (the chosen item), found a number",
                "2:99-2:100 the category of “壬” must be text (the category), found an array"});
}

TEST_CASE("json V0108: an empty name or path", "[json][diagnostics]") {
    const source_file f("k.json", R"({"values": {" ": 1}, "not_applicable": [""], "category": {"": "一类县"}})");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0108", "V0108", "V0108"});
    CHECK(r.diagnostics[0].message == "empty name in section “values”");
    CHECK(place(f, r.diagnostics[0].range) == "1:13-1:16");
    CHECK(r.diagnostics[1].message == "empty path in section “not_applicable”");
    CHECK(r.diagnostics[2].message == "empty category set in section “category”");
}

TEST_CASE("json V0109: an empty value, a judged object without its score", "[json][diagnostics]") {
    const source_file f("e.json", R"({"values": {"甲": "  "}, "exempt": {"乙": ""}, "judged": {"丙": {"reason": "无"}},
"choices": {"丁": ""}})");
    const auto r = read(f);
    CHECK(codes(r) == lines{"V0109", "V0109", "V0109", "V0109"});
    CHECK(r.diagnostics[0].message == "“甲” has no value");
    CHECK(place(f, r.diagnostics[0].range) == "1:18-1:22");
    CHECK(r.diagnostics[1].message == "the exemption of “乙” has no reason");
    CHECK(r.diagnostics[2].message == "the judged score of “丙” has no score: give “score” (or “得分”)");
    CHECK(place(f, r.diagnostics[2].range) == "1:57-1:60");
    CHECK(r.diagnostics[3].message == "the choice for “丁” is empty");
}

TEST_CASE("json V0110: an unknown field in a judged score", "[json][diagnostics]") {
    const source_file f("f.json", "{\"judged\": {\"满意度\": {\"scor\": 7}}}");
    const auto r = read(f);
    CHECK(rendered(f, r) == R"(f.json:1:21: error[V0110]: unknown field “scor” in the judged score of “满意度”; the fields are score (得分) and reason (理由)
    1 | {"judged": {"满意度": {"scor": 7}}}
      |                        ^^^^^^
      = note: did you mean “score”?
f.json:1:13: error[V0109]: the judged score of “满意度” has no score: give “score” (or “得分”)
    1 | {"judged": {"满意度": {"scor": 7}}}
      |             ^^^^^^^^
)");
}

TEST_CASE("json: all or nothing, and every error of the file at once", "[json][diagnostics]") {
    const source_file f("x.json", R"({"values": {"甲": 1, "乙": null}, "target": {"丙": 1}, "judged": {"丁": 5}})");
    const auto r = read(f);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.values.has_value());
    CHECK(codes(r) == lines{"V0107", "V0104"});
    CHECK(r.diagnostics[1].notes.at(0).message == "did you mean “targets”?");
}

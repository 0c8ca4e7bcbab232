// decimal_text_test.cpp — numbers as text: every form parse_decimal accepts or rejects (with its message),
// and to_string, to_fraction_string, format_percent and operator<< on exact values.
#include "decimal_oracle.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>

using rubric::decimal;
using rubric::parse_decimal;
using rubric::rounding_mode;
using rubric_test::cpp_int;
using rubric_test::cpp_rational;
using rubric_test::exact;
using rubric_test::operand_generator;
using rubric_test::oracle;

namespace {

decimal parsed(const std::string& text) {
    const auto result = parse_decimal(text);
    INFO("parse_decimal(\"" << text << "\"): " << result.error);
    REQUIRE(result);
    CHECK(result.error.empty());
    return *result.value;
}

std::string hex_bytes(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += "\\x";
        out += "0123456789ABCDEF"[byte >> 4];
        out += "0123456789ABCDEF"[byte & 15];
    }
    return out;
}

std::string error_of(const std::string& text) {
    const auto result = parse_decimal(text);
    INFO("parse_decimal(\"" << text << "\") unexpectedly gave " << (result ? result.value->to_string() : ""));
    REQUIRE_FALSE(result);
    CHECK_FALSE(result.error.empty());
    return result.error;
}

} // namespace

TEST_CASE("accepted text forms and their exact values", "[decimal][text]") {
    struct row {
        const char* text;
        const char* value; // plain decimal, built without the parser
    };
    const row rows[] = {
        {"95", "95"},
        {"-0.5", "-0.5"},
        {"+3", "3"},
        {"0", "0"},
        {"-0", "0"},
        {"0.000", "0"},
        {"3.14159", "3.14159"},
        {"95.4%", "0.954"},
        {"-95.4%", "-0.954"},
        {"100%", "1"},
        {"0%", "0"},
        {"12.5%", "0.125"},
        {"3‰", "0.003"},
        {"0.5‰", "0.0005"},
        {"1.8067万", "18067"},
        {"1.23456789万", "12345.6789"},
        {"-1.5万", "-15000"},
        {"3亿", "300000000"},
        {"1.5亿", "150000000"},
        {"2万亿", "2000000000000"},
        {"1.5万亿", "1500000000000"},
        {"1千万", "10000000"},
        {"3.5百万", "3500000"},
        {"1,000万", "10000000"},
        {"5千", "5000"},
        {"8,383.52", "8383.52"},
        {"1,234,567.5", "1234567.5"},
        {"-1,000", "-1000"},
        {"９５．４％", "0.954"},
        {"９５", "95"},
        {"－3", "-3"},
        {"－０．５", "-0.5"},
        {"８，３８３．５２", "8383.52"},
        {" 95 ", "95"},
        {"   -0.5", "-0.5"},
        {"\u300095.4%\u3000", "0.954"},
        {"\u3000 \u30001.8067万 ", "18067"},
        // Beyond int64: read exactly onto the fallback path.
        {"12345678901234567890.123456789", "12345678901234567890.123456789"},
        {"0.0000000000000000000001", "0.0000000000000000000001"},
        {"9999999999999999999999亿", "999999999999999999999900000000"},
    };
    for (const auto& r : rows) {
        INFO("text \"" << r.text << "\"");
        const decimal value = parsed(r.text);
        CHECK(oracle(value) == rubric_test::exact_rational(r.value));
        rubric_test::check_path(value, oracle(value));
    }
}

TEST_CASE("rejected text forms quote the input and say what was expected", "[decimal][text]") {
    // Every message quotes the input (as written, before trimming) and says what a number looks like.
    const char* rejected[] = {"760.35d", "",     "1.2.3", "%",      "-",     "1,23", "万", "95%%",
                              "1e5",     "   ",  "abc",   "1,2345", "--3",   ",123", ".",  "12,34,567",
                              "3 000",   "0x10", "nan",   "inf",    "95％%", "%5",   "万3"};
    for (const char* text : rejected) {
        const std::string error = error_of(text);
        INFO("text \"" << text << "\": " << error);
        CHECK(error.find(std::string("\"") + text + "\"") != std::string::npos);
        CHECK(error.find("expected") != std::string::npos);
    }
}

TEST_CASE("rejected text forms: exact messages", "[decimal][text]") {
    // Positions count characters (not bytes) from the start of the input as written, surrounding spaces
    // included.
    struct row {
        const char* text;
        const char* error;
    };
    const row rows[] = {
        {"760.35d",
         R"("760.35d" is not a number: unexpected "d" at character 7; expected a digit, "%", "‰" or a magnitude ("千", "万", "亿") after 760.35)"},
        {"",
         R"("" is not a number: the text is empty; expected a number such as 95, -0.5, 95.4% or 1.8067万)"},
        {"1.2.3",
         R"("1.2.3" is not a number: unexpected "." at character 4; expected a digit, "%", "‰" or a magnitude ("千", "万", "亿") after 1.2)"},
        {"%", R"("%" is not a number: unexpected "%" at character 1; expected a digit)"},
        {"-", R"("-" is not a number: the text ends after "-"; expected a digit)"},
        {"1,23",
         R"("1,23" is not a number: the thousands group after "," at character 2 has 2 digits; expected exactly 3)"},
        {"万", R"("万" is not a number: unexpected "万" at character 1; expected a digit)"},
        {"95%%",
         R"("95%%" is not a number: unexpected "%" at character 4; expected the end of the number after 95%)"},
        {"1e5",
         R"("1e5" is not a number: unexpected "e" at character 2; expected a digit, ".", "%", "‰" or a magnitude ("千", "万", "亿") after 1 (exponent notation such as 1e5 is not accepted))"},
        {"   ",
         R"("   " is not a number: the text is blank; expected a number such as 95, -0.5, 95.4% or 1.8067万)"},
        {"1.", R"("1." is not a number: the text ends after "1."; expected a digit after the decimal point)"},
        {"12,34,567",
         R"("12,34,567" is not a number: the thousands group after "," at character 3 has 2 digits; expected exactly 3)"},
        {"９５．４ｄ",
         R"("９５．４ｄ" is not a number: unexpected "ｄ" at character 5; expected a digit, "%", "‰" or a magnitude ("千", "万", "亿") after ９５．４)"},
        {" 760.35d ",
         R"(" 760.35d " is not a number: unexpected "d" at character 8; expected a digit, "%", "‰" or a magnitude ("千", "万", "亿") after 760.35)"},
        {"\u3000９５．４％％", "\"\u3000９５．４％％\" is not a number: unexpected \"％\" at character 7; "
                               "expected the end of the number after ９５．４％"},
    };
    for (const auto& r : rows) {
        INFO("text \"" << r.text << "\"");
        CHECK(error_of(r.text) == r.error);
    }
}

TEST_CASE("ill-formed UTF-8 is never read as a number", "[decimal][text]") {
    // Overlong encodings of ASCII characters are not UTF-8 (RFC 3629): "\xC0\xB5" must not read as 5. A
    // reader that decodes them accepts text every other tool treats as garbage.
    const char* rejected[] = {
        "\xff",
        "1\xe4",
        "\xC0\xB5",
        "9\xC0\xAE"
        "5",
        "\xE0\x80\xB5",
        "\xF0\x80\x80\xB5",
        "\xF8\x80\x80\xB5",
        "\xED\xA0\x80",
    };
    for (const char* text : rejected) {
        INFO("bytes " << hex_bytes(text));
        const auto result = parse_decimal(text);
        CHECK_FALSE(result);
        if (!result) CHECK(result.error.find("is not a number") != std::string::npos);
    }
}

TEST_CASE("a comma after a leading zero is not a thousands separator", "[decimal][text]") {
    // "0,123" is how a decimal-comma spreadsheet writes 0.123; no grouped number starts with a group of 0, so
    // reading it as 123 would silently be 1000 times off.
    for (const char* text : {"0,123", "-0,500", "0,123,456", "00,123"}) {
        INFO("text \"" << text << "\"");
        const auto result = parse_decimal(text);
        CHECK_FALSE(result);
        if (!result) CHECK(result.error.find(std::string("\"") + text + "\"") != std::string::npos);
    }
}

TEST_CASE("to_string, to_fraction_string and operator<<", "[decimal][text]") {
    CHECK(decimal().to_string() == "0");
    CHECK(decimal(-18067).to_string() == "-18067");
    CHECK(decimal::fraction(954, 1000).to_string() == "0.954");
    CHECK(decimal::fraction(-1, 2).to_string() == "-0.5");
    CHECK(decimal::fraction(1, 8).to_string() == "0.125");
    CHECK(decimal::fraction(1, 3).to_string() == "1/3");
    CHECK(decimal::fraction(-2, 6).to_string() == "-1/3");
    CHECK(decimal::fraction(1, 6).to_string() == "1/6");
    CHECK(decimal::fraction(7, 30).to_string() == "7/30");
    CHECK((decimal::fraction(1, 3) * 3).to_string() == "1");
    CHECK(decimal::fraction(1, 3) * 3 == 1);
    CHECK(decimal::fraction(100, 10).to_string() == "10");
    CHECK(decimal::fraction(-5, -1).to_string() == "5");

    const decimal ten_to_30 = rubric_test::from_integer(rubric_test::pow10(30));
    CHECK(ten_to_30.to_string() == "1000000000000000000000000000000");
    CHECK(ten_to_30.to_fraction_string() == "1000000000000000000000000000000");
    CHECK((-ten_to_30).to_string() == "-1000000000000000000000000000000");
    CHECK((decimal(1) / ten_to_30).to_string() == "0.000000000000000000000000000001");
    CHECK((decimal(1) / ten_to_30).to_fraction_string() == "1/1000000000000000000000000000000");
    CHECK((ten_to_30 / 3).to_string() == "1000000000000000000000000000000/3");
    CHECK(decimal(std::numeric_limits<std::int64_t>::min()).to_string() == "-9223372036854775808");
    CHECK((decimal(1) / rubric_test::from_integer(cpp_int(1) << 70)).to_string() ==
          rubric_test::reference_to_string(cpp_rational(1, cpp_int(1) << 70)));

    CHECK(decimal(5).to_fraction_string() == "5");
    CHECK(decimal(0).to_fraction_string() == "0");
    CHECK(decimal::fraction(954, 1000).to_fraction_string() == "477/500");
    CHECK(decimal::fraction(-1, 2).to_fraction_string() == "-1/2");
    CHECK(decimal::fraction(4, -6).to_fraction_string() == "-2/3");
    CHECK(decimal::fraction(10, 5).to_fraction_string() == "2");

    std::ostringstream out;
    out << decimal::fraction(1, 3) << ' ' << decimal::fraction(-954, 1000) << ' ' << ten_to_30;
    CHECK(out.str() == "1/3 -0.954 1000000000000000000000000000000");
}

TEST_CASE("format_percent", "[decimal][text]") {
    CHECK(decimal::fraction(954, 1000).format_percent(1) == "95.4%");
    CHECK(decimal::fraction(954, 1000).format_percent(0) == "95%");
    CHECK(decimal::fraction(954, 1000).format_percent(2) == "95.40%");
    CHECK(decimal(1).format_percent(0) == "100%");
    CHECK(decimal(0).format_percent(1) == "0.0%");
    CHECK(decimal::fraction(1, 3).format_percent(2) == "33.33%");
    CHECK(decimal::fraction(2, 3).format_percent(1) == "66.7%");
    CHECK(decimal::fraction(2, 3).format_percent(1, rounding_mode::down) == "66.6%");
    CHECK(decimal::fraction(-2, 3).format_percent(1, rounding_mode::floor) == "-66.7%");
    CHECK(decimal::fraction(-1, 100000).format_percent(2) == "0.00%"); // never "-0.00%"
    CHECK(decimal::fraction(12345, 10000).format_percent(1, rounding_mode::half_even) == "123.4%");
    CHECK(decimal::fraction(12355, 10000).format_percent(1, rounding_mode::half_even) == "123.6%");
    CHECK(decimal(3).format_percent(0) == "300%");
}

TEST_CASE("random values: to_string against its definition, and text round trips",
          "[decimal][text][oracle]") {
    operand_generator gen(0x5eed'2024'0003ULL);
    for (int iteration = 0; iteration < 1500; ++iteration) {
        decimal value;
        cpp_rational expected;
        if (gen.chance(50)) {
            const auto [n, d] = gen.small_fraction();
            value = decimal::fraction(n, d);
            expected = d < 0 ? cpp_rational(-cpp_int(n), -cpp_int(d)) : cpp_rational(cpp_int(n), cpp_int(d));
        } else {
            // At most 38 digits, the most a number may be written with (number_limits.hpp).
            const std::string text = gen.decimal_text(gen.chance(20) ? 19 : 6, gen.chance(20) ? 19 : 6);
            value = exact(text);
            expected = rubric_test::exact_rational(text);
            // The same text through the parser, also with thousands separators or as a percent.
            INFO("text \"" << text << "\"");
            CHECK(parsed(text) == value);
            CHECK(parsed(text + "%") * 100 == value);
            CHECK(parsed(text + "万") == value * 10000);
        }
        INFO("iteration " << iteration << ": " << expected);
        const std::string text = value.to_string();
        CHECK(text == rubric_test::reference_to_string(expected));
        if (text.find('/') == std::string::npos) CHECK(parsed(text) == value);
        const int places = static_cast<int>(gen.integer(0, 6));
        CHECK(parsed(value.format(places)) == value.round(places, rounding_mode::half_up));
        CHECK(value.format_percent(places) == rubric_test::reference_format(expected * 100,
                                                                            static_cast<unsigned>(places),
                                                                            rounding_mode::half_up) +
                                                  "%");
    }
}

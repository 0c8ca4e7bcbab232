// error_handler.cpp — the words of syntax errors: rule ids turned into what a user would call them, the token
// found instead (with the more precise diagnosis it may allow), and the errors of brackets and limits.
#include "syntax/error_handler.hpp"

#include "syntax/keywords.hpp"
#include "syntax/lexical.hpp"
#include "syntax/token_readers.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace rubric::syntax::parser {
namespace {

struct rule_words {
    std::string_view id;
    std::string_view words;
};

// The rule names (grammar.hpp and the *_def.hpp files) that can appear in "expected …", in words.
constexpr rule_words rule_word_table[] = {
    {"expression", "an expression"},
    {"value", "a value"},
    {"interval", "an interval (`[90%, 100%]`)"},
    {"range", "a range (`≥ 90%`, `[60%, 90%)`)"},
    {"literal", "a value (`95%`, `2019年6月30日`, `是`/`true`, a level)"},
    {"amount", "an amount (`2分`, `10% 权重`)"},
    {"outcome",
     "an outcome (`满分`/`full`, `不得分`/`zero`, `2分`, `50% 权重`, `评定`/`judged` or `{ rule }`)"},
    {"checklist outcome", "points (`2分`), `门槛`/`gate` or `扣`/`deduct` and points"},
    {"type", "a type (`百分比`/`percent`, `金额 万元`/`amount 万元`, `计数 人`/`count 人`, `数值`/`number`, "
             "`是否`/`boolean`, `日期`/`date` or a level set)"},
    {"test value", "a value (`95%`, `≥ 266米`, `2019年6月30日`, `是`/`true`, a level)"},
    {"rule", "a rule"},
    {"indicator", "an indicator"},
    {"group", "a group"},
    {"test", "a test (`测试`/`test`)"},
    {"step option",
     "a step option (`按起算步数`/`started_steps`, `按百分点`/`percentage_points`, `起扣`/`from` …)"},
};

// Words in an expectation that mean a plain name is expected (E0110 when a string is found instead).
constexpr std::string_view plain_name_words[] = {"name",       "label",       "a level",
                                                 "a category", "a parameter", "a grade and"};

std::string words_for(std::string_view which) {
    const auto* found = std::find_if(std::begin(rule_word_table), std::end(rule_word_table),
                                     [&](const rule_words& w) { return w.id == which; });
    if (found != std::end(rule_word_table)) return std::string(found->words);
    return std::string(which);
}

std::string with_article(std::string_view noun) {
    const bool vowel =
        !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
    return lexical::join({vowel ? "an " : "a ", noun});
}

// A word that begins with a keyword run into what follows (`每降低1%`, `指标支出进度率`): the keyword's end.
// Only a digit after the keyword counts, unless `anywhere` (where a clause keyword was expected).
const char* keyword_prefix_end(const char* first, const char* word_end, bool anywhere) {
    for (const char* split = word_end; split != first;) {
        do
            --split;
        while (split != first && (static_cast<unsigned char>(*split) & 0xC0) == 0x80);
        if (split == first) break;
        if (!find_keyword(std::string_view(first, static_cast<std::size_t>(split - first)))) continue;
        const bool digit = *split >= '0' && *split <= '9';
        if (digit || anywhere) return split;
    }
    return nullptr;
}

// The start of the word that ends exactly at p (no white space between), or p.
const char* word_before(const char* text_begin, const char* p) {
    const char* first = p;
    while (first != text_begin) {
        const char* q = first - 1;
        while (q != text_begin && (static_cast<unsigned char>(*q) & 0xC0) == 0x80)
            --q;
        if (!lexical::is_name_char(lexical::decode(q, p).code_point)) break;
        first = q;
    }
    return lexical::scan_word(first, p) == p ? first : p;
}

// E0105 for the word [first, word_end) when it is a keyword run into a number (or, where a clause was
// expected, into any text): `每降低1%` → `每降低 1%`.
void reject_run_together(const parse_state& state, const char* first, const char* word_end, bool anywhere) {
    const char* split = keyword_prefix_end(first, word_end, anywhere);
    if (!split) return;
    const char* rest_end = *split >= '0' && *split <= '9'
                               ? lexical::scan_number_unit(lexical::scan_decimal(split, state.end), state.end)
                               : word_end;
    const std::string keyword_text(first, split), rest(split, rest_end);
    throw syntax_error("E0105", first, rest_end,
                       lexical::join({"put a space after the keyword `", keyword_text, "`: write `",
                                      keyword_text, " ", rest, "`, not `", keyword_text, rest, "`"}));
}

// The more precise errors a token allows, before the generic "expected …, found …": a full-width number
// (E0104), a keyword run into the text after it (E0105), in the token found or in the word just before it.
void diagnose_token(const parse_state& state, const char* at, bool clause_expected) {
    tokens::reject_fullwidth_number(state, at);
    if (const char* before = word_before(state.begin, at); before != at)
        reject_run_together(state, before, at, false);
    const char* word_end = nullptr;
    if (tokens::read_keyword(at, state.end, word_end) || word_end == at) return;
    reject_run_together(state, at, word_end, clause_expected);
}

} // namespace

void throw_expectation_failure(const parse_state& state, const char* where, std::string_view which) {
    const char* at = tokens::skip(where, state.end);
    diagnose_token(state, at, false);
    const auto found = lexical::describe_found(at, state.end);
    const std::string expected = words_for(which);
    // Where a plain name is written: names, labels, levels, categories, parameters, grades.
    const bool name_expected =
        std::any_of(std::begin(plain_name_words), std::end(plain_name_words),
                    [&](std::string_view w) { return expected.find(w) != std::string::npos; });
    const char* word_end = nullptr;
    if (name_expected && found.words == "a string") {
        syntax_error error("E0110", at, found.end,
                           lexical::join({"expected ", expected, ", found a string"}));
        error.notes.push_back(
            {"inputs, parameters, levels, categories, grades, checklist labels and rule names are "
             "used in formulas and are written without quotes",
             nullptr, nullptr});
        throw error;
    }
    syntax_error error("E0101", at, found.end,
                       lexical::join({"expected ", expected, ", found ", found.words}));
    if (name_expected && tokens::read_keyword(at, state.end, word_end)) {
        const std::string word(at, word_end);
        error.notes.push_back(
            {lexical::join(
                 {"`", word, "` is a keyword; to use it as a name, write it in quotes: “", word, "”"}),
             nullptr, nullptr});
    }
    throw error;
}

void throw_too_deep(const parse_state& state, const char* first, const char* last) {
    throw syntax_error(
        "E0003", first, last,
        lexical::join({"nesting is too deep: more than ", std::to_string(state.limits.max_nesting),
                       " levels of braces, brackets and parentheses"}));
}

void throw_nodes_too_deep(const parse_state& state, const char* first, const char* last) {
    throw syntax_error(
        "E0003", first, last,
        lexical::join({"nesting is too deep: more than ", std::to_string(state.limits.max_node_depth),
                       " levels of groups and indicators"}));
}

void throw_too_many_nodes(const parse_state& state, const char* first, const char* last) {
    throw syntax_error("E0008", first, last,
                       lexical::join({"too many groups and indicators: more than ",
                                      std::to_string(state.limits.max_nodes), " in one file"}));
}

void throw_unclosed(const parse_state& state, std::string_view construct, std::string_view contents,
                    std::string_view closer, const char* open_first, const char* open_last,
                    const char* found) {
    const bool holds_clauses = !contents.empty();
    diagnose_token(state, found, holds_clauses);
    const auto token = lexical::describe_found(found, state.end);
    const char* word_end = nullptr;
    const auto kw = tokens::read_keyword(found, state.end, word_end);
    syntax_error error =
        holds_clauses && kw
            ? syntax_error("E0108", found, token.end,
                           lexical::join({describe(*kw), " is not allowed in ", with_article(construct)}))
            : syntax_error(
                  "E0101", found, token.end,
                  lexical::join({"expected ", closer, " to close the ", construct, " opened at line ",
                                 std::to_string(state.line(open_first)), ", found ", token.words}));
    error.notes.push_back({lexical::join({"the ", construct, " opened here"}), open_first, open_last});
    if (found != state.end && holds_clauses) error.notes.push_back({std::string(contents), nullptr, nullptr});
    throw error;
}

void throw_formula_too_long(const parse_state& state, const char* where) {
    const char* at = tokens::skip(where, state.end);
    throw syntax_error(
        "E0004", at, at + lexical::decode(at, state.end).length,
        lexical::join({"this formula is too long: more than ",
                       std::to_string(state.limits.max_formula_tokens), " operands and operators"}));
}

void throw_chained_comparison(const parse_state&, const char* first, const char* last) {
    throw syntax_error(
        "E0114", first, last,
        "comparisons do not chain: join two comparisons with `且`/`and`, as in `0 < x 且 x < 1`");
}

} // namespace rubric::syntax::parser

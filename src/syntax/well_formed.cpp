// well_formed.cpp — clauses given twice (E0109) and test table rows of the wrong width (E0111).
#include "syntax/well_formed.hpp"

#include "syntax/keywords.hpp"
#include "syntax/lexical.hpp"

#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rubric::syntax {
namespace {

// A clause that may be written once in its body, with the keyword that starts it.
struct once {
    keyword kw;
    std::optional<source_range> first{};
};

class checker {
public:
    checker(const source_file& file, diagnostic_list& diagnostics) : file_(file), diagnostics_(diagnostics) {}

    void module(const ast::source_module& m) {
        for (const auto& item : m.items)
            rubric_item(item);
        for (const auto& test : m.tests)
            test_case(test);
    }

private:
    // The keyword that starts a clause, for the caret.
    source_range keyword_range(source_range clause) const {
        const auto text = file_.text();
        const char* first = text.data() + clause.begin;
        const char* word_end = lexical::scan_word(first, text.data() + text.size());
        return {clause.begin, clause.begin + static_cast<std::size_t>(word_end - first)};
    }

    void seen(once& clause, source_range where, std::string_view body) {
        if (!clause.first) {
            clause.first = where;
            return;
        }
        diagnostics_
            .error("E0109", file_.name(), keyword_range(where),
                   lexical::join({describe(clause.kw), " is given twice in ", body}))
            .note("given first here", keyword_range(*clause.first));
    }

    static std::string path_text(const ast::path& p) {
        std::string out;
        for (const auto& part : p.parts) {
            if (!out.empty()) out += '.';
            out += part.text;
        }
        return out;
    }

    void text_clause(const ast::text_clause& t, once& published, once& explanation, std::string_view body) {
        if (t.kind == ast::text_kind::published) seen(published, t.range, body);
        if (t.kind == ast::text_kind::explanation) seen(explanation, t.range, body);
    }

    void indicator(const ast::indicator& i) {
        const std::string body = lexical::join({"the indicator ", path_text(i.name)});
        once published{keyword::text}, explanation{keyword::explanation}, value{keyword::value},
            target{keyword::target}, rule{keyword::rule}, not_applicable{keyword::not_applicable},
            combine{keyword::combine};
        for (const auto& clause_written : i.items)
            boost::apply_visitor(
                [&](const auto& c) {
                    using clause = std::decay_t<decltype(c)>;
                    if constexpr (std::is_same_v<clause, ast::text_clause>)
                        text_clause(c, published, explanation, body);
                    else if constexpr (std::is_same_v<clause, ast::value_clause>)
                        seen(value, c.range, body);
                    else if constexpr (std::is_same_v<clause, ast::target_clause>)
                        seen(target, c.range, body);
                    else if constexpr (std::is_same_v<clause, ast::rule_clause>)
                        seen(rule, c.range, body);
                    else if constexpr (std::is_same_v<clause, ast::not_applicable_clause>)
                        seen(not_applicable, c.range, body);
                    else if constexpr (std::is_same_v<clause, ast::combine_clause>)
                        seen(combine, c.range, body);
                    else if constexpr (std::is_same_v<clause, ast::item>)
                        item(c);
                },
                clause_written);
    }

    void item(const ast::item& i) {
        const std::string body = lexical::join({"the item ", i.name.text});
        once published{keyword::text}, explanation{keyword::explanation}, value{keyword::value},
            target{keyword::target}, rule{keyword::rule};
        for (const auto& clause : i.clauses)
            boost::apply_visitor(
                [&](const auto& c) {
                    using type = std::decay_t<decltype(c)>;
                    if constexpr (std::is_same_v<type, ast::text_clause>)
                        text_clause(c, published, explanation, body);
                    else if constexpr (std::is_same_v<type, ast::value_clause>)
                        seen(value, c.range, body);
                    else if constexpr (std::is_same_v<type, ast::target_clause>)
                        seen(target, c.range, body);
                    else if constexpr (std::is_same_v<type, ast::rule_clause>)
                        seen(rule, c.range, body);
                },
                clause);
    }

    void group_items(const std::vector<ast::group_item>& items, std::string_view body) {
        once published{keyword::text}, explanation{keyword::explanation},
            not_applicable{keyword::not_applicable};
        for (const auto& item : items)
            boost::apply_visitor(
                [&](const auto& c) {
                    using type = std::decay_t<decltype(c)>;
                    if constexpr (std::is_same_v<type, ast::text_clause>)
                        text_clause(c, published, explanation, body);
                    else if constexpr (std::is_same_v<type, ast::not_applicable_clause>)
                        seen(not_applicable, c.range, body);
                    else if constexpr (std::is_same_v<type, ast::indicator>)
                        indicator(c);
                    else if constexpr (std::is_same_v<type, ast::group>) // a variant visit unboxes it
                        group(c);
                    else if constexpr (std::is_same_v<type, ast::override_decl>)
                        node(c.target);
                },
                item);
    }

    void group(const ast::group& g) {
        group_items(g.items, lexical::join({"the group ", path_text(g.name)}));
    }

    void node(const ast::node& n) {
        boost::apply_visitor(
            [&](const auto& c) {
                if constexpr (std::is_same_v<std::decay_t<decltype(c)>, ast::indicator>)
                    indicator(c);
                else
                    group(c);
            },
            n);
    }

    void rubric_item(const ast::rubric_item& item) {
        boost::apply_visitor(
            [&](const auto& c) {
                using type = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<type, ast::indicator>)
                    indicator(c);
                else if constexpr (std::is_same_v<type, ast::group>)
                    group(c);
                else if constexpr (std::is_same_v<type, ast::override_decl>)
                    node(c.target);
                else if constexpr (std::is_same_v<type, ast::extra_block>)
                    group_items(c.items, lexical::join({"the block ", c.name.text}));
            },
            item);
    }

    void test_case(const ast::test_case& t) {
        for (const auto& item : t.items)
            if (const auto* table = boost::get<ast::test_table>(&item)) test_table(*table);
    }

    void test_table(const ast::test_table& t) {
        if (t.columns.empty()) return;
        const source_range header{t.columns.front().range.begin, t.columns.back().range.end};
        for (const auto& row : t.rows) {
            if (row.cells.size() == t.columns.size()) continue;
            diagnostics_
                .error("E0111", file_.name(), row.range,
                       lexical::join({"this row has ", std::to_string(row.cells.size()),
                                      row.cells.size() == 1 ? " cell" : " cells", ", the header has ",
                                      std::to_string(t.columns.size()), " columns"}))
                .note("the header", header);
        }
    }

    const source_file& file_;
    diagnostic_list& diagnostics_;
};

} // namespace

void check_well_formed(const ast::source_module& module, const source_file& file,
                       diagnostic_list& diagnostics) {
    checker(file, diagnostics).module(module);
}

} // namespace rubric::syntax

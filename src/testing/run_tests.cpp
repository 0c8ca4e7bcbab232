// run_tests.cpp — the tests written beside a rubric: each test (or table row) becomes a unit's values, is
// bound and scored like any unit, and its expectations are compared exactly with the result.
#include "check/model.hpp"
#include "check/overloaded.hpp"
#include "check/tree.hpp"
#include "check/units.hpp"

#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>
#include <rubric/rule_tests.hpp>

namespace rubric {
namespace {

using checker::overloaded;

// A literal as a values file writes it: “95.4%”, “8352.09万元”, “具备”, “2019年6月30日”.
std::string literal_text(const ast::literal& l) {
    return boost::apply_visitor(overloaded{
                                    [](const ast::date& d) { return d.text; },
                                    [](const ast::quantity& q) { return q.number + q.unit; },
                                    [](const ast::bool_literal& b) { return std::string(b.value ? "是" : "否"); },
                                    [](const ast::name& n) { return n.text; },
                                },
                                l);
}

std::string value_text(const ast::test_value& v) {
    return (v.op ? std::string(ast::to_symbol(*v.op)) : std::string()) + literal_text(v.value);
}

value_entry entry(value_kind kind, std::string key, std::string text = {}, std::string reason = {}) {
    value_entry e;
    e.kind = kind;
    e.key = std::move(key);
    e.text = std::move(text);
    e.reason = std::move(reason);
    return e;
}

/// What one case expects, whatever the syntax it came from (a 期望 clause or a table cell).
struct expectation {
    ast::expect_kind kind = ast::expect_kind::score;
    enum class what { node, total, grade, error } subject = what::node;
    std::string path;           ///< node
    const ast::test_value* value = nullptr;
    std::string text;           ///< grade or error
};

class runner {
public:
    runner(const detail::checked_model& model, const compiled_rubric& compiled, language lang)
        : model_(model), compiled_(compiled), lang_(lang), units_(model.units) {}

    test_report run() {
        for (const ast::test_case& t : model_.modules[0].tests)
            test(t);
        return std::move(report_);
    }

private:
    bool zh() const { return lang_ == language::zh; }

    void test(const ast::test_case& t) {
        std::vector<value_entry> given;
        std::vector<expectation> expected;
        const ast::test_table* table = nullptr;
        for (const ast::test_item& item : t.items)
            boost::apply_visitor(overloaded{
                                     [&](const ast::given& g) { gives(g, given); },
                                     [&](const ast::expect& e) { expects(e, expected); },
                                     [&](const ast::test_table& x) { table = &x; },
                                 },
                                 item);
        if (!table) {
            run_case(t, t.title.range, 0, given, expected);
            return;
        }
        for (std::size_t row = 0; row < table->rows.size(); ++row) {
            std::vector<value_entry> row_given = given;
            std::vector<expectation> row_expected = expected;
            const ast::table_row& r = table->rows[row];
            for (std::size_t c = 0; c < r.cells.size() && c < table->columns.size(); ++c)
                cell(table->columns[c], r.cells[c], row_given, row_expected);
            run_case(t, r.range.empty() ? t.title.range : r.range, row + 1, row_given, row_expected);
        }
    }

    static void gives(const ast::given& g, std::vector<value_entry>& out) {
        for (const ast::given_item& item : g.items)
            boost::apply_visitor(
                overloaded{
                    [&](const ast::given_input& x) {
                        out.push_back(entry(value_kind::input, checker::joined(x.input), value_text(x.value)));
                    },
                    [&](const ast::given_target& x) {
                        out.push_back(entry(value_kind::target, checker::joined(x.node), value_text(x.value)));
                    },
                    [&](const ast::given_not_applicable& x) {
                        out.push_back(entry(value_kind::not_applicable, checker::joined(x.node)));
                    },
                    [&](const ast::given_judged& x) {
                        out.push_back(entry(value_kind::judged, checker::joined(x.node), value_text(x.value),
                                            x.reason ? x.reason->value : std::string()));
                    },
                    [&](const ast::given_exempt& x) {
                        out.push_back(entry(value_kind::exempt, checker::joined(x.node), {}, x.reason.value));
                    },
                    [&](const ast::given_choice& x) {
                        out.push_back(entry(value_kind::choice, checker::joined(x.node), x.choice.text));
                    },
                    [&](const ast::given_category& x) {
                        out.push_back(entry(value_kind::category, x.category_set.text, x.category.text));
                    },
                },
                item);
    }

    static void expects(const ast::expect& e, std::vector<expectation>& out) {
        for (const ast::expectation& item : e.items)
            boost::apply_visitor(
                overloaded{
                    [&](const ast::expect_node& x) {
                        out.push_back({x.kind, expectation::what::node, checker::joined(x.node), &x.value, {}});
                    },
                    [&](const ast::expect_total& x) {
                        out.push_back({{}, expectation::what::total, {}, &x.value, {}});
                    },
                    [&](const ast::expect_grade& x) {
                        out.push_back({{}, expectation::what::grade, {}, nullptr, x.grade.text});
                    },
                    [&](const ast::expect_error& x) {
                        out.push_back({{}, expectation::what::error, {}, nullptr, x.message.value});
                    },
                },
                item);
    }

    static void cell(const ast::table_column& column, const ast::table_cell& c, std::vector<value_entry>& given,
                     std::vector<expectation>& expected) {
        if (boost::get<ast::empty_cell>(&c)) return;
        const auto* v = boost::get<ast::test_value>(&c);
        const auto* t = boost::get<ast::text>(&c);
        const std::string subject = column.subject ? checker::joined(*column.subject) : std::string();
        const std::string written = v ? value_text(*v) : t ? t->value : std::string();
        switch (column.kind) {
        case ast::column_kind::input: given.push_back(entry(value_kind::input, subject, written)); return;
        case ast::column_kind::target: given.push_back(entry(value_kind::target, subject, written)); return;
        case ast::column_kind::not_applicable:
            if (!v || literal_text(v->value) != "否") given.push_back(entry(value_kind::not_applicable, subject));
            return;
        case ast::column_kind::judged: given.push_back(entry(value_kind::judged, subject, written)); return;
        case ast::column_kind::score:
            expected.push_back({ast::expect_kind::score, expectation::what::node, subject, v, {}});
            return;
        case ast::column_kind::subtotal:
            expected.push_back({ast::expect_kind::subtotal, expectation::what::node, subject, v, {}});
            return;
        case ast::column_kind::value:
            expected.push_back({ast::expect_kind::value, expectation::what::node, subject, v, {}});
            return;
        case ast::column_kind::total: expected.push_back({{}, expectation::what::total, {}, v, {}}); return;
        case ast::column_kind::grade: expected.push_back({{}, expectation::what::grade, {}, nullptr, written}); return;
        case ast::column_kind::error: expected.push_back({{}, expectation::what::error, {}, nullptr, written}); return;
        }
    }

    // ------------------------------------------------------------------------------------ one case

    void run_case(const ast::test_case& t, source_range where, std::size_t row, std::vector<value_entry> given,
                  const std::vector<expectation>& expected) {
        test_case_result out;
        out.title = t.title.value;
        out.file = model_.sources[0].name();
        out.where = where;
        out.row = row;
        unit_values values;
        values.file = out.file;
        values.entries = std::move(given);
        const bind_result bound = bind(compiled_, values);
        std::vector<std::string> errors;
        for (const diagnostic& d : bound.diagnostics)
            if (d.severity == severity::error) errors.push_back(d.message);
        std::optional<result> scored;
        if (bound.values) {
            scored = evaluate(compiled_, *bound.values);
            for (std::size_t i = 0; i < compiled_.nodes().size(); ++i)
                if (scored->nodes()[i].status == node_status::error && !has_failed_child(*scored, i))
                    errors.push_back(compiled_.nodes()[i].name + "：" + scored->error(i, lang_));
            for (const std::string& v : scored->vetoes(lang_))
                if (v.find(zh() ? "无法判定" : "undecided") != std::string::npos) errors.push_back(v);
        }
        bool expects_error = false;
        for (const expectation& e : expected) {
            if (e.subject == expectation::what::error) {
                expects_error = true;
                error_expected(e, errors, out);
                continue;
            }
            if (!scored) continue;
            if (e.subject == expectation::what::node) node_expected(e, *scored, out);
            if (e.subject == expectation::what::total) total_expected(e, *scored, errors, out);
            if (e.subject == expectation::what::grade) grade_expected(e, *scored, out);
        }
        if (!scored && !expects_error)
            out.failures.push_back({zh() ? "取值" : "values", zh() ? "可以计分" : "values that bind",
                                    joined(errors), {}});
        report_.cases.push_back(std::move(out));
    }

    bool has_failed_child(const result& r, std::size_t node) const {
        for (std::size_t child : compiled_.nodes()[node].children)
            if (r.nodes()[child].status == node_status::error) return true;
        return false;
    }

    std::string joined(const std::vector<std::string>& errors) const {
        if (errors.empty()) return zh() ? "无错误" : "no error";
        std::string out;
        for (const std::string& e : errors)
            out += (out.empty() ? "" : "; ") + e;
        return out;
    }

    static std::string kind_word(ast::expect_kind k, bool zh) {
        switch (k) {
        case ast::expect_kind::score: return zh ? "得分" : "score";
        case ast::expect_kind::subtotal: return zh ? "小计" : "subtotal";
        case ast::expect_kind::value: return zh ? "取值" : "value";
        }
        return {};
    }

    void error_expected(const expectation& e, const std::vector<std::string>& errors, test_case_result& out) {
        for (const std::string& message : errors)
            if (message.find(e.text) != std::string::npos) return;
        out.failures.push_back({(zh() ? "报错 \"" : "error \"") + e.text + "\"",
                                (zh() ? "含 “" : "an error containing “") + e.text + "”", joined(errors), {}});
    }

    void node_expected(const expectation& e, const result& r, test_case_result& out) {
        const std::string name = kind_word(e.kind, zh()) + " " + e.path;
        const std::optional<std::size_t> node = compiled_.find(e.path);
        const std::string wanted = value_text(*e.value);
        if (!node) {
            out.failures.push_back({name, wanted, zh() ? "没有此节点" : "no such node", {}});
            return;
        }
        const node_result& n = r.nodes()[*node];
        if (n.status == node_status::error) {
            out.failures.push_back({name, wanted, (zh() ? "未能计分：" : "not scored: ") + r.error(*node, lang_),
                                    r.error(*node, lang_)});
            return;
        }
        if (e.kind != ast::expect_kind::value) {
            const std::optional<decimal> points = number_of(*e.value);
            if (!points || *points != n.score)
                out.failures.push_back({name, wanted, n.score.to_string() + (zh() ? "分" : ""), r.explain(*node, lang_)});
            return;
        }
        const node_detail d = r.detail(*node);
        const auto* level = boost::get<ast::name>(&e.value->value);
        const bool holds = level ? d.value_text == level->text
                                 : d.value && number_of(*e.value) == d.value;
        if (!holds) out.failures.push_back({name, wanted, d.value ? d.value_text : "—", r.explain(*node, lang_)});
    }

    // An expected number in base units: 95.4% is 0.954, 1.8067万人 is 18067; a boolean is 1 or 0.
    std::optional<decimal> number_of(const ast::test_value& v) const {
        if (const auto* b = boost::get<ast::bool_literal>(&v.value)) return decimal(b->value ? 1 : 0);
        if (const auto* d = boost::get<ast::date>(&v.value)) {
            if (const std::optional<long> day = checker::day_number(d->year, d->month, d->day)) return decimal(*day);
            return std::nullopt;
        }
        const auto* q = boost::get<ast::quantity>(&v.value);
        if (!q) return std::nullopt;
        if (q->unit.empty() || q->unit == "分") return q->value;
        const std::optional<checker::unit> u = units_.resolve(q->unit);
        if (!u) return std::nullopt;
        return q->value * u->scale;
    }

    void total_expected(const expectation& e, const result& r, const std::vector<std::string>& errors,
                        test_case_result& out) {
        const std::string wanted = value_text(*e.value);
        const std::optional<decimal> total = r.total();
        const std::optional<decimal> points = number_of(*e.value);
        if (total && points && *total == *points) return;
        out.failures.push_back({zh() ? "总分" : "total", wanted,
                                total ? total->to_string() : (zh() ? "不完整：" : "incomplete: ") + joined(errors),
                                {}});
    }

    void grade_expected(const expectation& e, const result& r, test_case_result& out) {
        const std::optional<std::string_view> grade = r.grade();
        if (grade && *grade == e.text) return;
        out.failures.push_back({zh() ? "等级" : "grade", e.text,
                                grade ? std::string(*grade) : (zh() ? "无" : "none"), {}});
    }

    const detail::checked_model& model_;
    const compiled_rubric& compiled_;
    language lang_;
    checker::unit_table units_;
    test_report report_;
};

} // namespace

std::size_t test_report::passed() const noexcept {
    std::size_t n = 0;
    for (const test_case_result& c : cases)
        n += c.passed() ? 1 : 0;
    return n;
}

test_report run_tests(const checked_rubric& checked, const compiled_rubric& compiled, language lang) {
    return runner(checked.model(), compiled, lang).run();
}

} // namespace rubric

// weights.cpp — the numbers of a scoring table add up: children's weights to their group's, the top level to
// the declared total (for every category of unit), and the grade table covers every reachable total once.
// Also the header a published table needs (总分, 来源) and each indicator's published text (原文).
#include "check/codes.hpp"
#include "check/passes.hpp"
#include "check/tree.hpp"

#include <algorithm>
#include <boost/variant/get.hpp>
#include <set>

namespace rubric::checker {
namespace {

// One value of a category of unit, fixed while adding up weights that depend on it.
struct category_value {
    std::string set;
    std::string value;
};

// A point on the line of totals: exactly `value`, or just above it (after a closed upper bound).
struct point {
    decimal value;
    bool above = false;
    friend bool operator==(const point&, const point&) = default;
    friend bool operator<(const point& a, const point& b) {
        return a.value != b.value ? a.value < b.value : !a.above && b.above;
    }
};

// A grade band as the half-open stretch [from, to) of points; no end is infinite.
struct stretch {
    std::optional<point> from;
    std::optional<point> to;
};

std::string text(const decimal& d) {
    return d.to_string();
}

// Totals in [from, to) as a reader writes them: [60, 70), a total of 90, ≥ 95.
std::string describe(const stretch& s) {
    if (s.from && s.to && !s.from->above && s.to->above && s.from->value == s.to->value)
        return "a total of " + text(s.from->value);
    if (!s.from) return std::string(s.to->above ? "≤ " : "< ") + text(s.to->value);
    if (!s.to) return std::string(s.from->above ? "> " : "≥ ") + text(s.from->value);
    return (s.from->above ? "(" : "[") + text(s.from->value) + ", " + text(s.to->value) +
           (s.to->above ? "]" : ")");
}

// A constant bound of a grade band: a number or points, possibly negative.
std::optional<decimal> constant(const ast::expression& e) {
    if (const auto* q = boost::get<ast::quantity>(&e))
        if (q->unit.empty() || q->unit == "分") return q->value;
    if (const auto* u = boost::get<ast::x3::forward_ast<ast::unary>>(&e))
        if (const std::optional<decimal> inner = constant(u->get().operand))
            return u->get().op == ast::unary_op::negate ? -*inner : *inner;
    return std::nullopt;
}

std::optional<stretch> stretch_of(const ast::value_range& range) {
    if (const auto* i = boost::get<ast::interval>(&range)) {
        const std::optional<decimal> lower = constant(i->lower), upper = constant(i->upper);
        if (!lower || !upper) return std::nullopt;
        return stretch{point{*lower, !i->lower_closed}, point{*upper, i->upper_closed}};
    }
    const auto& t = boost::get<ast::threshold>(range);
    const std::optional<decimal> v = constant(t.value);
    if (!v) return std::nullopt;
    switch (t.op) {
    case ast::comparison_op::ge:
        return stretch{point{*v, false}, std::nullopt};
    case ast::comparison_op::gt:
        return stretch{point{*v, true}, std::nullopt};
    case ast::comparison_op::le:
        return stretch{std::nullopt, point{*v, true}};
    case ast::comparison_op::lt:
        return stretch{std::nullopt, point{*v, false}};
    case ast::comparison_op::eq:
        return stretch{point{*v, false}, point{*v, true}};
    case ast::comparison_op::ne:
        return std::nullopt;
    }
    return std::nullopt;
}

class weights_checker {
public:
    explicit weights_checker(context& ctx) : ctx_(ctx), model_(ctx.model()), checked_(model_.modules[0]) {}

    void run() {
        // A library or a test suite has no table of its own.
        if (checked_.kind != ast::module_kind::rubric && checked_.kind != ast::module_kind::template_) return;
        header();
        for (std::size_t i = 0; i < model_.nodes.size(); ++i)
            node(i);
        for (std::size_t i = 0; i < model_.nodes.size(); ++i)
            if (model_.nodes[i].kind == detail::node_kind::group) children(i);
        children(std::nullopt);
        grades();
    }

private:
    bool rubric() const { return checked_.kind == ast::module_kind::rubric; }

    // W0409, W0411: an extending file inherits its base's total and source.
    void header() {
        bool source = false;
        for (file_index file : model_.chain)
            for (const ast::rubric_item& item : model_.modules[file].items)
                if (const auto* m = boost::get<ast::metadata>(&item);
                    m && m->key == ast::metadata_key::source)
                    source = true;
        if (!model_.total_declared)
            ctx_.warning(codes::missing_total, 0, checked_.title.range,
                         "no total (总分) is declared; assuming 100");
        if (!source)
            ctx_.warning(codes::missing_source, 0, checked_.title.range,
                         "the table does not say where it is published; add 来源 \"…\" naming the document");
    }

    void node(std::size_t index) {
        const detail::node& n = model_.nodes[index];
        if (n.indicator) {
            if (!n.indicator->weight)
                ctx_.error(codes::missing_weight, n.where.file, n.where.range,
                           "indicator “" + n.name +
                               "” has no weight; write 权重 and its points after the name");
            if (rubric() && n.where.file == 0 && !published_text(*n.indicator))
                ctx_.warning(codes::missing_published_text, 0, n.where.range,
                             "indicator “" + n.name +
                                 "” has no 原文; keep the rule as published beside it: 原文 \"…\"");
            return;
        }
        if (n.extra && n.extra->at_most &&
            (n.extra->at_most->value.sign() <= 0 ||
             (!n.extra->at_most->unit.empty() && n.extra->at_most->unit != "分")))
            ctx_.error(codes::extra_cap_not_positive, n.where.file, n.extra->at_most->range,
                       "the cap of “" + n.name + "” must be points above 0, such as 5分; this one is " +
                           n.extra->at_most->number + n.extra->at_most->unit);
        if (rubric() && n.children.empty()) {
            const std::string what =
                std::string(n.extra ? (n.kind == detail::node_kind::bonus ? "加分" : "减分") : "group") +
                " “" + joined(n.path) + "” has no indicators";
            if (n.where.file == 0 || !checked_.base)
                ctx_.error(codes::empty_group, n.where.file, n.where.range, what);
            else // left empty by the template: to be filled in the rubric
                ctx_.note(ctx_.error(codes::empty_group, 0, checked_.base->range,
                                     what + "; add them with 覆盖 分组 " + joined(n.path) + " { 指标 … }"),
                          n.where, "the template's empty group");
        }
    }

    static bool published_text(const ast::indicator& i) {
        return std::any_of(i.items.begin(), i.items.end(), [](const ast::indicator_item& item) {
            const auto* t = boost::get<ast::text_clause>(&item);
            return t && t->kind == ast::text_kind::published;
        });
    }

    // ------------------------------------------------------------------------------------------ the sums

    enum class weighting { none, points, share, category };

    const std::optional<ast::weight>& written(const detail::node& n) const {
        static const std::optional<ast::weight> none;
        return n.indicator ? n.indicator->weight : n.group ? n.group->weight : none;
    }
    weighting kind(const detail::node& n) const {
        const std::optional<ast::weight>& w = written(n);
        if (!w) return weighting::none;
        if (boost::get<ast::weight_by_category>(&*w)) return weighting::category;
        return boost::get<ast::quantity>(*w).unit == "%" ? weighting::share : weighting::points;
    }
    const std::string* category_set(const detail::node& n) const {
        const std::optional<ast::weight>& w = written(n);
        const auto* by = w ? boost::get<ast::weight_by_category>(&*w) : nullptr;
        return by ? &by->category_set.text : nullptr;
    }

    // The node's weight in points for one category value, or nothing when it cannot be known: a group without
    // a weight weighs what its children weigh.
    std::optional<decimal> weight_of(std::size_t index, const category_value* c) const {
        const detail::node& n = model_.nodes[index];
        if (n.weight) return n.weight;
        if (kind(n) == weighting::category) {
            if (!c || *category_set(n) != c->set) return std::nullopt;
            const auto found = n.category_weights.find(c->value);
            return found == n.category_weights.end() ? std::nullopt : std::optional<decimal>(found->second);
        }
        if (n.kind != detail::node_kind::group || kind(n) != weighting::none || n.children.empty())
            return std::nullopt;
        decimal sum;
        for (std::size_t child : n.children) {
            const std::optional<decimal> w = weight_of(child, c);
            if (!w) return std::nullopt;
            sum += *w;
        }
        return sum;
    }

    // The category sets the weights under a group depend on: its children's, and their children's where a
    // child group weighs the sum of its own.
    void sets_under(const std::vector<std::size_t>& nodes, std::set<std::string>& out) const {
        for (std::size_t i : nodes) {
            const detail::node& n = model_.nodes[i];
            if (const std::string* set = category_set(n))
                out.insert(*set);
            else if (n.kind == detail::node_kind::group && kind(n) == weighting::none)
                sets_under(n.children, out);
        }
    }

    // E0401–E0406 for the children of a group, or for the top level (nullopt) against the total.
    void children(std::optional<std::size_t> parent) {
        std::vector<std::size_t> nodes;
        for (std::size_t i : parent ? model_.nodes[*parent].children : model_.roots)
            if (model_.nodes[i].kind == detail::node_kind::group ||
                model_.nodes[i].kind == detail::node_kind::indicator)
                nodes.push_back(i);
        if (nodes.empty() || (parent && model_.nodes[*parent].extra)) return;
        // A child without a weight is E0403 already; a sum without it would only repeat that.
        for (std::size_t i : nodes)
            if (model_.nodes[i].indicator && !model_.nodes[i].indicator->weight) return;

        const auto first_of = [&](weighting w) {
            return std::find_if(nodes.begin(), nodes.end(),
                                [&](std::size_t i) { return kind(model_.nodes[i]) == w; });
        };
        const auto share = first_of(weighting::share);
        const auto points = std::find_if(nodes.begin(), nodes.end(), [&](std::size_t i) {
            const weighting w = kind(model_.nodes[i]);
            return w == weighting::points || w == weighting::category || w == weighting::none;
        });
        if (share != nodes.end() && points != nodes.end()) {
            const detail::node& s = model_.nodes[*share];
            const detail::node& p = model_.nodes[*points];
            ctx_.note(ctx_.error(codes::mixed_points_and_shares, s.where.file, s.where.range,
                                 "“" + s.name + "” is weighted as a share of its group, but “" + p.name +
                                     "” beside it in points; weight all of them one way"),
                      p.where, "“" + p.name + "” is weighted in points here");
            return;
        }
        if (share != nodes.end()) {
            shares(parent, nodes);
            return;
        }
        points_sums(parent, nodes);
    }

    // Where a sum over the children is reported: the group, or the total (the title when it is inherited).
    detail::origin place(std::optional<std::size_t> parent) const {
        if (parent) return model_.nodes[*parent].where;
        if (model_.total_origin && model_.total_origin->file == 0) return *model_.total_origin;
        return {0, checked_.title.range};
    }

    std::string whose(std::optional<std::size_t> parent) const {
        return parent ? "the children of “" + model_.nodes[*parent].name + "”"
                      : std::string("the top-level nodes");
    }

    void shares(std::optional<std::size_t> parent, const std::vector<std::size_t>& nodes) {
        const detail::origin at = place(parent);
        if (parent && !model_.nodes[*parent].weight && kind(model_.nodes[*parent]) != weighting::category) {
            ctx_.error(codes::shares_do_not_add_up, at.file, at.range,
                       "“" + model_.nodes[*parent].name +
                           "” has no weight of its own, so shares of it (20%) mean nothing; give it a weight "
                           "in points");
            return;
        }
        decimal sum;
        std::string terms;
        for (std::size_t i : nodes) {
            const decimal& share = boost::get<ast::quantity>(*written(model_.nodes[i])).value;
            sum += share;
            terms += (terms.empty() ? "" : " + ") + text(share) + "%";
        }
        if (sum == 100) return;
        ctx_.error(codes::shares_do_not_add_up, at.file, at.range,
                   "the shares of " + whose(parent) + " add up to " + text(sum) + "%, not 100%")
            .note(terms + " = " + text(sum) + "%");
    }

    void points_sums(std::optional<std::size_t> parent, const std::vector<std::size_t>& nodes) {
        // A group without a weight weighs the sum of its children: nothing to check.
        if (parent && kind(model_.nodes[*parent]) == weighting::none) return;
        std::set<std::string> sets;
        sets_under(nodes, sets);
        if (parent)
            if (const std::string* own = category_set(model_.nodes[*parent])) sets.insert(*own);
        if (sets.empty()) {
            compare(parent, nodes, nullptr);
            return;
        }
        for (const std::string& set : sets)
            if (const auto found = model_.category_sets.find(set); found != model_.category_sets.end())
                for (const std::string& value : found->second.categories) {
                    const category_value c{set, value};
                    compare(parent, nodes, &c);
                }
    }

    void compare(std::optional<std::size_t> parent, const std::vector<std::size_t>& nodes,
                 const category_value* c) {
        const std::optional<decimal> expected =
            parent ? weight_of(*parent, c) : std::optional<decimal>(model_.total);
        if (!expected) return;
        decimal sum;
        std::string terms;
        for (std::size_t i : nodes) {
            const std::optional<decimal> w = weight_of(i, c);
            if (!w) return; // reported where the weight is written
            sum += *w;
            terms += (terms.empty() ? "" : " + ") + text(*w);
        }
        if (sum == *expected) return;
        const std::string difference =
            sum > *expected ? text(sum - *expected) + " over" : text(*expected - sum) + " short";
        const std::string against =
            parent ? "its weight is " + text(*expected) : "the total is " + text(*expected);
        const std::string message =
            whose(parent) + " add up to " + text(sum) + ", but " + against + " (" + difference + ")";
        const detail::origin at = place(parent);
        if (c)
            ctx_.error(codes::category_weights_incomplete, at.file, at.range,
                       "for units of " + c->set + " “" + c->value + "”, " + message)
                .note(terms + " = " + text(sum));
        else
            ctx_.error(parent ? codes::weights_do_not_add_up : codes::total_mismatch, at.file, at.range,
                       message)
                .note(terms + " = " + text(sum));
    }

    // --------------------------------------------------------------------------------------------- grades

    // E0412, E0413: every total from 0 to the declared total (plus the bonus caps) gets exactly one grade.
    void grades() {
        if (model_.grades.empty()) return;
        decimal top = model_.total;
        for (std::size_t root : model_.roots)
            if (model_.nodes[root].kind == detail::node_kind::bonus)
                if (const std::optional<decimal> cap = bonus_cap(root)) top += *cap;

        std::vector<std::pair<const detail::grade_symbol*, stretch>> bands;
        for (const detail::grade_symbol& g : model_.grades)
            if (const std::optional<stretch> s = stretch_of(g.syntax->bounds)) bands.emplace_back(&g, *s);
        for (std::size_t j = 0; j < bands.size(); ++j)
            for (std::size_t i = 0; i < j; ++i)
                if (const std::optional<stretch> common = overlap(bands[i].second, bands[j].second)) {
                    const detail::grade_symbol& later = *bands[j].first;
                    const detail::grade_symbol& earlier = *bands[i].first;
                    ctx_.note(ctx_.error(codes::grade_overlap, later.where.file, later.where.range,
                                         "grades “" + earlier.name + "” and “" + later.name +
                                             "” overlap: " + describe(*common) + " would get both"),
                              earlier.where, "“" + earlier.name + "” is here");
                }
        gaps(bands, top);
    }

    std::optional<decimal> bonus_cap(std::size_t index) const {
        const detail::node& n = model_.nodes[index];
        if (n.weight && n.weight->sign() > 0) return n.weight;
        decimal sum;
        for (std::size_t child : n.children)
            if (const std::optional<decimal> w = weight_of(child, nullptr)) sum += *w;
        return sum;
    }

    static std::optional<stretch> overlap(const stretch& a, const stretch& b) {
        stretch common;
        common.from = !a.from ? b.from : !b.from ? a.from : std::max(*a.from, *b.from);
        common.to = !a.to ? b.to : !b.to ? a.to : std::min(*a.to, *b.to);
        if (common.from && common.to && !(*common.from < *common.to)) return std::nullopt;
        return common;
    }

    // Sweeps the totals from 0 upwards; what no band covers is a gap.
    void gaps(const std::vector<std::pair<const detail::grade_symbol*, stretch>>& bands, const decimal& top) {
        const point end{top, true};
        point cursor{0, false};
        while (cursor < end) {
            std::optional<point> reach;
            for (const auto& [grade, s] : bands)
                if ((!s.from || !(cursor < *s.from)) && (!s.to || cursor < *s.to)) {
                    if (!s.to) return; // covered to infinity
                    reach = reach ? std::max(*reach, *s.to) : *s.to;
                }
            if (reach) {
                cursor = *reach;
                continue;
            }
            std::optional<point> next;
            for (const auto& [grade, s] : bands)
                if (s.from && cursor < *s.from) next = next ? std::min(*next, *s.from) : *s.from;
            const point gap_end = next ? std::min(*next, end) : end;
            report_gap(stretch{cursor, gap_end}, top);
            cursor = gap_end;
        }
    }

    void report_gap(const stretch& gap, const decimal& top) {
        // At the table's keyword (等级 or grade), which its range starts with.
        const file_index file = model_.grades.front().where.file;
        source_range at = model_.grades.front().where.range;
        for (const ast::rubric_item& item : model_.modules[file].items)
            if (const auto* table = boost::get<ast::grade_table>(&item)) {
                const std::string_view written = model_.sources[file].text(table->range);
                at = {table->range.begin,
                      table->range.begin +
                          (written.starts_with("grade") ? 5 : std::string_view("等级").size())};
            }
        const std::string whole = "[0, " + text(top) + "]";
        ctx_.error(codes::grade_gap, file, at, "the grade table gives no grade to " + describe(gap))
            .note("every total in " + whole + " needs exactly one grade");
    }

    context& ctx_;
    checked_model& model_;
    const ast::source_module& checked_;
};

} // namespace

void check_weights(context& ctx) {
    weights_checker(ctx).run();
}

} // namespace rubric::checker

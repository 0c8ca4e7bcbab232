// derived.cpp — derived inputs (`取值 名: 类型 = 公式`, `输入 名: 类型 = 公式`) are computed from their raw
// figures, so none may be computed, directly or through others, from itself (E0218).
#include "check/codes.hpp"
#include "check/overloaded.hpp"
#include "check/passes.hpp"
#include "check/subjects.hpp"

#include <algorithm>
#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>
#include <map>
#include <set>

namespace rubric::checker {
namespace {

struct formula {
    const ast::expression* expr = nullptr;
    file_index file = 0;
};

class cycles {
public:
    explicit cycles(context& ctx) : ctx_(ctx), model_(ctx.model()) {
        for (const auto& [name, symbol] : model_.inputs)
            if (symbol.syntax && symbol.syntax->formula)
                formulas_[name] = {&*symbol.syntax->formula, symbol.where.file};
        for (const subject& s : scored_subjects(model_))
            if (s.value && s.value->input && s.value->formula)
                formulas_[s.value->input->text] = {&*s.value->formula, s.value.file};
    }

    void run() {
        for (const auto& [name, f] : formulas_) {
            std::vector<std::string> path{name};
            if (!reported_.contains(name)) visit(name, path);
        }
    }

private:
    // Depth first from `name`; `path` holds the inputs being computed.
    void visit(const std::string& name, std::vector<std::string>& path) {
        const auto f = formulas_.find(name);
        if (f == formulas_.end() || done_.contains(name)) return;
        for (const std::string& read : reads(*f->second.expr)) {
            const auto again = std::find(path.begin(), path.end(), read);
            if (again != path.end()) {
                report(std::vector<std::string>(again, path.end()), read);
                continue;
            }
            path.push_back(read);
            visit(read, path);
            path.pop_back();
        }
        done_.insert(name);
    }

    void report(const std::vector<std::string>& cycle, const std::string& first) {
        if (reported_.contains(first)) return;
        std::string chain;
        for (const std::string& n : cycle) {
            chain += "“" + n + "” → ";
            reported_.insert(n);
        }
        const formula& f = formulas_.at(first);
        ctx_.error(codes::derived_cycle, f.file, ast::range_of(*f.expr),
                   "“" + first + "” is computed from itself: " + chain + "“" + first + "”");
    }

    // The inputs a formula names.
    std::set<std::string> reads(const ast::expression& e) const {
        std::set<std::string> out;
        const auto walk = [&](const auto& self, const ast::expression& x) -> void {
            boost::apply_visitor(
                overloaded{
                    [&](const ast::path& p) {
                        if (const auto r = model_.names.find(&p);
                            r != model_.names.end() && r->second.kind == detail::name_kind::input)
                            out.insert(r->second.symbol);
                    },
                    [&](const ast::x3::forward_ast<ast::call>& c) {
                        for (const ast::call_argument& a : c.get().arguments)
                            if (const auto* arg = boost::get<ast::expression>(&a)) self(self, *arg);
                    },
                    [&](const ast::x3::forward_ast<ast::unary>& u) { self(self, u.get().operand); },
                    [&](const ast::x3::forward_ast<ast::binary>& b) {
                        self(self, b.get().left);
                        self(self, b.get().right);
                    },
                    [](const auto&) {},
                },
                x);
        };
        walk(walk, e);
        return out;
    }

    context& ctx_;
    const detail::checked_model& model_;
    std::map<std::string, formula, std::less<>> formulas_;
    std::set<std::string> done_, reported_;
};

} // namespace

void check_derived_inputs(context& ctx) {
    cycles(ctx).run();
}

} // namespace rubric::checker

// acknowledgements.cpp — `确认 W0501 "理由"`: a warning the rubric's authors have seen and accepted, in
// place.
//
// Published tables contain inconsistencies that a faithful rubric must keep (seed 000 scores 政府采购执行率
// “为100%的计2分” under weight 4). An acknowledgement written in an indicator or group covers the warnings of
// that code inside it; written at the top of the rubric it covers the whole file. The warning stays in the
// list as a note, so the report still shows it, with the reason.
#include "check/codes.hpp"
#include "check/passes.hpp"

#include <boost/variant/get.hpp>
#include <type_traits>

namespace rubric::checker {
namespace {

struct acknowledgement {
    file_index file;
    source_range scope; // the node (or file) it covers
    const ast::acknowledge* syntax;
    bool used = false;
};

template <class Items>
void gather(std::vector<acknowledgement>& out, file_index file, source_range scope, const Items& items) {
    for (const auto& item : items)
        if (const auto* ack = boost::get<ast::acknowledge>(&item)) out.push_back({file, scope, ack});
}

bool contains(source_range outer, source_range inner) {
    return outer.begin <= inner.begin && inner.end <= outer.end;
}

} // namespace

void apply_acknowledgements(context& ctx, diagnostic_list& diagnostics) {
    const checked_model& model = ctx.model();
    std::vector<acknowledgement> acks;
    for (file_index file = 0; file < model.modules.size(); ++file)
        gather(acks, file, source_range{0, model.sources[file].text().size()}, model.modules[file].items);
    for (const detail::node& n : model.nodes) {
        // A node amended by `覆盖` is written in several files: each acknowledgement covers the node as
        // written in its own file.
        const auto node_acks = [&](const auto& items) {
            for (std::size_t i = 0; i < items.size(); ++i) {
                const file_index file = i < n.item_files.size() ? n.item_files[i] : n.where.file;
                source_range scope = n.written.empty() ? n.where.range : n.written.front().range;
                for (const detail::origin& w : n.written)
                    if (w.file == file) scope = w.range;
                if (const auto* ack = boost::get<ast::acknowledge>(&items[i]))
                    acks.push_back({file, scope, ack});
                if constexpr (std::is_same_v<std::decay_t<decltype(items[i])>, ast::indicator_item>)
                    if (const auto* row = boost::get<ast::item>(&items[i]))
                        gather(acks, file, row->range, row->clauses);
            }
        };
        if (n.indicator)
            node_acks(n.indicator->items);
        else if (n.group)
            node_acks(n.group->items);
        else if (n.extra)
            node_acks(n.extra->items);
    }

    // Only a warning can be accepted, and only with a reason (E0902, E0903).
    std::erase_if(acks, [&](const acknowledgement& ack) {
        const std::string& code = ack.syntax->code.text;
        if (code.starts_with("E")) {
            ctx.error(codes::acknowledgement_of_error, ack.file, ack.syntax->code.range,
                      code +
                          " is an error, and only a warning (W…) can be acknowledged; fix what it reports");
            return true;
        }
        // Blank is spaces, tabs and U+3000 (E3 80 80: no other UTF-8 text is made of only those bytes).
        if (ack.syntax->reason.value.find_first_not_of(" \t\u3000") == std::string::npos)
            ctx.error(codes::acknowledgement_without_reason, ack.file, ack.syntax->reason.range,
                      "the acknowledgement of " + code + " gives no reason; say why the rubric keeps it");
        return false;
    });

    for (diagnostic& d : diagnostics) {
        if (d.severity != severity::warning) continue;
        for (acknowledgement& ack : acks) {
            if (ack.syntax->code.text != d.code || ctx.file_name(ack.file) != d.file ||
                !contains(ack.scope, d.range))
                continue;
            d.severity = severity::note;
            d.message += " (acknowledged: " + ack.syntax->reason.value + ")";
            ack.used = true;
            break;
        }
    }
    for (const acknowledgement& ack : acks)
        if (!ack.used)
            ctx.warning(codes::acknowledgement_unused, ack.file, ack.syntax->code.range,
                        "nothing here raises " + ack.syntax->code.text +
                            "; remove the acknowledgement or fix its code");
}

} // namespace rubric::checker

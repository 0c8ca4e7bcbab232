// values_support.hpp — what the values readers' tests share: an entry as one line, places as LINE:COL.
#pragma once

#include <rubric/diagnostic.hpp>
#include <rubric/values.hpp>

#include <string>
#include <vector>

namespace rubric::testing {

// "3:6-3:12": where a range starts and ends, as a reader counts lines and characters.
inline std::string place(const source_file& f, source_range r) {
    const source_position b = f.position(r.begin);
    const source_position e = f.position(r.end);
    return std::to_string(b.line) + ":" + std::to_string(b.column) + "-" + std::to_string(e.line) + ":" +
           std::to_string(e.column);
}

// One entry per line: `KIND KEY = TEXT | REASON @ KEY-PLACE VALUE-PLACE`, KIND 输入 for an input, the
// reason part only when there is one.
inline std::vector<std::string> entries(const source_file& f, const values_result& r) {
    std::vector<std::string> lines;
    if (!r.values) return lines;
    for (const value_entry& e : r.values->entries) {
        std::string line = e.kind == value_kind::input ? "输入" : std::string(to_string(e.kind));
        line += " " + e.key + " = " + e.text;
        if (!e.reason.empty()) line += " | " + e.reason;
        line += " @ " + place(f, e.key_range) + " " + place(f, e.value_range);
        lines.push_back(line);
    }
    return lines;
}

// The entries without places, for comparing two files that say the same thing.
inline std::vector<std::string> meanings(const values_result& r) {
    std::vector<std::string> lines;
    if (!r.values) return lines;
    for (const value_entry& e : r.values->entries)
        lines.push_back(std::string(to_string(e.kind)) + "|" + e.key + "|" + e.text + "|" + e.reason);
    return lines;
}

inline std::string rendered(const source_file& f, const values_result& r) {
    return render_text(r.diagnostics.items(), f);
}

// The codes of the diagnostics, in order.
inline std::vector<std::string> codes(const values_result& r) {
    std::vector<std::string> out;
    for (const diagnostic& d : r.diagnostics)
        out.push_back(d.code);
    return out;
}

} // namespace rubric::testing

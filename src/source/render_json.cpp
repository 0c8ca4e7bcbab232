// render_json.cpp — diagnostics as a JSON array for tools and editors (layout documented in diagnostic.hpp).
#include "source/render.hpp"
#include "source/utf8.hpp"

#include <rubric/diagnostic.hpp>

namespace rubric {
namespace {

// A JSON string literal; UTF-8 is kept, ill-formed bytes become U+FFFD so the output stays valid.
void append_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t at = 0; at < text.size();) {
        const detail::utf8_step step = detail::decode_utf8(text, at);
        const char32_t cp = step.code_point;
        if (step.error) {
            detail::append_utf8(out, U'\uFFFD');
        } else if (cp == U'"' || cp == U'\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == U'\b') {
            out += "\\b";
        } else if (cp == U'\f') {
            out += "\\f";
        } else if (cp == U'\n') {
            out += "\\n";
        } else if (cp == U'\r') {
            out += "\\r";
        } else if (cp == U'\t') {
            out += "\\t";
        } else if (cp < 0x20) {
            out += "\\u00";
            out += hex[cp >> 4];
            out += hex[cp & 0xF];
        } else {
            out += text.substr(at, step.length);
        }
        at += step.length;
    }
    out += '"';
}

void append_file(std::string& out, std::string_view file) {
    out += "\"file\":";
    if (file.empty())
        out += "null";
    else
        append_string(out, file);
}

// "line", "column", "end_line", "end_column": numbers when the place is known, else null.
void append_positions(std::string& out, const source_file* source, const std::optional<source_range>& range) {
    if (!source || !range) {
        out += ",\"line\":null,\"column\":null,\"end_line\":null,\"end_column\":null";
        return;
    }
    const source_position begin = source->position(range->begin);
    const source_position end = source->position(std::max(range->end, range->begin));
    out += ",\"line\":" + std::to_string(begin.line) + ",\"column\":" + std::to_string(begin.column);
    out += ",\"end_line\":" + std::to_string(end.line) + ",\"end_column\":" + std::to_string(end.column);
}

void append_diagnostic(std::string& out, const diagnostic& d, std::span<const source_file> sources) {
    out += '{';
    append_file(out, d.file);
    append_positions(out, detail::find_source(sources, d.file), d.range);
    out += ",\"code\":";
    append_string(out, d.code);
    out += ",\"severity\":";
    append_string(out, to_string(d.severity));
    out += ",\"message\":";
    append_string(out, d.message);
    out += ",\"notes\":[";
    for (std::size_t i = 0; i < d.notes.size(); ++i) {
        const diagnostic_note& n = d.notes[i];
        const std::string_view file = n.file.empty() ? std::string_view(d.file) : std::string_view(n.file);
        out += i == 0 ? "{" : ",{";
        append_file(out, file);
        append_positions(out, detail::find_source(sources, file), n.range);
        out += ",\"message\":";
        append_string(out, n.message);
        out += '}';
    }
    out += "]}";
}

} // namespace

std::string render_json(std::span<const diagnostic> diagnostics, std::span<const source_file> sources) {
    if (diagnostics.empty()) return "[]\n";
    std::string out = "[\n";
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        out += "  ";
        append_diagnostic(out, diagnostics[i], sources);
        out += i + 1 < diagnostics.size() ? ",\n" : "\n";
    }
    out += "]\n";
    return out;
}

} // namespace rubric

// render_text.cpp — diagnostics as compiler-style text with a source snippet and carets aligned by
// terminal width (layout documented in diagnostic.hpp).
#include "source/render.hpp"
#include "source/utf8.hpp"

#include <algorithm>
#include <rubric/diagnostic.hpp>

namespace rubric {
namespace {

constexpr std::size_t min_gutter_width = 5;

std::size_t digit_count(std::size_t n) {
    std::size_t digits = 1;
    for (; n >= 10; n /= 10)
        ++digits;
    return digits;
}

// One located block: a header, then the snippet when the source is known.
struct block {
    std::string_view file;
    const source_file* source;
    source_range range;
    severity level;
    std::string_view code;
    std::string_view message;
};

void append_header(std::string& out, const block& b) {
    if (!b.file.empty()) {
        out += b.file;
        if (b.source) {
            const source_position at = b.source->position(b.range.begin);
            out += ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
        }
        out += ": ";
    }
    out += to_string(b.level);
    if (!b.code.empty()) {
        out += '[';
        out += b.code;
        out += ']';
    }
    out += ": ";
    out += b.message;
    out += '\n';
}

void append_snippet(std::string& out, const source_file& source, source_range range, std::size_t gutter) {
    const std::size_t line = source.position(range.begin).line;
    const std::string_view text = source.line_text(line);
    const std::size_t line_begin = source.line_begin(line);
    // Offsets on this line: a range running past the line is underlined to the line's end.
    const std::size_t begin = std::max(range.begin, line_begin) - line_begin;
    const std::size_t end = std::clamp(range.end, line_begin, line_begin + text.size()) - line_begin;

    std::string shown;
    std::size_t indent = 0; // columns before the range
    std::size_t carets = 0; // columns of the range
    for (std::size_t at = 0; at < text.size();) {
        const detail::utf8_step step = detail::decode_utf8(text, at);
        const char32_t cp = step.code_point;
        // A tab's width depends on the terminal, so it is shown as one space; control characters would
        // move the cursor, so they are shown as U+FFFD like ill-formed bytes.
        if (cp == U'\t')
            shown += ' ';
        else if (step.error || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            detail::append_utf8(shown, U'\uFFFD');
        else
            shown += text.substr(at, step.length);
        const std::size_t width = display_width(cp);
        if (at + step.length <= begin)
            indent += width;
        else if (at < end)
            carets += width;
        at += step.length;
    }

    const std::string number = std::to_string(line);
    out.append(gutter - number.size(), ' ');
    out += number;
    out += shown.empty() ? " |" : " | ";
    out += shown;
    out += '\n';
    out.append(gutter, ' ');
    out += " | ";
    out.append(indent, ' ');
    out.append(std::max<std::size_t>(carets, 1), '^');
    out += '\n';
}

} // namespace

std::string render_text(const diagnostic& d, std::span<const source_file> sources) {
    const source_file* source = detail::find_source(sources, d.file);
    std::vector<block> blocks{{d.file, source, d.range, d.severity, d.code, d.message}};
    for (const diagnostic_note& n : d.notes) {
        if (!n.range) continue;
        const std::string_view file = n.file.empty() ? std::string_view(d.file) : std::string_view(n.file);
        blocks.push_back({file, detail::find_source(sources, file), *n.range, severity::note, {}, n.message});
    }
    // One gutter width for the whole diagnostic, wide enough for its largest line number.
    std::size_t gutter = min_gutter_width;
    for (const block& b : blocks)
        if (b.source) gutter = std::max(gutter, digit_count(b.source->position(b.range.begin).line));

    std::string out;
    auto append_block = [&](const block& b) {
        append_header(out, b);
        if (b.source) append_snippet(out, *b.source, b.range, gutter);
    };
    append_block(blocks.front());
    std::size_t next_located = 1;
    for (const diagnostic_note& n : d.notes) {
        if (n.range) {
            append_block(blocks[next_located++]);
        } else {
            out.append(gutter, ' ');
            out += " = note: ";
            out += n.message;
            out += '\n';
        }
    }
    return out;
}

std::string render_text(std::span<const diagnostic> diagnostics, std::span<const source_file> sources) {
    std::string out;
    for (const diagnostic& d : diagnostics)
        out += render_text(d, sources);
    return out;
}

} // namespace rubric

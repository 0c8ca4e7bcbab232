// parse.cpp — parse_module: checks the file as a whole (size, text, UTF-8, emptiness), runs the grammar, and
// turns a syntax error into a diagnostic.
#include "syntax/parse.hpp"

#include "syntax/config.hpp"
#include "syntax/grammar.hpp"
#include "syntax/lexical.hpp"
#include "syntax/parse_state.hpp"
#include "syntax/token_readers.hpp"
#include "syntax/well_formed.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace rubric::syntax {
namespace {

std::string hex_byte(unsigned char byte) {
    std::array<char, 8> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "0x%02X", static_cast<unsigned>(byte));
    return buffer.data();
}

// "line 3, byte 5": where a byte is, counted the way validate_utf8 counts (bytes, not characters).
std::string line_and_byte(const source_file& file, std::size_t offset) {
    const auto line = file.position(offset).line;
    return lexical::join(
        {"line ", std::to_string(line), ", byte ", std::to_string(offset - file.line_begin(line) + 1)});
}

// Checks that do not need the grammar; false when the file cannot be parsed.
bool check_text(const source_file& file, diagnostic_list& diagnostics, const parse_limits& limits) {
    const auto text = file.text();
    const auto error = [&](std::string_view code, source_range range, std::string message) {
        diagnostics.error(std::string(code), file.name(), range, std::move(message));
    };
    if (text.size() > limits.max_file_bytes) {
        error("E0002", {0, 0},
              lexical::join({"the file is too large: ", std::to_string(text.size()),
                             " bytes, more than the limit of ", std::to_string(limits.max_file_bytes),
                             " bytes"}));
        return false;
    }
    const auto control = std::find_if(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
    });
    if (control != text.end()) {
        const auto offset = static_cast<std::size_t>(control - text.begin());
        error("E0006", {offset, offset + 1},
              lexical::join({"the file contains a control character (",
                             hex_byte(static_cast<unsigned char>(*control)), ") at ",
                             line_and_byte(file, offset), "; is it a binary file?"}));
        return false;
    }
    if (const auto bad = validate_utf8(text)) {
        error("E0001", {bad->offset, bad->offset + 1},
              lexical::join({"the file is not valid UTF-8: ", to_string(bad->kind), " (byte ",
                             hex_byte(bad->value), ") at line ", std::to_string(bad->line), ", byte ",
                             std::to_string(bad->line_byte)}));
        return false;
    }
    return true;
}

diagnostic to_diagnostic(const source_file& file, const parse_state& state, const syntax_error& e) {
    diagnostic d{.code = std::string(e.code),
                 .file = file.name(),
                 .range = state.range(e.first, e.last),
                 .message = e.message};
    if (e.line_of) {
        const auto at = d.message.find("{line}");
        if (at != std::string::npos) d.message.replace(at, 6, std::to_string(state.line(e.line_of)));
    }
    for (const auto& note : e.notes) {
        if (note.first)
            d.note(note.message, state.range(note.first, note.last));
        else
            d.note(note.message);
    }
    return d;
}

} // namespace

std::optional<ast::source_module> parse_module(const source_file& file, diagnostic_list& diagnostics,
                                               const parse_limits& limits) {
    if (!check_text(file, diagnostics, limits)) return std::nullopt;

    const auto text = file.text();
    parse_state state{.file = file, .begin = text.data(), .end = text.data() + text.size(), .limits = limits};
    const char* first = state.begin + file.content_begin();
    try {
        if (tokens::skip(first, state.end) == state.end) {
            diagnostics.error(
                "E0005", file.name(), {file.content_begin(), file.content_begin()},
                "the file is empty; expected `评分表`/`rubric`, `模板`/`template`, `规则库`/`library` "
                "or `测试集`/`tests`");
            return std::nullopt;
        }
        ast::source_module module;
        namespace x3 = boost::spirit::x3;
        const auto grammar = x3::with<parse_state_tag>(state)[parser::source_module];
        if (!x3::phrase_parse(first, state.end, grammar, parser::skipper, module) || first != state.end) {
            // The grammar ends every way it can fail at an expectation point; this is a safety net that
            // reports at the furthest place a token was looked for.
            const char* at = std::max(first, state.furthest);
            const auto found = lexical::describe_found(at, state.end);
            diagnostics.error("E0101", file.name(), state.range(at, found.end),
                              lexical::join({"unexpected ", found.words}));
            return std::nullopt;
        }
        check_well_formed(module, file, diagnostics);
        return module;
    } catch (const syntax_error& e) {
        diagnostics.add(to_diagnostic(file, state, e));
        return std::nullopt;
    }
}

} // namespace rubric::syntax

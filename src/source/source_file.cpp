// source_file.cpp — the line table and the byte-offset ↔ line/column arithmetic of a source file.
#include "source/utf8.hpp"

#include <algorithm>
#include <utility>

namespace rubric {

source_file::source_file(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
    line_starts_.push_back(detail::skip_bom(text_));
    for (std::size_t at = text_.find('\n', line_starts_.front()); at != std::string::npos;
         at = text_.find('\n', at + 1))
        line_starts_.push_back(at + 1);
}

std::string_view source_file::text(source_range range) const noexcept {
    const std::size_t begin = std::min(range.begin, text_.size());
    const std::size_t end = std::clamp(range.end, begin, text_.size());
    return text().substr(begin, end - begin);
}

std::size_t source_file::line_begin(std::size_t line) const noexcept {
    if (line == 0) return content_begin();
    return line <= line_starts_.size() ? line_starts_[line - 1] : text_.size();
}

std::string_view source_file::line_text(std::size_t line) const noexcept {
    if (line == 0 || line > line_starts_.size()) return {};
    const std::size_t begin = line_starts_[line - 1];
    if (line == line_starts_.size())
        return text().substr(begin);          // the last line has no line break (a lone "\r" there is text)
    std::size_t end = line_starts_[line] - 1; // the "\n"
    if (end > begin && text_[end - 1] == '\r') --end;
    return text().substr(begin, end - begin);
}

source_position source_file::position(std::size_t offset) const noexcept {
    offset = std::min(offset, text_.size());
    // The last line starting at or before the offset; an offset inside the BOM belongs to line 1.
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line =
        after == line_starts_.begin() ? 1 : static_cast<std::size_t>(after - line_starts_.begin());
    const std::size_t begin = line_starts_[line - 1];

    // Count the characters that end at or before the offset, so an offset inside a character names it.
    std::size_t column = 1;
    for (std::size_t at = begin; at < offset;) {
        const std::size_t next = at + detail::decode_utf8(text_, at).length;
        if (next > offset) break;
        ++column;
        at = next;
    }
    return {line, column};
}

std::size_t source_file::offset(source_position position) const noexcept {
    if (position.line == 0) return content_begin();
    if (position.line > line_starts_.size()) return text_.size();
    const std::string_view line = line_text(position.line);
    const std::size_t begin = line_starts_[position.line - 1];
    std::size_t at = 0;
    for (std::size_t column = 1; column < position.column && at < line.size(); ++column)
        at += detail::decode_utf8(line, at).length;
    return begin + at;
}

} // namespace rubric

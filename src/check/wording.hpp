// wording.hpp — how the checker's messages name keywords and quote the rubric's own names.
#pragma once

#include "syntax/keywords.hpp"

#include <string>
#include <string_view>

namespace rubric::checker {

/// A keyword as messages write it, Chinese then English: "`分档`/`bands`". The Chinese word is the canonical
/// spelling of README §3 (权重, 最多, 每偏离), where the keyword table lists a longer alias first.
inline std::string kw(syntax::keyword k) {
    using syntax::keyword;
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on a chain of operator+.
    const auto canonical = [&](std::string_view chinese) {
        std::string out(1, '`');
        out.append(chinese).append("`/`").append(syntax::spellings(k)[0]).append(1, '`');
        return out;
    };
    switch (k) {
    case keyword::weight:
        return canonical("权重");
    case keyword::at_most:
        return canonical("最多");
    case keyword::per_deviation:
        return canonical("每偏离");
    case keyword::deduct:
        return canonical("扣");
    case keyword::and_:
        return canonical("且");
    case keyword::or_:
        return canonical("或");
    case keyword::bonus:
        return canonical("加分");
    case keyword::penalty:
        return canonical("减分");
    case keyword::explanation:
        return canonical("解释");
    default:
        return syntax::describe(k);
    }
}

/// A name of the rubric in a message: “支出进度率”.
inline std::string quoted(std::string_view name) {
    return "“" + std::string(name) + "”";
}

} // namespace rubric::checker

// codes.hpp — the values readers' diagnostic codes, as catalogued for users in grammar/README.md §17
// (Diagnostics, “Values files”). All are errors: a values file with any of them gives no values.
#pragma once

#include <string_view>

namespace rubric::io::codes {

inline constexpr std::string_view invalid_utf8 = "V0101";
inline constexpr std::string_view malformed_json = "V0102";
inline constexpr std::string_view not_an_object = "V0103"; // the JSON text is not an object (or is empty)
inline constexpr std::string_view unknown_section = "V0104";
inline constexpr std::string_view section_type = "V0105"; // a section of the wrong JSON type
inline constexpr std::string_view given_twice = "V0106";  // an entry, a section or a field
inline constexpr std::string_view value_type = "V0107";   // null, array, object, … where text is wanted
inline constexpr std::string_view empty_key = "V0108";    // an empty name or path, a keyword without path
inline constexpr std::string_view missing_value = "V0109";
inline constexpr std::string_view unknown_field = "V0110"; // in a judged score's object
inline constexpr std::string_view unterminated_quote = "V0111";
inline constexpr std::string_view text_after_quote = "V0112";
inline constexpr std::string_view too_many_fields = "V0113";
inline constexpr std::string_view unknown_keyword = "V0114";
inline constexpr std::string_view file_too_large = "V0115";

} // namespace rubric::io::codes

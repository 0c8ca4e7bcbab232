// overloaded.hpp — a visitor built from lambdas, for the AST's variants in every checker pass.
#pragma once

namespace rubric::checker {

template <class... Fs>
struct overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
overloaded(Fs...) -> overloaded<Fs...>;

} // namespace rubric::checker

// big_rational.hpp — the arbitrary-precision side of rubric::decimal, seen only by src/number.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <rubric/decimal.hpp>

namespace rubric::detail {

using big_int = boost::multiprecision::cpp_int;
using rational = boost::multiprecision::cpp_rational;

// The heap cell a decimal points to when its value does not fit in two machine integers. Being decimal's
// friend, it is also the one place that converts between the two representations.
struct big_rational {
    rational value;

    // The exact value of any decimal.
    static rational of(const decimal& x);
    // A decimal holding v: on the fast path whenever numerator and denominator fit.
    static decimal make(const rational& v);
    // A decimal holding num / den (den > 0): as it is when it fits, else reduced, else big.
    static decimal make(wide_int num, wide_int den);
};

// A wide integer as an arbitrary-precision one.
big_int to_big(wide_int value);

} // namespace rubric::detail

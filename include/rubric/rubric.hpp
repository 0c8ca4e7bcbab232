// rubric.hpp — the umbrella header: everything an embedding program needs.
#pragma once

#include <rubric/decimal.hpp>
#include <rubric/diagnostic.hpp>
#include <rubric/source.hpp>

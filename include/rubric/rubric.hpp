// rubric.hpp — the umbrella header: everything an embedding program needs.
#pragma once

#include <rubric/audit.hpp>
#include <rubric/compiler.hpp>
#include <rubric/decimal.hpp>
#include <rubric/diagnostic.hpp>
#include <rubric/result.hpp>
#include <rubric/rule_tests.hpp>
#include <rubric/source.hpp>
#include <rubric/values.hpp>

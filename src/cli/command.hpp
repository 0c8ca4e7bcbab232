// command.hpp — how main.cpp meets the subcommands: each adds itself to the app and says how to run.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace rubric::cli {

// Exit codes shared by every subcommand.
inline constexpr int exit_ok = 0;       // done, nothing wrong
inline constexpr int exit_findings = 1; // done, and the input has errors (scores incomplete, claims differ)
inline constexpr int exit_usage = 2;    // the command line or a named file is unusable

struct command {
    CLI::App* app;
    std::function<int()> run;
};

command add_check_command(CLI::App& parent);
command add_score_command(CLI::App& parent);
command add_explain_command(CLI::App& parent);
command add_test_command(CLI::App& parent);
command add_audit_command(CLI::App& parent);

} // namespace rubric::cli

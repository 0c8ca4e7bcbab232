// main.cpp — the rubric command-line tool: a thin layer over the library, one file per subcommand.
#include "cli/command.hpp"

#include <iostream>
#include <vector>

int main(int argc, char** argv) {
    using namespace rubric::cli;
    CLI::App app{
        "rubric: scoring tables of budget performance evaluations (绩效自评表) as checked, exactly scored "
        "rubric files"};
    app.require_subcommand(1);
    app.footer("Run `rubric COMMAND --help` for a command's options.");
    const std::vector<command> commands = {add_check_command(app), add_score_command(app),
                                           add_explain_command(app), add_audit_command(app), add_test_command(app)};
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e); // prints help or the usage error
        return code == 0 ? exit_ok : exit_usage;
    }
    for (const command& c : commands)
        if (c.app->parsed()) return c.run();
    return exit_usage;
}

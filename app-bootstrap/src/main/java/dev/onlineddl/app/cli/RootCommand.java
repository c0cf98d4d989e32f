package dev.onlineddl.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "onlineddl", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Online schema migrations for MySQL and MariaDB (the Vitess Online DDL executor's behaviour)."
                + " Run 'onlineddl daemon' beside the database, then submit and steer migrations with the other commands.",
        subcommands = {
                DaemonCommand.class, SubmitCommand.class, ShowCommand.class, CancelCommand.class, RetryCommand.class,
                CompleteCommand.class, LaunchCommand.class, CleanupCommand.class, ThrottleCommand.class,
                UnthrottleCommand.class, LogsCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 rejected (fix the request or the settings), 2 failure."})
final class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log debug details (to standard error).")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RootCommand.class.getPackage().getImplementationVersion();
            return new String[] {"onlineddl " + (version == null ? "(development build)" : version)};
        }
    }
}

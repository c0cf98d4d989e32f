package dev.onlineddl.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real server for the integration tests, unpacked once per checkout into
 * {@code target/embedded-mariadb/} of the outermost Maven project: the place the testkit uses too,
 * so that a build unpacks the 313 MB once for every module.
 */
final class TestBinaries {

    private TestBinaries() {
    }

    static ServerBinaries locate() {
        return BinariesLocator.standard(ServerDistribution.MARIADB_11_4_5, sharedDirectory(), Optional.empty(),
                TestBinaries.class.getClassLoader(), Path.of(System.getProperty("user.home")))
                .locate(line -> System.out.println("embedded-mariadb tests: " + line));
    }

    /** {@code target/embedded-mariadb} of the outermost project around this module. */
    static Path sharedDirectory() {
        Path project = moduleDirectory();
        while (project.getParent() != null && Files.isRegularFile(project.getParent().resolve("pom.xml"))) {
            project = project.getParent();
        }
        return project.resolve("target").resolve("embedded-mariadb");
    }

    /** Surefire and failsafe set {@code basedir}; otherwise the working directory. */
    static Path moduleDirectory() {
        return Path.of(Optional.ofNullable(System.getProperty("basedir")).orElse(System.getProperty("user.dir")))
                .toAbsolutePath().normalize();
    }
}

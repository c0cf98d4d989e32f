package dev.onlineddl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which layout a directory of server binaries has, told from small fake trees instead of real servers. */
class BinariesLayoutTest {

    @TempDir
    Path temp;

    @Test
    void aMariaDb4jJarUnpackedIsTheJarLayout() throws IOException {
        Path root = temp.resolve("mariadb-11.4.5");
        executable(root.resolve("bin/mariadbd"));
        file(root.resolve("scripts/mariadb-install-db"));
        Files.createDirectories(root.resolve("libs"));

        ServerBinaries binaries = ServerBinaries.in(root, "a test").orElseThrow();

        assertThat(binaries.layout()).isEqualTo(new BinariesLayout.Mariadb4jJar());
        assertThat(binaries.server()).isEqualTo(root.resolve("bin/mariadbd"));
        assertThat(binaries.installScript()).isEqualTo(root.resolve("scripts/mariadb-install-db"));
        assertThat(binaries.client()).isEqualTo(root.resolve("bin/mariadb"));
        assertThat(binaries.baseDirectory()).isEqualTo(root);
        assertThat(binaries.libraries()).contains(root.resolve("libs"));
        assertThat(binaries.fileArguments()).isEmpty();
    }

    @ParameterizedTest(name = "installer usr/bin/{0}")
    @ValueSource(strings = {"mariadb-install-db", "mysql_install_db"})
    void anUnpackedDebianPackageIsTheDebianLayout(String installer) throws IOException {
        Path root = temp.resolve("mariadb-10.11");
        executable(root.resolve("usr/sbin/mariadbd"));
        executable(root.resolve("usr/bin/" + installer));
        file(root.resolve("usr/share/mariadb/english/errmsg.sys"));
        Files.createDirectories(root.resolve("usr/lib/mysql/plugin"));

        ServerBinaries binaries = ServerBinaries.in(root, "a test").orElseThrow();

        assertThat(binaries.layout()).isEqualTo(new BinariesLayout.DebianPackage(installer));
        assertThat(binaries.server()).isEqualTo(root.resolve("usr/sbin/mariadbd"));
        assertThat(binaries.installScript()).isEqualTo(root.resolve("usr/bin/" + installer));
        assertThat(binaries.client()).isEqualTo(root.resolve("usr/bin/mariadb"));
        assertThat(binaries.baseDirectory()).isEqualTo(root.resolve("usr"));
        assertThat(binaries.libraries()).as("a package uses the system's libraries").isEmpty();
        assertThat(binaries.fileArguments()).containsExactly(
                "--lc-messages-dir=" + root.resolve("usr/share/mariadb"),
                "--plugin-dir=" + root.resolve("usr/lib/mysql/plugin"));
    }

    @Test
    void theServerIsStartedWithItsLayoutsPathsAndTheInstancesOwnArgumentsLast() throws IOException {
        Path root = temp.resolve("debian");
        executable(root.resolve("usr/sbin/mariadbd"));
        executable(root.resolve("usr/bin/mariadb-install-db"));
        ServerBinaries binaries = ServerBinaries.in(root, "a test").orElseThrow();
        ServerProcess.ServerFiles files = new ServerProcess.ServerFiles(temp.resolve("data"), temp.resolve("s.sock"),
                temp.resolve("pid"), temp.resolve("log"));

        List<String> command = ServerProcess.command(binaries, files,
                ServerSettings.replica(7).withArguments("--binlog-format=MIXED"), 40123);

        assertThat(command.get(0)).isEqualTo(root.resolve("usr/sbin/mariadbd").toString());
        assertThat(command.get(1)).isEqualTo("--no-defaults");
        assertThat(command).contains("--basedir=" + root.resolve("usr"), "--datadir=" + temp.resolve("data"),
                "--port=40123", "--server-id=7", "--lc-messages-dir=" + root.resolve("usr/share/mariadb"));
        assertThat(command.subList(command.size() - 3, command.size()))
                .containsExactly("--log-slave-updates=ON", "--gtid-strict-mode=ON", "--binlog-format=MIXED");
        assertThat(command.indexOf("--binlog-format=ROW")).isLessThan(command.indexOf("--binlog-format=MIXED"));
    }

    @Test
    void halfATreeIsNoServer() throws IOException {
        Path noInstaller = temp.resolve("no-installer");
        executable(noInstaller.resolve("usr/sbin/mariadbd"));
        Path notExecutable = temp.resolve("not-executable");
        file(notExecutable.resolve("bin/mariadbd"));
        file(notExecutable.resolve("scripts/mariadb-install-db"));
        Path mixed = temp.resolve("mixed");
        executable(mixed.resolve("bin/mariadbd"));
        executable(mixed.resolve("usr/bin/mariadb-install-db"));

        assertThat(ServerBinaries.in(noInstaller, "a test")).isEmpty();
        assertThat(ServerBinaries.in(notExecutable, "a test")).isEmpty();
        assertThat(ServerBinaries.in(mixed, "a test")).isEmpty();
        assertThat(ServerBinaries.in(temp.resolve("missing"), "a test")).isEmpty();
    }

    @Test
    void theLocatorTakesAnExplicitDebianTreeAsItIs() throws IOException {
        Path root = temp.resolve("explicit");
        executable(root.resolve("usr/sbin/mariadbd"));
        executable(root.resolve("usr/bin/mysql_install_db"));
        BinariesLocator locator = new BinariesLocator(FakeServerJars.distribution(),
                new BinaryCache(temp.resolve("cache"), FakeServerJars.distribution()), Optional.of(root),
                ClassLoader.getPlatformClassLoader(), List.of(), JarDownloader.withDefaultClient());

        ServerBinaries found = locator.locate(line -> { });

        assertThat(found.root()).isEqualTo(root);
        assertThat(found.layout()).isInstanceOf(BinariesLayout.DebianPackage.class);
        assertThat(temp.resolve("cache")).as("nothing unpacked").doesNotExist();
    }

    @Test
    void aDebianLayoutKnowsOnlyTheTwoInstallerNames() {
        assertThatThrownBy(() -> new BinariesLayout.DebianPackage("install.sh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mariadb-install-db or mysql_install_db");
    }

    private static void file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "placeholder\n");
    }

    private static void executable(Path path) throws IOException {
        file(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

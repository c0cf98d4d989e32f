package dev.onlineddl.service.gc;

import dev.onlineddl.domain.MigrationUuid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkDirectoriesTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(nullValues = "none", textBlock = """
            'db-1:/var/tmp/onlineddl/abc', '/var/tmp/onlineddl/abc'
            '/var/tmp/onlineddl/abc',      '/var/tmp/onlineddl/abc'
            'host:/dir:with:colons',       '/dir:with:colons'
            'host:',                       none
            'host:   ',                    none
            '',                            none
            """)
    void theHostPartOfALogPathIsIgnored(String logPath, String expected) {
        assertThat(WorkDirectories.directoryOfLogPath(logPath)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "''{0}'' below the root: {1}")
    @CsvSource(textBlock = """
            'root/m1',             true
            'root/m1/logs',        true
            'root/./m1',           true
            'root',                false
            'root/',               false
            'root/..',             false
            'root/../elsewhere',   false
            'root/m1/../../etc',   false
            'rootless/m1',         false
            'elsewhere/m1',        false
            """)
    void onlyPathsStrictlyBelowTheRootQualify(String relative, boolean expected) {
        WorkDirectories directories = new WorkDirectories(temp.resolve("root"));
        String absolute = temp + "/" + relative;
        assertThat(directories.belowRoot(absolute).isPresent()).isEqualTo(expected);
    }

    @Test
    void relativePathsAndNonPathsDoNotQualify() {
        WorkDirectories directories = new WorkDirectories(Path.of("relative-root"));
        assertThat(directories.belowRoot("relative-root/m1")).isEmpty();
        assertThat(directories.belowRoot(directories.root() + "/m\0x")).isEmpty();
        assertThat(directories.root()).isAbsolute();
    }

    @Test
    void aLinkInsideTheRootDoesNotLeadTheRemovalOut() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path outside = Files.createDirectories(temp.resolve("outside/keep"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(root.resolve("link"), temp.resolve("outside"));
        WorkDirectories directories = new WorkDirectories(root);

        assertThat(directories.belowRoot(root.resolve("link/keep").toString())).isEmpty();
        // the link itself is below the root: removing it removes the link, not what it points to
        Path link = directories.belowRoot(root.resolve("link").toString()).orElseThrow();
        directories.removeTree(link);
        assertThat(root.resolve("link")).doesNotExist();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void removesATreeWithLinksInsideWithoutFollowingThem() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Path migration = Files.createDirectories(root.resolve("m1/logs/deep"));
        Files.writeString(migration.resolve("migration.log"), "log");
        Files.createSymbolicLink(root.resolve("m1/logs/to-outside"), outside);
        WorkDirectories directories = new WorkDirectories(root);

        directories.removeTree(root.resolve("m1"));

        assertThat(root.resolve("m1")).doesNotExist();
        assertThat(root).exists();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void removingWhatIsNotThereDoesNothing() throws IOException {
        WorkDirectories directories = new WorkDirectories(temp.resolve("root"));
        directories.removeTree(temp.resolve("root/never-made"));
        assertThat(temp.resolve("root")).doesNotExist();
    }

    @Test
    void removingOutsideTheRootIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        WorkDirectories directories = new WorkDirectories(temp.resolve("root"));
        assertThatThrownBy(() -> directories.removeTree(elsewhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not below the work directory");
        assertThat(elsewhere).exists();
    }

    @Test
    void aMigrationsDirectoryIsItsUuidBelowTheRoot() {
        MigrationUuid uuid = MigrationUuid.parse("dd216464_6b52_11ee_ba7c_0a43f95f28a3");
        WorkDirectories directories = new WorkDirectories(temp.resolve("root"));
        assertThat(directories.ofMigration(uuid)).isEqualTo(temp.resolve("root").resolve("dd216464_6b52_11ee_ba7c_0a43f95f28a3"));
    }
}

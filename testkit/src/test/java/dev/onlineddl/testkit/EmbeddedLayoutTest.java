package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the embedded server's files go. */
class EmbeddedLayoutTest {

    @Test
    void sharesBinariesAtTheOutermostProjectAndKeepsRunsInTheModule(@TempDir Path workspace) throws IOException {
        Path checkout = workspace.resolve("checkout");
        Path module = checkout.resolve("adapters").resolve("mysql");
        Files.createDirectories(module);
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.writeString(checkout.resolve("adapters").resolve("pom.xml"), "<project/>");
        Files.writeString(module.resolve("pom.xml"), "<project/>");

        EmbeddedMariaDb.Layout layout = EmbeddedMariaDb.Layout.forModule(module);

        assertThat(layout.sharedDirectory()).isEqualTo(checkout.resolve("target/embedded-mariadb"));
        assertThat(layout.runsDirectory()).isEqualTo(module.resolve("target/embedded-mariadb"));
        assertThat(layout.binaries()).isEqualTo(checkout.resolve("target/embedded-mariadb/mariadb-" + EmbeddedMariaDb.SERVER_VERSION));
        assertThat(layout.template().getParent()).isEqualTo(layout.sharedDirectory());
    }

    @Test
    void aLoneProjectKeepsEverythingInItsOwnTarget(@TempDir Path workspace) throws IOException {
        Path project = workspace.resolve("plugin");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        EmbeddedMariaDb.Layout layout = EmbeddedMariaDb.Layout.forModule(project);

        assertThat(layout.sharedDirectory()).isEqualTo(project.resolve("target/embedded-mariadb"));
        assertThat(layout.runsDirectory()).isEqualTo(layout.sharedDirectory());
    }

    @ParameterizedTest(name = "{0} with java.io.tmpdir={1} -> {2}")
    @CsvSource({
            "/work/main/testkit/target/x/data, /tmp,  /work/main/testkit/target/x/data",
            "/tmp/checkout/target/x/data,      /tmp,  /./tmp/checkout/target/x/data",
            "/tmp/checkout/target/x/data,      /tmp/, /./tmp/checkout/target/x/data",
            "/tmpfs/target/x/data,             /tmp,  /./tmpfs/target/x/data",
            "/var/tmp/x/data,                  /tmp,  /var/tmp/x/data",
    })
    void keepsMariaDb4jFromEmptyingDataDirectoriesUnderTmp(String directory, String temporary, String expected) {
        assertThat(EmbeddedMariaDb.notLookingTemporary(Path.of(directory), temporary).getPath()).isEqualTo(expected);
    }
}

package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

        EmbeddedServers.Layout layout = EmbeddedServers.Layout.forModule(module);

        assertThat(layout.sharedDirectory()).isEqualTo(checkout.resolve("target/embedded-mariadb"));
        assertThat(layout.runsDirectory()).isEqualTo(module.resolve("target/embedded-mariadb"));
        assertThat(layout.binaries()).isEqualTo(checkout.resolve("target/embedded-mariadb/mariadb-" + EmbeddedServers.DISTRIBUTION.version()));
    }

    @Test
    void aLoneProjectKeepsEverythingInItsOwnTarget(@TempDir Path workspace) throws IOException {
        Path project = workspace.resolve("plugin");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        EmbeddedServers.Layout layout = EmbeddedServers.Layout.forModule(project);

        assertThat(layout.sharedDirectory()).isEqualTo(project.resolve("target/embedded-mariadb"));
        assertThat(layout.runsDirectory()).isEqualTo(layout.sharedDirectory());
    }
}

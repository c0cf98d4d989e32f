package dev.onlineddl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarDownloaderTest {

    @TempDir
    Path temp;

    private LoopbackFileServer server;
    private final JarDownloader downloader = JarDownloader.withDefaultClient();
    private final List<String> progress = new ArrayList<>();
    /** Three megabytes: more than one buffer, so that the progress is told in steps. */
    private final byte[] content = new byte[3 << 20];

    @BeforeEach
    void serve() throws IOException {
        server = new LoopbackFileServer();
        new Random(42).nextBytes(content);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void keepsADownloadThatHashesAsExpectedAndTellsTheProgress() throws IOException {
        URI source = server.serve("/server.jar", content);
        Path target = temp.resolve("server.jar");

        downloader.download(source, FakeServerJars.sha256(content), target, progress::add);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(progress.get(0)).isEqualTo("downloading " + source + " (3 MB)");
        assertThat(progress).contains("downloaded 100% (3 MB of 3 MB)");
        assertThat(progress.size()).as("a line per tenth at most, not per buffer").isBetween(2, 11);
    }

    @Test
    void refusesAndDeletesADownloadThatHashesOtherwise() {
        byte[] tampered = Arrays.copyOf(content, content.length);
        tampered[tampered.length / 2] ^= 1;
        URI source = server.serve("/server.jar", tampered);
        Path target = temp.resolve("server.jar");
        String expected = FakeServerJars.sha256(content);

        assertThatThrownBy(() -> downloader.download(source, expected, target, progress::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has SHA-256 " + FakeServerJars.sha256(tampered) + ", not the expected " + expected)
                .hasMessageContaining("refused and deleted");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFailedRequestLeavesNoFile() {
        URI missing = server.uri("/missing.jar");
        Path target = temp.resolve("server.jar");

        assertThatThrownBy(() -> downloader.download(missing, FakeServerJars.sha256(content), target, progress::add))
                .isInstanceOf(IOException.class)
                .hasMessage("downloading " + missing + " answered HTTP 404");
        assertThat(target).doesNotExist();
    }
}

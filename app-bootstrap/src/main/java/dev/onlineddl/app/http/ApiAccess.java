package dev.onlineddl.app.http;

import dev.onlineddl.app.auth.Tokens;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call the user API: holders of the daemon's API token, sent as {@code Authorization:
 * Bearer ...}. One before-handler on {@code /api/*} checks it, so no endpoint can forget to.
 */
public final class ApiAccess {

    private final String apiToken;
    private final String tokenHint;

    /** @param tokenHint where the CLI finds the API token, for the 401 message */
    public ApiAccess(String apiToken, String tokenHint) {
        this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
        this.tokenHint = Objects.requireNonNull(tokenHint, "tokenHint");
    }

    void requireApiToken(Context ctx) {
        Optional<String> bearer = bearerToken(ctx.header("Authorization"));
        if (bearer.isEmpty() || !Tokens.matches(apiToken, bearer.get())) {
            throw new ApiException(401, bearer.isEmpty()
                    ? "this endpoint needs the daemon's API token (Authorization: Bearer ...); " + tokenHint
                    : "wrong API token: a daemon writes a new token at every start; " + tokenHint);
        }
    }

    /** The token of {@code Bearer <token>}, scheme case-insensitive. */
    static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String trimmed = authorization.strip();
        if (trimmed.length() > 7 && trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = trimmed.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}

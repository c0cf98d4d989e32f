package dev.onlineddl.app.auth;

import dev.onlineddl.domain.MigrationUuid;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for the external tools the daemon launches (gh-ost hooks, pt-osc plugins): each is valid
 * for one migration only, so a tool can report the status of its own migration and ask the
 * throttler, and nothing else. They live in memory: a restarted daemon issues new ones to the
 * tools it adopts. Thread-safe.
 */
public final class MigrationTokens {

    private final SecureRandom random;
    private final Map<MigrationUuid, String> tokensByMigration = new ConcurrentHashMap<>();

    public MigrationTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The migration's token, issued on first request and the same afterwards until revoked. */
    public String issue(MigrationUuid uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return tokensByMigration.computeIfAbsent(uuid, key -> Tokens.newToken(random));
    }

    /** The migration the token was issued for, if it is a live token. */
    public Optional<MigrationUuid> verify(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        // Only running migrations hold tokens, so comparing with each (in constant time, unlike a
        // hash lookup's equals) costs nothing and leaks nothing about how close a guess came.
        MigrationUuid found = null;
        for (Map.Entry<MigrationUuid, String> entry : tokensByMigration.entrySet()) {
            if (Tokens.matches(entry.getValue(), token)) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Invalidates the migration's token (when the migration ends or its artifacts are collected). */
    public void revoke(MigrationUuid uuid) {
        tokensByMigration.remove(uuid);
    }
}

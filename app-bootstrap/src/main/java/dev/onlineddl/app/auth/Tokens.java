package dev.onlineddl.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer tokens and their comparison. */
public final class Tokens {

    private static final int TOKEN_BYTES = 32;

    private Tokens() {
    }

    /** 256 random bits, URL-safe Base64 without padding (so it can sit in a URL or a header as is). */
    public static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Compares in time independent of where the texts differ, so that a token cannot be guessed byte by byte. */
    public static boolean matches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

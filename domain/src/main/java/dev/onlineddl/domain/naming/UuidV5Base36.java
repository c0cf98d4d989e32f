package dev.onlineddl.domain.naming;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Vitess's {@code textutil.UUIDv5Base36}: a deterministic 25-character lower-case base-36 name
 * derived from its arguments. Every shard computes the same value for the same arguments, which is
 * why generated constraint names agree across shards without coordination.
 *
 * <p>Algorithm: SHA-256 over 16 zero bytes (the nil-UUID namespace)
 * followed by the UTF-8 of the arguments joined with {@code "\n"}; the first 16 bytes with the
 * version-5 and RFC 4122 variant bits set; that 128-bit unsigned big-endian number in base 36,
 * left-padded with {@code 0} to 25 characters.
 */
public final class UuidV5Base36 {

    /** A 128-bit number needs at most 25 base-36 digits (36^25 &gt; 2^128). */
    public static final int LENGTH = 25;

    private static final byte[] NIL_UUID_NAMESPACE = new byte[16];

    private UuidV5Base36() {
    }

    public static String of(String... args) {
        Objects.requireNonNull(args, "args");
        byte[] uuid = Arrays.copyOf(sha256(NIL_UUID_NAMESPACE, String.join("\n", args).getBytes(StandardCharsets.UTF_8)), 16);
        uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80);
        String base36 = new BigInteger(1, uuid).toString(36);
        return "0".repeat(LENGTH - base36.length()) + base36;
    }

    private static byte[] sha256(byte[] namespace, byte[] name) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(namespace);
            digest.update(name);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (MessageDigest javadoc), so this is a broken JDK
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }
}

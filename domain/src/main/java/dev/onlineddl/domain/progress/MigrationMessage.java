package dev.onlineddl.domain.progress;

import dev.onlineddl.domain.Migration;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What fits in the {@code message} column: at most {@value Migration#MAX_MESSAGE_BYTES} bytes of
 * valid UTF-8. Like Vitess, every run of invalid input becomes one U+FFFD; unlike Vitess,
 * which cuts bytes first and so may leave a broken character (shown as U+FFFD) or, after
 * replacements, more than the limit, the cut here falls between whole characters and the
 * result never exceeds the limit.
 */
public final class MigrationMessage {

    /** The byte limit of the column. */
    public static final int MAX_BYTES = Migration.MAX_MESSAGE_BYTES;

    /** Written instead when the real message cannot be stored (as in Vitess). */
    public static final String UPDATE_FAILED_FALLBACK = "unable to update with original migration error message";

    private static final char REPLACEMENT = '\uFFFD';

    private MigrationMessage() {
    }

    /**
     * The message as it may be stored: unpaired surrogates (what invalid UTF-8 becomes in a Java
     * string) replaced, then cut to {@link #MAX_BYTES} bytes of UTF-8. Null becomes empty.
     */
    public static String truncate(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(message.length(), MAX_BYTES));
        int bytes = 0;
        boolean previousInvalid = false;
        int index = 0;
        while (index < message.length()) {
            int codePoint = message.codePointAt(index);
            index += Character.charCount(codePoint);
            boolean invalid = Character.isSurrogate((char) codePoint) && Character.isBmpCodePoint(codePoint);
            if (invalid && previousInvalid) {
                continue;
            }
            previousInvalid = invalid;
            int appended = invalid ? REPLACEMENT : codePoint;
            int size = utf8Length(appended);
            if (bytes + size > MAX_BYTES) {
                break;
            }
            kept.appendCodePoint(appended);
            bytes += size;
        }
        return kept.toString();
    }

    /** Decodes raw bytes (a tool's output, say) with every run of invalid UTF-8 as one U+FFFD, then {@link #truncate(String)}s. */
    public static String truncate(byte[] utf8) {
        if (utf8 == null) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        // Never more chars than bytes: a 4-byte character is 2 chars, a run of bad bytes 1.
        CharBuffer out = CharBuffer.allocate(utf8.length);
        StringBuilder text = new StringBuilder(utf8.length);
        boolean previousInvalid = false;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            if (out.hasRemaining()) {
                text.append(out);
                previousInvalid = false;
            }
            out.clear();
            if (!result.isError()) {
                break;
            }
            if (!previousInvalid) {
                text.append(REPLACEMENT);
                previousInvalid = true;
            }
            in.position(in.position() + result.length());
        }
        return truncate(text.toString());
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}

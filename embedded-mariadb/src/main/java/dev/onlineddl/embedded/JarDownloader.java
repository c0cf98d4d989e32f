package dev.onlineddl.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Downloads a file whose SHA-256 is known in advance, and keeps it only if it hashes to that:
 * the file holds executables this process then runs.
 */
final class JarDownloader {

    private static final int BUFFER_BYTES = 1 << 20;
    /** Without a Content-Length, progress is told every this many bytes. */
    private static final long PROGRESS_STEP_BYTES = 16L << 20;
    private static final int PROGRESS_STEP_PERCENT = 10;

    private final HttpClient http;

    JarDownloader(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    static JarDownloader withDefaultClient() {
        return new JarDownloader(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build());
    }

    /**
     * Writes the body of {@code source} to {@code target} (which must not exist yet).
     *
     * @throws IOException if the download fails or the file does not hash to {@code expectedSha256};
     *                     either way {@code target} is gone afterwards
     */
    void download(URI source, String expectedSha256, Path target, Consumer<String> progress) throws IOException {
        boolean verified = false;
        try {
            String actual = fetch(source, target, progress);
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                throw new IOException("the file downloaded from " + source + " has SHA-256 " + actual + ", not the expected "
                        + expectedSha256 + ": refused and deleted (a proxy or mirror may have altered it)");
            }
            verified = true;
        } finally {
            if (!verified) {
                Files.deleteIfExists(target);
            }
        }
    }

    private String fetch(URI source, Path target, Consumer<String> progress) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(source).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + source);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("downloading " + source + " answered HTTP " + response.statusCode());
            }
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            progress.accept("downloading " + source + (length.isPresent() ? " (" + megabytes(length.getAsLong()) + ")" : ""));
            MessageDigest digest = sha256();
            ProgressTeller teller = new ProgressTeller(length, progress);
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                int read;
                while ((read = body.read(buffer)) >= 0) {
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                    teller.advance(read);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(impossible);
        }
    }

    static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    /** Tells progress in steps, not per buffer: a line per tenth, or per 16 MB when the size is unknown. */
    private static final class ProgressTeller {
        private final OptionalLong total;
        private final Consumer<String> progress;
        private long received;
        private long nextReport;

        ProgressTeller(OptionalLong total, Consumer<String> progress) {
            this.total = total;
            this.progress = progress;
            this.nextReport = step();
        }

        void advance(int bytes) {
            received += bytes;
            if (received < nextReport) {
                return;
            }
            if (total.isPresent() && total.getAsLong() > 0) {
                progress.accept("downloaded " + (received * 100 / total.getAsLong()) + "% (" + megabytes(received) + " of "
                        + megabytes(total.getAsLong()) + ")");
            } else {
                progress.accept("downloaded " + megabytes(received));
            }
            while (nextReport <= received) {
                nextReport += step();
            }
        }

        private long step() {
            return total.isPresent() && total.getAsLong() > 0
                    ? Math.max(1, total.getAsLong() * PROGRESS_STEP_PERCENT / 100)
                    : PROGRESS_STEP_BYTES;
        }
    }
}

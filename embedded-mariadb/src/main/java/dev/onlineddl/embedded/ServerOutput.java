package dev.onlineddl.embedded;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads what a server process writes, for its whole life: every line goes to a log file, the
 * last lines are kept for error messages, and {@link #ready()} completes when a line says the
 * server accepts connections, or fails when the output ends first (the process died). Reading
 * must go on after readiness, or the process would block once the pipe's buffer is full.
 */
final class ServerOutput {

    static final String READY_MARK = "ready for connections";
    private static final int TAIL_LINES = 30;

    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private ServerOutput() {
    }

    /** Starts reading on a daemon thread; lines are appended to {@code logFile}. */
    static ServerOutput follow(InputStream output, Path logFile, String threadName) {
        ServerOutput reader = new ServerOutput();
        Thread thread = new Thread(() -> reader.readAll(output, logFile), threadName);
        thread.setDaemon(true);
        thread.start();
        return reader;
    }

    /** Completes on the first ready line; fails with {@link OutputEndedException} if the output ends before. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Completes once every line has been read: after it, {@link #tail()} is final. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /** The last lines read, oldest first. */
    List<String> tail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** The last lines as one indented block, for an error message. */
    String tailText() {
        List<String> lines = tail();
        return lines.isEmpty() ? "    (no output)" : "    " + String.join("\n    ", lines);
    }

    private void readAll(InputStream output, Path logFile) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                Writer log = openLog(logFile)) {
            String line;
            while ((line = lines.readLine()) != null) {
                remember(line);
                if (log != null) {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                }
                if (line.contains(READY_MARK)) {
                    ready.complete(null);
                }
            }
        } catch (IOException readFailed) {
            remember("(reading the output failed: " + readFailed.getMessage() + ")");
        } finally {
            ended.complete(null);
            ready.completeExceptionally(new OutputEndedException());
        }
    }

    /** No log file is no reason to fail the server: the tail still reaches the messages. */
    private Writer openLog(Path logFile) {
        try {
            return new BufferedWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException cannotWrite) {
            remember("(cannot write " + logFile + ": " + cannotWrite.getMessage() + ")");
            return null;
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    /** The output ended before the server said it was ready. */
    static final class OutputEndedException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputEndedException() {
            super("the server's output ended before it was ready");
        }
    }
}

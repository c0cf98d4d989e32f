package dev.onlineddl.app.daemon;

import dev.onlineddl.app.config.DaemonSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daemon in this process until the JVM is asked to stop (SIGTERM, SIGINT): a shutdown
 * hook closes it, so that migrations' engines stop, the target's lock is released for a standby
 * and the token file is removed.
 */
public final class ForegroundDaemon implements DaemonLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ForegroundDaemon.class);

    private final CoreAssembler assembler;

    public ForegroundDaemon(CoreAssembler assembler) {
        this.assembler = Objects.requireNonNull(assembler, "assembler");
    }

    @Override
    public void runUntilStopped(DaemonSettings settings, Path home) throws Exception {
        runUntilStopped(settings, home, () -> { });
    }

    @Override
    public void runUntilStopped(DaemonSettings settings, Path home, Runnable afterStop) throws Exception {
        Daemon daemon;
        try {
            daemon = Daemon.start(settings, home, assembler);
        } catch (Exception | Error failed) {
            afterStop.run();
            throw failed;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                daemon.close();
            } catch (RuntimeException e) {
                LOG.error("the daemon did not stop cleanly", e);
            } finally {
                try {
                    afterStop.run();
                } finally {
                    stopped.countDown();
                }
            }
        }, "onlineddl-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}

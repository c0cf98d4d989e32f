package dev.onlineddl.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the executor's tick on an interval and a little after every event that may let a migration
 * move on (Vitess's {@code triggerNextCheckInterval}): one thread, so ticks never overlap. Until
 * {@link #start()} nothing runs and triggers are ignored, which lets tests drive ticks themselves.
 */
final class TickScheduler implements TickTrigger, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TickScheduler.class);
    private static final long COALESCE_NANOS = Duration.ofSeconds(1).toNanos();

    private final Runnable tick;
    private final Duration interval;
    private final List<Duration> nextCheckIntervals;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    /** An immediate tick is scheduled and has not started: later immediate triggers share it. */
    private final AtomicBoolean immediateTickPending = new AtomicBoolean();
    /** When the extra ticks already scheduled are due (System.nanoTime()), to coalesce triggers. */
    private final ConcurrentSkipListSet<Long> pendingDue = new ConcurrentSkipListSet<>();

    TickScheduler(Runnable tick, Duration interval, List<Duration> nextCheckIntervals, String threadName) {
        this.tick = Objects.requireNonNull(tick, "tick");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.nextCheckIntervals = List.copyOf(nextCheckIntervals);
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        };
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** Ticks now, then every interval, plus the early re-checks. */
    void start() {
        if (started.compareAndSet(false, true)) {
            scheduler.scheduleWithFixedDelay(this::safeTick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            triggerSoon();
        }
    }

    /**
     * Schedules one tick per re-check interval, except where one is already due within a second of
     * it: a burst of events (a script of a hundred statements) asks for the same few ticks, not a
     * hundred times as many (Vitess rate-limits its ticks to one a second for the same reason).
     */
    @Override
    public void triggerSoon() {
        if (!started.get()) {
            return;
        }
        long now = System.nanoTime();
        for (Duration delay : nextCheckIntervals) {
            long due = now + delay.toNanos();
            Long nearest = pendingDue.ceiling(due - COALESCE_NANOS);
            if (nearest != null && nearest <= due + COALESCE_NANOS) {
                continue;
            }
            pendingDue.add(due);
            try {
                scheduler.schedule(() -> {
                    pendingDue.remove(due);
                    safeTick();
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                pendingDue.remove(due);
                return;
            }
        }
    }

    /**
     * One tick as soon as the tick thread is free, then the re-checks of {@link #triggerSoon()}.
     * While that tick waits to start, further calls add nothing: a script of a hundred statements
     * gets one immediate tick, not a hundred. A call while it runs schedules one more, because the
     * running tick may have read the store before the event.
     */
    @Override
    public void triggerNow() {
        if (!started.get()) {
            return;
        }
        if (immediateTickPending.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    immediateTickPending.set(false);
                    safeTick();
                });
            } catch (RejectedExecutionException closed) {
                immediateTickPending.set(false);
                return;
            }
        }
        triggerSoon();
    }

    /**
     * Nothing a tick throws may cancel the periodic schedule, which any throwable would do, silently:
     * an executor that stops ticking leaves every migration queued with no word in the log. That
     * includes errors such as a {@link LinkageError} from a class a plugin jar lacks; only the JVM
     * failing itself ({@link VirtualMachineError}: out of memory) is left to end the thread.
     */
    private void safeTick() {
        try {
            tick.run();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (RuntimeException | Error e) {
            LOG.error("executor tick failed; the next tick tries again", e);
        }
    }

    @Override
    public void close() {
        started.set(false);
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the executor's tick thread did not stop within 30 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

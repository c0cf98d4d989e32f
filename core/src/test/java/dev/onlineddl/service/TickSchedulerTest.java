package dev.onlineddl.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TickSchedulerTest {

    private static final long WAIT_SECONDS = 10;

    @Test
    void startTicksAtOnceAndEveryTriggerAddsOneTickPerRecheckInterval() throws InterruptedException {
        // the interval is an hour: every tick seen here comes from start() or a trigger
        CountDownLatch startTicks = new CountDownLatch(3);
        CountDownLatch allTicks = new CountDownLatch(5);
        Runnable tick = () -> {
            startTicks.countDown();
            allTicks.countDown();
        };
        try (TickScheduler scheduler = new TickScheduler(tick, Duration.ofHours(1),
                List.of(Duration.ofMillis(5), Duration.ofMillis(1200)), "tick-test")) {
            scheduler.start();
            assertThat(startTicks.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("one tick now and one per re-check").isTrue();

            scheduler.triggerSoon();

            assertThat(allTicks.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("one more tick per re-check").isTrue();
        }
    }

    @Test
    void triggersInABurstShareTheirTicks() throws InterruptedException {
        AtomicInteger ticks = new AtomicInteger();
        CountDownLatch firstRecheck = new CountDownLatch(2);
        try (TickScheduler scheduler = new TickScheduler(() -> {
            ticks.incrementAndGet();
            firstRecheck.countDown();
        }, Duration.ofHours(1), List.of(Duration.ofMillis(200)), "tick-test")) {
            scheduler.start();
            for (int i = 0; i < 100; i++) {
                scheduler.triggerSoon();
            }
            assertThat(firstRecheck.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        // without coalescing there would be 101; a slow machine may let one trigger miss the shared one
        assertThat(ticks.get()).as("the start tick and one shared re-check").isBetween(2, 3);
    }

    @Test
    void triggerNowTicksAtOnceWithoutWaitingForARecheck() throws InterruptedException {
        // interval and re-check are an hour: the second tick can only be triggerNow's own
        CountDownLatch startTick = new CountDownLatch(1);
        CountDownLatch secondTick = new CountDownLatch(2);
        Runnable tick = () -> {
            startTick.countDown();
            secondTick.countDown();
        };
        try (TickScheduler scheduler = new TickScheduler(tick, Duration.ofHours(1), List.of(Duration.ofHours(1)), "tick-test")) {
            scheduler.start();
            assertThat(startTick.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

            scheduler.triggerNow();

            assertThat(secondTick.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the immediate tick").isTrue();
        }
    }

    @Test
    void immediateTriggersWhileOneWaitsToRunShareIt() throws InterruptedException {
        AtomicInteger ticks = new AtomicInteger();
        CountDownLatch startTickRunning = new CountDownLatch(1);
        CountDownLatch releaseStartTick = new CountDownLatch(1);
        CountDownLatch immediateTick = new CountDownLatch(1);
        Runnable tick = () -> {
            if (ticks.incrementAndGet() == 1) {
                startTickRunning.countDown();
                awaitUninterruptibly(releaseStartTick);
            } else {
                immediateTick.countDown();
            }
        };
        TickScheduler scheduler = new TickScheduler(tick, Duration.ofHours(1), List.of(Duration.ofHours(1)), "tick-test");
        try {
            scheduler.start();
            assertThat(startTickRunning.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            // the tick thread is busy, so the first immediate tick waits, and the others share it
            for (int i = 0; i < 100; i++) {
                scheduler.triggerNow();
            }
            releaseStartTick.countDown();
            assertThat(immediateTick.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.close();
        }
        assertThat(ticks.get()).as("the start tick and one shared immediate tick").isEqualTo(2);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailingTickDoesNotEndTheSchedule() throws InterruptedException {
        CountDownLatch secondTick = new CountDownLatch(2);
        Runnable failingTick = () -> {
            secondTick.countDown();
            throw new IllegalStateException("store unreachable");
        };
        try (TickScheduler scheduler = new TickScheduler(failingTick, Duration.ofMillis(5), List.of(), "tick-test")) {
            scheduler.start();

            assertThat(secondTick.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anErrorInATickDoesNotEndTheScheduleEither() throws InterruptedException {
        CountDownLatch secondTick = new CountDownLatch(2);
        Runnable brokenTick = () -> {
            secondTick.countDown();
            throw new NoClassDefFoundError("dev/onlineddl/example/MissingClass");
        };
        try (TickScheduler scheduler = new TickScheduler(brokenTick, Duration.ofMillis(5), List.of(), "tick-test")) {
            scheduler.start();

            assertThat(secondTick.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void triggersBeforeStartAndAfterCloseRunNothing() {
        AtomicInteger ticks = new AtomicInteger();
        TickScheduler scheduler = new TickScheduler(ticks::incrementAndGet, Duration.ofHours(1), List.of(Duration.ZERO.plusNanos(1)),
                "tick-test");

        scheduler.triggerSoon();
        scheduler.close();
        scheduler.triggerSoon();

        assertThat(ticks.get()).isZero();
    }
}

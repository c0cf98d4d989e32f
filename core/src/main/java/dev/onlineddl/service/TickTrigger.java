package dev.onlineddl.service;

/** Asks for ticks, because something happened that may let a migration move on. */
interface TickTrigger {

    /** The usual re-checks a little later (Vitess's {@code triggerNextCheckInterval}). */
    void triggerSoon();

    /**
     * A tick at once, then the usual re-checks: for events a migration waits on, a submission and
     * an engine saying it is ready to complete, so that neither waits for a check interval.
     * Triggers that arrive while an immediate tick is still waiting to run share it.
     */
    default void triggerNow() {
        triggerSoon();
    }
}

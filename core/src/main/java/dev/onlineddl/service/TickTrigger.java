package dev.onlineddl.service;

/** Asks for ticks soon, because something happened that may let a migration move on. */
@FunctionalInterface
interface TickTrigger {

    void triggerSoon();
}

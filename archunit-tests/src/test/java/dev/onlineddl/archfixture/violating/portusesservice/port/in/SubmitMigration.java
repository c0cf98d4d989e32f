package dev.onlineddl.archfixture.violating.portusesservice.port.in;

import dev.onlineddl.archfixture.violating.portusesservice.service.Executor;

/** Violating fixture: an incoming port that exposes the executor implementing it. */
public interface SubmitMigration {
    Executor executor();
}

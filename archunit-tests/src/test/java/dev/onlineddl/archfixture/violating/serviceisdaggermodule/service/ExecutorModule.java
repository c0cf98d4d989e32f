package dev.onlineddl.archfixture.violating.serviceisdaggermodule.service;

import dagger.Module;

/** Violating fixture: Dagger wiring inside the service instead of in the configuration. */
@Module
public final class ExecutorModule {
}

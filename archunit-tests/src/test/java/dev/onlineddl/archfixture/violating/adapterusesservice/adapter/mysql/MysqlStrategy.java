package dev.onlineddl.archfixture.violating.adapterusesservice.adapter.mysql;

import dev.onlineddl.archfixture.violating.adapterusesservice.service.Executor;

/** Violating fixture: a strategy adapter reaching into the executor instead of the SPI. */
public final class MysqlStrategy {
    public int run(Executor executor) {
        return executor.tick();
    }
}

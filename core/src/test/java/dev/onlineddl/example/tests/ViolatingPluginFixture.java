package dev.onlineddl.example.tests;

import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.spi.StrategyDescriptor;

import java.util.List;

/** A plugin class that leans on a built-in adapter: what the architecture test must reject. */
final class ViolatingPluginFixture {

    List<StrategyDescriptor> strategies() {
        return new BuiltInMysqlPlugin().strategies();
    }
}

package dev.onlineddl.spi;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.strategy.StrategySetting;
import java.util.Objects;

/**
 * A migration as handed to an engine.
 *
 * @param migration the stored row at the time of the call
 * @param setting   its parsed strategy string (flags and runtime options)
 * @param statement the statement to run, with any directive comments removed
 */
public record MigrationRun(Migration migration, StrategySetting setting, String statement) {

    public MigrationRun {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(statement, "statement");
    }
}

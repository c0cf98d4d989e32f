package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.StrategyException;

/** What both built-in strategies do alike with a migration handed to them. */
final class StrategyRuns {

    private StrategyRuns() {
    }

    /**
     * The statement to run, in the migration's schema (the target's when the row names none),
     * with NO_ZERO_DATE/NO_ZERO_IN_DATE lifted for {@code --allow-zero-in-date}.
     *
     * @throws StrategyException for a flag the strategy does not support; the core rejects those
     *         at review already, so this only guards against running with the wrong semantics
     */
    static DdlExecution ddlExecution(MigrationRun run, String targetSchema) {
        StrategySetting setting = run.setting();
        StrategyCapabilities capabilities = setting.capabilities();
        if (setting.isAllowZeroInDate() && !capabilities.allowZeroInDate()) {
            throw new StrategyException("--allow-zero-in-date not supported in '" + setting.strategy()
                    + "' strategy (migration " + run.migration().uuid() + "): remove the flag, or use the direct strategy");
        }
        if (setting.isPostponeCompletion() && !capabilities.postponeCompletion()) {
            throw new StrategyException("--postpone-completion not supported in '" + setting.strategy()
                    + "' strategy (migration " + run.migration().uuid() + "): remove the flag, or use a strategy that"
                    + " can postpone its cut-over (vitess)");
        }
        String schema = run.migration().mysqlSchema().isEmpty() ? targetSchema : run.migration().mysqlSchema();
        return DdlExecution.of(schema, run.migration().mysqlTable(), run.statement())
                .withAllowZeroInDate(setting.isAllowZeroInDate());
    }

    /** A failure message that says which migration failed before what failed. */
    static String failureOf(MigrationRun run, String what) {
        return "migration " + run.migration().uuid() + " (" + run.setting().strategy() + " strategy): " + what;
    }
}

/**
 * The executor: the use cases of {@code port.in} implemented with the {@code port.out} services,
 * the strategy plugins and the domain's rules.
 *
 * <p>{@link dev.onlineddl.service.OnlineDdl} assembles one executor for one target database:
 * <pre>{@code
 * OnlineDdl executor = OnlineDdl.builder(ExecutorConfig.defaults("host-a:shop", "shop"))
 *         .store(store).schemaInspector(inspector).ddlExecutor(ddlExecutor).ddlAnalyzer(analyzer)
 *         .connections(connections).executorLock(lock)
 *         .strategies(StrategyRegistry.discover(classLoader))
 *         .build();
 * executor.start();                                   // ticks every minute and soon after events
 * executor.submitMigration().submit(SubmissionRequest.of("alter table t add column c int", "mysql"));
 * }</pre>
 *
 * <p>Inside: {@link dev.onlineddl.service.Executor} runs the tick in Vitess's order;
 * {@code MigrationRunner} runs what the scheduler picked (CREATE, DROP, views, special plans and the
 * REVERTs of those in the core, ALTER TABLE through the strategy's engine); {@code MigrationSubmitter},
 * {@code MigrationCommands} and {@code MigrationQueries} serve submissions, commands and listings;
 * every status change goes through {@code MigrationStatusGateway}, with Vitess's
 * {@code onSchemaMigrationStatus} semantics, whether an engine, an external tool or the core reports it.
 */
package dev.onlineddl.service;

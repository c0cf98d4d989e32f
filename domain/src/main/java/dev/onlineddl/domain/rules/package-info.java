/**
 * The decisions of the Vitess v0.16.2 Online DDL executor as small, named, pure functions over
 * values: which submissions are accepted (singleton, singleton-context, idempotent resubmission),
 * which migrations may run side by side, which queued migration becomes ready and which ready one
 * runs next, when a running migration may cut over, whether a migration can be reverted and how,
 * what review rejects, when a running migration is stale, and what cancel and retry do.
 *
 * <p>Nothing here reads a database or a clock: callers pass what Vitess would have read (rows in
 * id order, the pending list, the owned running migrations, "now") and get back a decision value
 * they carry out. Where Vitess names strategies ("only vitess/online may ALTER concurrently"),
 * the rules ask {@link dev.onlineddl.domain.StrategyCapabilities} instead, while messages still
 * name the strategy as Vitess prints it.
 */
package dev.onlineddl.domain.rules;

/**
 * The analysis half of the native online ALTER engine, as Vitess v16's vrepl analysis does it:
 * {@link dev.onlineddl.adapter.vreplication.inspect.TableInspector} reads what the server knows
 * about the original and the shadow table (columns, unique keys, triggers, foreign keys, binlog
 * settings), and {@link dev.onlineddl.adapter.vreplication.inspect.MigrationPlanner} turns two
 * such {@link dev.onlineddl.adapter.vreplication.inspect.TableShape shapes} and the ALTER's
 * column changes into a {@link dev.onlineddl.adapter.vreplication.inspect.MigrationPlan}: which
 * columns are copied and how, which unique key the copy iterates on, and what a revert could not
 * restore.
 *
 * <p>The planner is pure, so every rule is unit tested without a server; only the inspector talks
 * to one.
 */
package dev.onlineddl.adapter.vreplication.inspect;

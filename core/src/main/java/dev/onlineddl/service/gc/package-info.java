/**
 * The end of a migration's artifacts: {@link dev.onlineddl.service.gc.ArtifactCollector} hands the
 * artifact tables of finished migrations to table garbage collection once their retention has
 * passed (Vitess {@code gcArtifacts}), and {@link dev.onlineddl.service.gc.TableGarbageCollector}
 * takes every GC table through HOLD, PURGE, EVAC and DROP until it is gone (Vitess
 * {@code tablegc}). The executor's tick runs both as its last steps, in that order.
 */
package dev.onlineddl.service.gc;

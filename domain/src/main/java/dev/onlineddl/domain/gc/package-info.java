/**
 * Table garbage collection as pure decisions (Vitess {@code tablegc}): which states a GC table
 * passes through, and for a table in a given state at a given time, what to do with it now.
 * Running the statements is the service's job.
 */
package dev.onlineddl.domain.gc;

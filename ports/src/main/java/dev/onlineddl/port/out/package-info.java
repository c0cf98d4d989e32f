/**
 * What the core needs from the outside world: the migration store, schema inspection, DDL execution and analysis, throttling, processes, the clock.
 */
package dev.onlineddl.port.out;

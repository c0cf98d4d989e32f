/**
 * The pure domain of onlineddl: migrations, their state machine, strategy settings, the executor's rules as pure functions, and naming. Depends on the JDK only.
 */
package dev.onlineddl.domain;

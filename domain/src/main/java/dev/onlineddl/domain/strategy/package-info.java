/**
 * Strategy strings ({@code vitess --postpone-completion}, {@code gh-ost --max-load=...}): parsing,
 * the thirteen flags of Vitess, and runtime options for external tools.
 */
package dev.onlineddl.domain.strategy;

/**
 * Strategy strings ({@code vitess --postpone-completion}, {@code gh-ost --max-load=...}): parsing,
 * the thirteen flags of the seed, and runtime options for external tools.
 */
package dev.onlineddl.domain.strategy;

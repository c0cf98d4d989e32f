/**
 * What a migration reports while it runs: progress and ETA arithmetic, and the message text
 * that fits its column.
 */
package dev.onlineddl.domain.progress;

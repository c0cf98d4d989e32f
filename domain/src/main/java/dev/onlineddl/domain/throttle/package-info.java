/**
 * Throttling online DDL by the user: targets (one migration or all), EXPIRE and RATIO
 * validation, and Go's duration syntax that EXPIRE uses.
 */
package dev.onlineddl.domain.throttle;

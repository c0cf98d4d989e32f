/**
 * Use cases the world calls: submit, control, throttle, query migrations and run one executor tick.
 */
package dev.onlineddl.port.in;

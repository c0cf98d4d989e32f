/**
 * Pooled JDBC connections to the target server (HikariCP over MySQL Connector/J): the
 * {@link dev.onlineddl.port.out.TargetConnections} the executor and its strategies borrow
 * sessions from. Passwords come from a supplier at every physical connect and never appear in a
 * URL, a log line or a {@code toString()}.
 */
package dev.onlineddl.adapter.mysql.jdbc;

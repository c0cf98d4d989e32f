/**
 * Schema inspection and DDL execution on the target server over JDBC: every value is bound,
 * every identifier quoted, and every failure names what was being done and what to do.
 */
package dev.onlineddl.adapter.mysql.inspect;

/**
 * Naming and quoting rules of online DDL, as pure functions: MySQL identifier quoting and length
 * limits, the deterministic UUIDv5/base36 hash, new names for CHECK and FOREIGN KEY constraints
 * of shadow tables, table-GC names ({@code _vt_HOLD_...}) and the artifact table names of the
 * vreplication, gh-ost and pt-osc strategies. These are the only SQL-text rules of the domain;
 * parsing SQL is a port.
 */
package dev.onlineddl.domain.naming;

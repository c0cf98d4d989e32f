/**
 * The native binlog-based online ALTER engine behind the vitess and online strategies.
 */
package dev.onlineddl.adapter.vreplication;

/**
 * MySQL and MariaDB adapters: control schema, migration store, schema inspection, DDL execution and analysis, and the built-in mysql and direct strategies.
 */
package dev.onlineddl.adapter.mysql;

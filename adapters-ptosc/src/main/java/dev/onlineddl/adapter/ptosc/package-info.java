/**
 * The pt-osc strategy: runs pt-online-schema-change with its plugin hooks.
 */
package dev.onlineddl.adapter.ptosc;

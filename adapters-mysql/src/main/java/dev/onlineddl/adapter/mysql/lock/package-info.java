/**
 * The executor's named server lock ({@code GET_LOCK}) that makes one daemon per target the active
 * one and the others standbys.
 */
package dev.onlineddl.adapter.mysql.lock;

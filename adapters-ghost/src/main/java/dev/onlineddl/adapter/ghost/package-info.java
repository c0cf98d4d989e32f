/**
 * The gh-ost strategy: runs the gh-ost binary with hooks and flag files.
 */
package dev.onlineddl.adapter.ghost;

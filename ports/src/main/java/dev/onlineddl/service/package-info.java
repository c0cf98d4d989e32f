/**
 * The executor: use-case services that implement port.in with port.out and the domain rules.
 */
package dev.onlineddl.service;

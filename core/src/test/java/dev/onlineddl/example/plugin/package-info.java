/**
 * An example third-party strategy plugin, {@code slow-copy}: an online ALTER by shadow table,
 * triggers and a chunked copy, written against the SPI ({@code dev.onlineddl.spi}), the domain
 * and {@code dev.onlineddl.port.out} only, as a plugin outside this project would be. An
 * ArchUnit test keeps it that way.
 */
package dev.onlineddl.example.plugin;

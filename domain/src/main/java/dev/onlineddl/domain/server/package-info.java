/**
 * What the target server is and what it can do: flavour (MySQL or MariaDB), version, the
 * capabilities that decide which DDL can run with {@code ALGORITHM=INSTANT}, server variables,
 * binary log positions and sql_mode handling. Pure values and functions; the adapters read the
 * raw facts from the server and hand them here.
 */
package dev.onlineddl.domain.server;

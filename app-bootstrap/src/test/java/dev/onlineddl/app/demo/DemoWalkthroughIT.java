package dev.onlineddl.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.config.DaemonSettingsResolver;
import dev.onlineddl.app.config.Setting;
import dev.onlineddl.app.config.SettingSources;
import dev.onlineddl.app.daemon.Daemon;
import dev.onlineddl.app.wiring.DaggerCoreAssembler;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's walkthrough against a daemon in this JVM on the test server: every step must pass its
 * checks, and a check must catch a result that differs (here: rows lost behind the daemon's back).
 */
@ExtendWith(TestDatabaseExtension.class)
class DemoWalkthroughIT {

    private static final long ROWS = 3_000;

    @Test
    void everyStepPassesItsChecks(TestDatabase db, @TempDir Path home) throws Exception {
        SampleDatabase sample = sampleOn(db);
        sample.create(Math.toIntExact(ROWS));
        StringWriter text = new StringWriter();

        DemoChecks checks;
        try (Daemon daemon = daemonOn(db, home)) {
            checks = new DemoWalkthrough(session(daemon), sample, new PrintWriter(text, true), false, ROWS).run();
        }

        assertThat(checks.problems()).as(text.toString()).isEmpty();
        assertThat(checks.allPassed()).isTrue();
        assertThat(checks.checks()).hasSizeGreaterThan(15);
        assertThat(text.toString()).contains("Step 5 of 5").contains("progress [").doesNotContain("MISMATCH");
        assertThat(sample.rowCount("customers")).isEqualTo(ROWS);
        assertThat(sample.columns("orders")).containsExactly("id", "customer_id", "total", "currency", "placed_at");
    }

    @Test
    void aResultThatDiffersFailsTheDemo(TestDatabase db, @TempDir Path home) throws Exception {
        SampleDatabase sample = sampleOn(db);
        sample.create(Math.toIntExact(ROWS));
        // Fewer rows than the walkthrough was told: its row count checks must notice.
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM customers WHERE id <= 10");
        }
        StringWriter text = new StringWriter();

        DemoChecks checks;
        try (Daemon daemon = daemonOn(db, home)) {
            checks = new DemoWalkthrough(session(daemon), sample, new PrintWriter(text, true), false, ROWS).run();
        }

        assertThat(checks.allPassed()).isFalse();
        assertThat(checks.problems()).contains("rows in customers: expected 3000, found 2990",
                "rows in customers after the REVERT: expected 3000, found 2990");
        assertThat(text.toString()).contains("[MISMATCH]");
    }

    private static SampleDatabase sampleOn(TestDatabase db) {
        Properties credentials = new Properties();
        credentials.setProperty("user", db.user());
        credentials.setProperty("password", db.password());
        return new SampleDatabase(database -> DriverManager.getConnection(
                database.isEmpty() ? db.server().serverJdbcUrl() : db.server().jdbcUrl(database), credentials), db.name());
    }

    private static Daemon daemonOn(TestDatabase db, Path home) throws Exception {
        Path passwordFile = home.resolve("password");
        Files.writeString(passwordFile, db.password());
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.JDBC_URL, db.jdbcUrl());
        flags.put(Setting.USER, db.user());
        flags.put(Setting.PASSWORD_FILE, passwordFile.toString());
        flags.put(Setting.CONTROL_SCHEMA, db.createSiblingDatabase("ctl").name());
        flags.put(Setting.HTTP, "127.0.0.1:0");
        flags.put(Setting.CHECK_INTERVAL, Demo.CHECK_INTERVAL);
        flags.put(Setting.EXECUTOR_ID, "demo-walkthrough-it");
        DaemonSettings settings = DaemonSettingsResolver.forThisMachine()
                .resolve(new SettingSources(flags, Map.of(), Optional.empty()));
        return Daemon.start(settings, home, new DaggerCoreAssembler());
    }

    private static DaemonSession session(Daemon daemon) throws Exception {
        return new DaemonSession(new ApiClient(URI.create("http://" + daemon.apiAddress()), daemon.tokenFile().read()));
    }
}

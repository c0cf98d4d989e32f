package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs two test classes that use the extension, the way a build runs them, and looks at the
 * server afterwards: each class had a database of its own, and none is left.
 */
class DatabaseLifecycleTest {

    @Test
    void everyTestClassGetsAFreshDatabaseThatIsDroppedAfterTheClass() throws SQLException {
        PublishedEntries published = new PublishedEntries();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        // Without auto-registered listeners, so that the build's own report does not count the launched classes.
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build()).execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FirstClassUsingTheExtension.class), selectClass(SecondClassUsingTheExtension.class))
                .build(), published, summary);

        assertThat(summary.getSummary().getTotalFailureCount()).as(failures(summary.getSummary())).isZero();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
        List<String> databases = published.valuesOf("database");
        List<String> siblings = published.valuesOf("sibling");
        assertThat(databases).hasSize(2).doesNotHaveDuplicates();
        assertThat(databases.get(0)).startsWith("t_firstclassusingtheextension_");
        assertThat(databases.get(1)).startsWith("t_secondclassusingtheextension_");
        assertThat(siblings).containsExactly(databases.get(0) + "_extra", databases.get(1) + "_extra");
        for (String database : databases) {
            assertThat(exists(database)).as("database %s after its class", database).isFalse();
        }
        for (String sibling : siblings) {
            assertThat(exists(sibling)).as("sibling %s after its class", sibling).isFalse();
        }
    }

    /** Run only through the launcher above: Surefire skips nested classes ({@code **}{@code /*$*}). */
    @ExtendWith(TestDatabaseExtension.class)
    static class FirstClassUsingTheExtension {

        @Test
        void seesItsDatabase(TestDatabase db, TestReporter reporter) throws SQLException {
            reportDatabases(db, reporter);
        }
    }

    @ExtendWith(TestDatabaseExtension.class)
    static class SecondClassUsingTheExtension {

        @Test
        void seesItsDatabase(TestDatabase db, TestReporter reporter) throws SQLException {
            reportDatabases(db, reporter);
        }
    }

    private static void reportDatabases(TestDatabase db, TestReporter reporter) throws SQLException {
        TestDatabase sibling = db.createSiblingDatabase("extra");
        assertThat(exists(db.name())).isTrue();
        assertThat(exists(sibling.name())).isTrue();
        reporter.publishEntry("database", db.name());
        reporter.publishEntry("sibling", sibling.name());
    }

    private static boolean exists(String database) throws SQLException {
        try (Connection connection = TestServer.shared().openAdminConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) > 0;
            }
        }
    }

    private static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 20);
        return text.toString();
    }

    /** What the launched tests published through {@link TestReporter}, in order. */
    private static final class PublishedEntries implements TestExecutionListener {

        private final List<Map.Entry<String, String>> entries = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
            entries.addAll(entry.getKeyValuePairs().entrySet());
        }

        List<String> valuesOf(String key) {
            synchronized (entries) {
                return entries.stream().filter(entry -> entry.getKey().equals(key)).map(Map.Entry::getValue).toList();
            }
        }
    }
}

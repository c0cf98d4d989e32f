package dev.onlineddl.adapter.vreplication.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.onlineddl.adapter.vreplication.VReplicationPlugin;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data-driven suite, one folder per case under {@code src/test/resources/vrepl-suite}, in the
 * layout of gh-ost's and Vitess's suites:
 * <ul>
 *   <li>{@code create.sql}: creates and fills the table {@code onlineddl_test};</li>
 *   <li>{@code alter}: what follows {@code ALTER TABLE onlineddl_test};</li>
 *   <li>{@code writer.sql} (optional): the writer's statements, one per line, run at random while the
 *       migration runs; {@code :id} and {@code :n} stand for random numbers (1–1500, 1–1000000), and
 *       the two writer threads draw ids of their own parity;</li>
 *   <li>{@code expect_failure} (optional): the migration must fail, its message containing this text,
 *       and the table must be left as it was;</li>
 *   <li>{@code orig_columns} / {@code ghost_columns} (optional): the columns compared in the old and
 *       the new table (default: the columns both have); {@code order_by} (default: all compared columns);</li>
 *   <li>{@code ignore_versions} (optional): a regular expression; servers whose version matches skip the case.</li>
 * </ul>
 * Each case runs with {@code --postpone-completion}: the writer runs until the migration is ready
 * (and at least a second), stops, the migration is completed, and the old table (kept under its
 * {@code _vrepl} name) is compared with the new one.
 */
class VReplSuiteIT extends EngineItSupport {

    private static final String TABLE = "onlineddl_test";
    private static final Pattern PLACEHOLDER = Pattern.compile(":(id|n)\\b");

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path root = suiteRoot();
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    private static Path suiteRoot() throws URISyntaxException {
        return Path.of(VReplSuiteIT.class.getResource("/vrepl-suite").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void migratesAsTheCaseSays(String name) throws Exception {
        Path folder = suiteRoot().resolve(name);
        TestDatabase target = testbed.newTarget();
        Optional<String> ignoreVersions = read(folder, "ignore_versions");
        if (ignoreVersions.isPresent()) {
            String version = String.valueOf(query(target.dataSource(), "SELECT @@version AS v").get(0).get("v"));
            assumeFalse(Pattern.compile(ignoreVersions.get()).matcher(version).find(),
                    "case " + name + " is not for server " + version);
        }
        runScript(target, read(folder, "create.sql").orElseThrow());
        String createdBefore = showCreate(target, TABLE);
        List<String> rowsBefore = rows(target, TABLE, "*", "1");
        OnlineDdl executor = testbed.executor(target, "suite-" + name, List.of(new VReplicationPlugin()));
        List<String> writes = read(folder, "writer.sql").map(VReplSuiteIT::lines).orElse(List.of());
        // each writer thread draws ids of its own parity: two sessions inserting one key can deadlock each other
        TableWriter writer = writes.isEmpty() ? null : new TableWriter(target.dataSource(), 2,
                (TableWriter.Write) (connection, random, thread) -> {
            String sql = writes.get(random.nextInt(writes.size()));
            List<Object> values = new ArrayList<>();
            Matcher placeholders = PLACEHOLDER.matcher(sql);
            StringBuilder bound = new StringBuilder();
            while (placeholders.find()) {
                values.add(placeholders.group(1).equals("id") ? random.nextInt(0, 750) * 2 + 1 + thread
                        : random.nextInt(1, 1_000_001));
                placeholders.appendReplacement(bound, "?");
            }
            placeholders.appendTail(bound);
            try (PreparedStatement statement = connection.prepareStatement(bound.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                statement.executeUpdate();
            }
        });
        long writerStarted = System.nanoTime();
        MigrationUuid uuid = submit(executor, "ALTER TABLE " + TABLE + " " + read(folder, "alter").orElseThrow(),
                "vitess --postpone-completion");

        Optional<String> expectFailure = read(folder, "expect_failure");
        if (expectFailure.isPresent()) {
            awaitStatus(executor, uuid, "failed", "complete");
            if (writer != null) {
                writer.stop();
            }
            assertThat(status(uuid)).isEqualTo("failed");
            assertThat(message(uuid)).contains(expectFailure.get());
            assertThat(showCreate(target, TABLE)).as("the table is left as it was").isEqualTo(createdBefore);
            if (writer == null) {
                assertThat(rows(target, TABLE, "*", "1")).isEqualTo(rowsBefore);
            }
            return;
        }
        awaitReady(executor, uuid);
        if (writer != null) {
            long ranFor = System.nanoTime() - writerStarted;
            long atLeast = Duration.ofSeconds(1).toNanos();
            if (ranFor < atLeast) {
                // let the writer meet the stream for a while, not only the copy
                java.util.concurrent.locks.LockSupport.parkNanos(atLeast - ranFor);
            }
            writer.stop();
            assertThat(writer.errors()).as("the writer's errors: " + writer.firstError()).isZero();
            assertThat(writer.writes()).isPositive();
        }
        awaitReady(executor, uuid);
        executor.controlMigration().complete(uuid);
        awaitStatus(executor, uuid, "complete", "failed");
        assertThat(status(uuid)).as(message(uuid)).isEqualTo("complete");

        String old = vreplTable(target, uuid).orElseThrow();
        List<String> shared = sharedColumns(target, old, TABLE);
        String origColumns = read(folder, "orig_columns").orElse(String.join(", ", shared));
        String ghostColumns = read(folder, "ghost_columns").orElse(String.join(", ", shared));
        String orderBy = read(folder, "order_by").orElse(positions(origColumns));
        assertThat(rows(target, TABLE, ghostColumns, orderBy)).as("the new table's rows over " + ghostColumns)
                .isEqualTo(rows(target, old, origColumns, orderBy));
    }

    private static List<String> sharedColumns(TestDatabase target, String old, String altered) throws Exception {
        List<String> oldColumns = columns(target, old);
        List<String> newColumns = columns(target, altered);
        return oldColumns.stream().filter(newColumns::contains).map(EngineItSupport::quote).toList();
    }

    private static List<String> columns(TestDatabase target, String table) throws Exception {
        return query(target.dataSource(), "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ? AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION", target.name(), table)
                .stream().map(row -> (String) row.get("c")).toList();
    }

    /** {@code 1, 2, 3} for three columns: order by everything compared. */
    private static String positions(String columns) {
        int count = columns.split(",").length;
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            positions.add(String.valueOf(i));
        }
        return String.join(", ", positions);
    }

    private static String showCreate(TestDatabase target, String table) throws Exception {
        return String.valueOf(query(target.dataSource(), "SHOW CREATE TABLE " + quote(table)).get(0).get("Create Table"));
    }

    private static void runScript(TestDatabase target, String script) throws Exception {
        try (Connection connection = target.openConnection(); Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*(\\n|$)")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("--")).toList();
    }

    private static Optional<String> read(Path folder, String file) {
        Path path = folder.resolve(file);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

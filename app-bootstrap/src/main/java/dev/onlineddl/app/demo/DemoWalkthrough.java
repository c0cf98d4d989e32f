package dev.onlineddl.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.json.Json;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The demo's story, told against a running daemon: each step submits what a user would submit,
 * waits for the daemon to carry it out, and checks the result in the database itself. A step that
 * cannot be carried out ends the story (later steps build on it); the checks say what went wrong.
 */
final class DemoWalkthrough {

    /** Generous: a 200,000-row copy takes seconds here, but CI machines are slow and shared. */
    static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(3);

    static final String ORDERS_CREATE = "CREATE TABLE orders ("
            + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            + "customer_id BIGINT NOT NULL, "
            + "total DECIMAL(10,2) NOT NULL, "
            + "KEY idx_customer (customer_id))";
    static final String CUSTOMERS_ALTER = "ALTER TABLE customers ADD COLUMN loyalty_points INT NOT NULL DEFAULT 0, "
            + "ALGORITHM=COPY";
    static final String NOTES_CREATE = "CREATE TABLE customer_notes ("
            + "id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL, note TEXT)";
    static final String ORDERS_DECLARED = "CREATE TABLE orders ("
            + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            + "customer_id BIGINT NOT NULL, "
            + "total DECIMAL(10,2) NOT NULL, "
            + "currency CHAR(3) NOT NULL DEFAULT 'CHF', "
            + "placed_at DATETIME NULL, "
            + "KEY idx_customer (customer_id), "
            + "KEY idx_placed_at (placed_at))";

    private final DaemonSession daemon;
    private final SampleDatabase database;
    private final PrintWriter out;
    private final boolean terminal;
    private final long sampleRows;
    private final DemoChecks checks;

    DemoWalkthrough(DaemonSession daemon, SampleDatabase database, PrintWriter out, boolean terminal, long sampleRows) {
        this.daemon = Objects.requireNonNull(daemon, "daemon");
        this.database = Objects.requireNonNull(database, "database");
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.sampleRows = sampleRows;
        this.checks = new DemoChecks(out);
    }

    /** Runs every step it can; the checks tell whether the demo showed what it promised. */
    DemoChecks run() {
        List<Step> steps = List.of(
                new Step("CREATE TABLE with the default strategy (vitess)", this::createTable),
                new Step("ALTER TABLE with the mysql strategy, copying " + String.format(Locale.ROOT, "%,d", sampleRows)
                        + " rows", this::alterWithProgress),
                new Step("a postponed migration, completed on command", this::postponedCompletion),
                new Step("DROP TABLE, then REVERT of that DROP", this::dropAndRevert),
                new Step("a declarative CREATE TABLE of an existing table becomes an ALTER", this::declarativeCreate));
        int number = 0;
        for (Step step : steps) {
            number++;
            out.println();
            out.println("Step " + number + " of " + steps.size() + ": " + step.title());
            out.flush();
            try {
                step.body().run();
            } catch (DemoFailure | SQLException failure) {
                checks.failed("step " + number + " (" + step.title() + ")", failure.getMessage());
                out.println("    the remaining steps build on this one: skipping them");
                break;
            }
        }
        return checks;
    }

    private record Step(String title, StepBody body) {
    }

    @FunctionalInterface
    private interface StepBody {
        void run() throws SQLException;
    }

    private void createTable() throws SQLException {
        String uuid = submit("vitess", ORDERS_CREATE);
        ObjectNode row = awaitEnd(uuid);
        checks.expect("migration " + uuid + " status", "complete", DaemonSession.status(row));
        checks.expect("table orders exists", true, database.tableExists("orders"));
    }

    private void alterWithProgress() throws SQLException {
        String uuid = submit("mysql", CUSTOMERS_ALTER);
        ProgressBar bar = new ProgressBar(out, terminal, "    progress");
        ObjectNode row = daemon.awaitEnd(uuid, MIGRATION_TIMEOUT,
                seen -> bar.show(DaemonSession.progress(seen), DaemonSession.status(seen)));
        bar.show(DaemonSession.progress(row), DaemonSession.status(row));
        bar.finish();
        checks.expect("migration " + uuid + " status", "complete", DaemonSession.status(row));
        checks.expect("customers has the new column", true, database.columns("customers").contains("loyalty_points"));
        checks.expect("rows in customers", sampleRows, database.rowCount("customers"));
    }

    private void postponedCompletion() throws SQLException {
        String uuid = submit("vitess --postpone-completion", NOTES_CREATE);
        // A postponed CREATE is reviewed and marked ready to complete (it would take a moment), then
        // held in the queue until someone completes it.
        ObjectNode held = daemon.awaitRow(uuid, MIGRATION_TIMEOUT, DemoWalkthrough::readyToComplete, row -> { },
                "ready_to_complete");
        out.println("    the daemon holds it: status " + DaemonSession.status(held) + ", ready_to_complete 1,"
                + " waiting for 'complete'");
        checks.expect("status while held", "queued", DaemonSession.status(held));
        checks.expect("customer_notes exists before 'complete'", false, database.tableExists("customer_notes"));
        out.println("    $ onlineddl complete " + uuid);
        long affected = daemon.complete(uuid);
        checks.expect("migrations affected by 'complete'", 1L, affected);
        ObjectNode row = awaitEnd(uuid);
        checks.expect("migration " + uuid + " status", "complete", DaemonSession.status(row));
        checks.expect("customer_notes exists after 'complete'", true, database.tableExists("customer_notes"));
    }

    private void dropAndRevert() throws SQLException {
        String drop = submit("vitess", "DROP TABLE customers");
        ObjectNode dropped = awaitEnd(drop);
        checks.expect("migration " + drop + " status", "complete", DaemonSession.status(dropped));
        checks.expect("customers exists after the DROP", false, database.tableExists("customers"));
        // artifacts is a comma-separated list, as Vitess appends to it ("name,").
        String renamedTo = Arrays.stream(Json.string(dropped, "artifacts").orElse("").split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).findFirst().orElse("(no artifact recorded)");
        out.println("    the rows are not gone: the table was renamed to " + renamedTo + ", kept for the retention period");

        String revert = submit("vitess", "REVERT VITESS_MIGRATION '" + drop + "'");
        ObjectNode reverted = awaitEnd(revert);
        checks.expect("migration " + revert + " status", "complete", DaemonSession.status(reverted));
        checks.expect("customers exists after the REVERT", true, database.tableExists("customers"));
        checks.expect("rows in customers after the REVERT", sampleRows, database.rowCount("customers"));
        checks.expect("customers still has the column of step 2", true,
                database.columns("customers").contains("loyalty_points"));
    }

    private void declarativeCreate() throws SQLException {
        String uuid = submit("mysql --declarative", ORDERS_DECLARED);
        ObjectNode row = awaitEnd(uuid);
        checks.expect("migration " + uuid + " status", "complete", DaemonSession.status(row));
        checks.expect("what the migration became", "alter", Json.string(row, "ddl_action").orElse("?"));
        out.println("    the daemon compared it with the live table and ran: " + Json.string(row, "message").orElse(""));
        checks.expect("SHOW CREATE TABLE orders equals the declared table",
                database.expectedShowCreate(ORDERS_DECLARED, "orders"), database.showCreateTable("orders"));
    }

    private static boolean readyToComplete(ObjectNode row) {
        JsonNode ready = row.path("ready_to_complete");
        return ready.isBoolean() ? ready.booleanValue() : ready.asText().equals("1");
    }

    private String submit(String strategy, String sql) {
        out.println("    $ onlineddl submit --strategy \"" + strategy + "\" \"" + sql + "\"");
        String uuid = daemon.submitOne(strategy, sql);
        out.println("    " + uuid);
        out.flush();
        return uuid;
    }

    private ObjectNode awaitEnd(String uuid) {
        return daemon.awaitEnd(uuid, MIGRATION_TIMEOUT, row -> { });
    }
}

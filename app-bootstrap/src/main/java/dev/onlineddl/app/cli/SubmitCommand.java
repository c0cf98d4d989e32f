package dev.onlineddl.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit DDL: one migration per statement (and per table of a multi-table DROP). Prints one"
                + " migration UUID per line.",
        footer = {"", "Examples:",
                "  onlineddl submit \"ALTER TABLE orders ADD COLUMN note TEXT\"",
                "  onlineddl submit --strategy \"vitess --postpone-completion\" \\",
                "      --context deploy-42 \"CREATE TABLE t1 (id INT); DROP TABLE t0\"",
                "  onlineddl submit --strategy mysql - < migration.sql"})
final class SubmitCommand extends ClientCommand {

    @Option(names = "--strategy", paramLabel = "STRATEGY",
            description = "Strategy and flags, e.g. \"vitess --postpone-completion\" (default: vitess).")
    String strategy = "";

    @Option(names = "--context", paramLabel = "C", description = "Migration context: groups the migrations, makes re-submission idempotent. Default: a fresh onlineddl:<uuid> for this submission.")
    String context = "";

    @Option(names = "--uuid", paramLabel = "U", description = "Use this migration UUID (only with a single statement).")
    String uuid;

    @Parameters(arity = "1..*", paramLabel = "SQL",
            description = "The statement(s), separated by ';'. Quote them for the shell; '-' reads them from standard input.")
    List<String> sql;

    SubmitCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        ObjectNode request = Json.object().put("sql", statements());
        if (!strategy.isEmpty()) {
            request.put("strategy", strategy);
        }
        if (!context.isEmpty()) {
            request.put("context", context);
        }
        if (uuid != null) {
            request.put("uuid", uuid(uuid).value());
        }
        return finish(api.post("api/migrations", request),
                body -> Json.strings(body, "uuids").forEach(out()::println));
    }

    private String statements() {
        if (sql.size() == 1 && sql.get(0).equals("-")) {
            try {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the SQL from standard input: " + e.getMessage(), e);
            }
        }
        // Unquoted words come split by the shell: put them back together.
        return String.join(" ", sql);
    }
}

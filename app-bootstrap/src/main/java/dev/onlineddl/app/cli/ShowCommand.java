package dev.onlineddl.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "List migrations (SHOW VITESS_MIGRATIONS): all, recent (past week), those in a status, one by"
                + " UUID, or those of a migration context.",
        footer = {"", "Examples:",
                "  onlineddl show",
                "  onlineddl show running",
                "  onlineddl show deploy-42 --json | jq '.[].migration_status'"})
final class ShowCommand extends ClientCommand {

    @Parameters(arity = "0..1", paramLabel = "WHICH", defaultValue = "all",
            description = "all | recent | queued | ready | running | complete | failed | cancelled | <uuid> | <context>"
                    + " (default: ${DEFAULT-VALUE})")
    String which;

    @Option(names = "--json", description = "Print full rows, named as the schema_migrations columns, as a JSON array.")
    boolean json;

    ShowCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        String query = "api/migrations?show=" + URLEncoder.encode(which, StandardCharsets.UTF_8);
        return finish(api.get(query), body -> {
            List<ObjectNode> rows = rows(body);
            if (json) {
                printJson(rows);
            } else if (rows.isEmpty()) {
                err().println("no migrations match '" + which + "'");
            } else {
                MigrationTable.print(rows, out());
            }
        });
    }

    private static List<ObjectNode> rows(ObjectNode body) {
        return Json.objects(body, "migrations");
    }

    /** One row per line inside the array: valid JSON that still reads well and greps well. */
    private void printJson(List<ObjectNode> rows) {
        if (rows.isEmpty()) {
            out().println("[]");
            return;
        }
        out().println("[");
        for (int i = 0; i < rows.size(); i++) {
            out().println("  " + Json.write(rows.get(i)) + (i + 1 < rows.size() ? "," : ""));
        }
        out().println("]");
    }
}

package dev.onlineddl.app.cli;

import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a migration's log: its external tool's log file, or its stored message.",
        footer = {"", "Example:", "  onlineddl logs 3f5e7a10_8c2b_11ee_b9d1_0242ac120002"})
final class LogsCommand extends ClientCommand {

    @Parameters(paramLabel = "UUID", description = "The migration.")
    String uuid;

    LogsCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        return finish(api.get("api/migrations/" + uuid(uuid) + "/logs"), body -> {
            String logs = Json.string(body, "logs").orElse("");
            out().print(logs);
            if (!logs.isEmpty() && !logs.endsWith("\n")) {
                out().println();
            }
        });
    }
}

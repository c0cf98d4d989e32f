package dev.onlineddl.app.cli;

import dev.onlineddl.app.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "retry", mixinStandardHelpOptions = true, description = "Queue a failed or cancelled migration again.",
        footer = {"", "Example:", "  onlineddl retry 3f5e7a10_8c2b_11ee_b9d1_0242ac120002"})
final class RetryCommand extends ClientCommand {

    @Parameters(paramLabel = "UUID", description = "The migration to retry.")
    String uuid;

    RetryCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        return finish(api.post("api/migrations/" + uuid(uuid) + "/retry", null), body -> out().println(affected("retry", body)));
    }
}

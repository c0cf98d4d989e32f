package dev.onlineddl.app.cli;

import dev.onlineddl.app.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cleanup", mixinStandardHelpOptions = true, description = "Let a migration's artifact tables be collected now instead of after the retention period.",
        footer = {"", "Example:", "  onlineddl cleanup 3f5e7a10_8c2b_11ee_b9d1_0242ac120002"})
final class CleanupCommand extends ClientCommand {

    @Parameters(paramLabel = "UUID", description = "The migration whose artifacts to collect.")
    String uuid;

    CleanupCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        return finish(api.post("api/migrations/" + uuid(uuid) + "/cleanup", null),
                body -> out().println(affected("cleanup", body)));
    }
}

package dev.onlineddl.app.cli;

import dev.onlineddl.app.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "unthrottle", mixinStandardHelpOptions = true, description = "Remove the throttling of a migration, or of all migrations.",
        footer = {"", "Examples:", "  onlineddl unthrottle 3f5e7a10_8c2b_11ee_b9d1_0242ac120002", "  onlineddl unthrottle --all"})
final class UnthrottleCommand extends ClientCommand {

    @Parameters(arity = "0..1", paramLabel = "UUID", description = "The migration to unthrottle.")
    String uuid;

    @Option(names = "--all", description = "Unthrottle all migrations (the throttler app online-ddl).")
    boolean all;

    UnthrottleCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        requireUuidOrAll(uuid, all);
        String path = all ? "api/migrations/all/unthrottle" : "api/migrations/" + uuid(uuid) + "/unthrottle";
        return finish(api.post(path, null), body -> out().println(affected("unthrottle", body)));
    }
}

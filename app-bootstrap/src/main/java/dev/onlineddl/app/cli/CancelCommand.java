package dev.onlineddl.app.cli;

import dev.onlineddl.app.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a queued, ready or running migration (a running one is stopped first), or all pending ones.",
        footer = {"", "Examples:", "  onlineddl cancel 3f5e7a10_8c2b_11ee_b9d1_0242ac120002", "  onlineddl cancel --all"})
final class CancelCommand extends ClientCommand {

    @Parameters(arity = "0..1", paramLabel = "UUID", description = "The migration to cancel.")
    String uuid;

    @Option(names = "--all", description = "Cancel every pending migration.")
    boolean all;

    CancelCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        requireUuidOrAll(uuid, all);
        String path = all ? "api/migrations/all/cancel" : "api/migrations/" + uuid(uuid) + "/cancel";
        return finish(api.post(path, null), body -> out().println(affected("cancel", body)));
    }
}

package dev.onlineddl.app.cli;

import dev.onlineddl.app.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "complete", mixinStandardHelpOptions = true,
        description = "Let a migration submitted with --postpone-completion cut over, or all of them.",
        footer = {"", "Examples:", "  onlineddl complete 3f5e7a10_8c2b_11ee_b9d1_0242ac120002", "  onlineddl complete --all"})
final class CompleteCommand extends ClientCommand {

    @Parameters(arity = "0..1", paramLabel = "UUID", description = "The migration to complete.")
    String uuid;

    @Option(names = "--all", description = "Complete every postponed migration.")
    boolean all;

    CompleteCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        requireUuidOrAll(uuid, all);
        String path = all ? "api/migrations/all/complete" : "api/migrations/" + uuid(uuid) + "/complete";
        return finish(api.post(path, null), body -> out().println(affected("complete", body)));
    }
}

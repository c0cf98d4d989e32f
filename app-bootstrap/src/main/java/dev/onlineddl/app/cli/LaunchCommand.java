package dev.onlineddl.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.json.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "launch", mixinStandardHelpOptions = true,
        description = "Let a migration submitted with --postpone-launch start, or all of them.",
        footer = {"", "Examples:", "  onlineddl launch 3f5e7a10_8c2b_11ee_b9d1_0242ac120002",
                "  onlineddl launch 3f5e7a10_8c2b_11ee_b9d1_0242ac120002 --shards -80,80-", "  onlineddl launch --all"})
final class LaunchCommand extends ClientCommand {

    @Parameters(arity = "0..1", paramLabel = "UUID", description = "The migration to launch.")
    String uuid;

    @Option(names = "--all", description = "Launch every postponed migration.")
    boolean all;

    @Option(names = "--shards", split = ",", paramLabel = "SHARD",
            description = "Launch only if this executor's shard is among these (comma-separated).")
    List<String> shards = new ArrayList<>();

    LaunchCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        requireUuidOrAll(uuid, all);
        if (all && !shards.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--shards applies to one migration, not to --all");
        }
        if (all) {
            return finish(api.post("api/migrations/all/launch", null), body -> out().println(affected("launch", body)));
        }
        ObjectNode request = Json.object().set("shards", Json.strings(shards));
        return finish(api.post("api/migrations/" + uuid(uuid) + "/launch", request),
                body -> out().println(affected("launch", body)));
    }
}

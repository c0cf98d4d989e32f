package dev.onlineddl.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "throttle", mixinStandardHelpOptions = true,
        description = "Slow a migration down (or all of them): with ratio 1 it makes no progress until unthrottled or expired.",
        footer = {"", "Examples:", "  onlineddl throttle 3f5e7a10_8c2b_11ee_b9d1_0242ac120002 --expire 1h \\",
                "      --ratio 0.5",
                "  onlineddl throttle --all"})
final class ThrottleCommand extends ClientCommand {

    @Parameters(arity = "0..1", paramLabel = "UUID", description = "The migration to throttle.")
    String uuid;

    @Option(names = "--all", description = "Throttle all migrations (the throttler app online-ddl).")
    boolean all;

    @Option(names = "--expire", paramLabel = "DURATION", description = "How long, e.g. 30m, 1h, 24h (default: 100 years).")
    String expire;

    @Option(names = "--ratio", paramLabel = "RATIO", description = "0.0 (no throttling) to 1.0 (full stop; the default).")
    String ratio;

    ThrottleCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    int run(ApiClient api) {
        requireUuidOrAll(uuid, all);
        ObjectNode request = Json.object();
        if (expire != null) {
            request.put("expire", expire);
        }
        if (ratio != null) {
            request.put("ratio", ratio);
        }
        String path = all ? "api/migrations/all/throttle" : "api/migrations/" + uuid(uuid) + "/throttle";
        return finish(api.post(path, request), body -> out().println(affected("throttle", body)));
    }
}

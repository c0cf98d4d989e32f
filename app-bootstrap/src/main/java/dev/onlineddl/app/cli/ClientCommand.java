package dev.onlineddl.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.client.ApiAnswer;
import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.client.ClientToken;
import dev.onlineddl.app.client.DaemonUnreachableException;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.domain.MigrationUuid;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that asks a running daemon over its HTTP API. It prints results on standard output
 * and problems on standard error, and exits 0 (done), 1 (refused: fix the request) or 2 (failed).
 */
abstract class ClientCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;
    private ClientToken token;

    ClientCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Sends the request(s) and prints the outcome; returns the exit code. */
    abstract int run(ApiClient api);

    @Override
    public final Integer call() {
        URI server;
        try {
            server = client.serverUri();
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        try {
            token = ClientToken.find(server, client.tokenFile(), environment.environment(), environment.home());
            return run(new ApiClient(server, token.token()));
        } catch (DaemonUnreachableException | UncheckedIOException unreachable) {
            err().println(unreachable.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** Prints a refusal or failure and returns its exit code; runs {@code onSuccess} otherwise. */
    final int finish(ApiAnswer answer, Consumer<ObjectNode> onSuccess) {
        if (answer.isSuccess()) {
            onSuccess.accept(answer.body());
            out().flush();
            return ExitCodes.SUCCESS;
        }
        String prefix = "onlineddl " + spec.name() + ": ";
        if (answer.status() == 401 && token.token().isEmpty()) {
            err().println(prefix + "no API token found (looked at " + token.whereLooked() + "): is the daemon running"
                    + " as another user or on another address? give --token-file or ONLINEDDL_TOKEN");
        } else {
            err().println(prefix + answer.error());
        }
        return answer.isRejection() ? ExitCodes.REJECTED : ExitCodes.FAILURE;
    }

    final MigrationUuid uuid(String text) {
        if (!MigrationUuid.isValid(text)) {
            throw new ParameterException(spec.commandLine(), "invalid migration UUID '" + text
                    + "': expected xxxxxxxx_xxxx_xxxx_xxxx_xxxxxxxxxxxx, as 'onlineddl submit' and 'onlineddl show' print it");
        }
        return MigrationUuid.parse(text);
    }

    /** Exactly one of a UUID and {@code --all}. */
    final void requireUuidOrAll(String uuidText, boolean all) {
        if ((uuidText == null) == !all) {
            throw new ParameterException(spec.commandLine(), all
                    ? "give either a migration UUID or --all, not both"
                    : "give a migration UUID, or --all for every pending migration");
        }
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    static String affected(String command, ObjectNode body) {
        long count = Json.number(body, "migrations_affected").orElse(0L);
        return command + ": " + count + (count == 1 ? " migration" : " migrations") + " affected";
    }
}

package dev.onlineddl.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The {@code onlineddl} command line: parses, runs the command and answers its exit code. */
public final class OnlineDdlCli {

    private OnlineDdlCli() {
    }

    public static int run(String[] args, CliEnvironment environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand(), new Factory(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        applyExitCodes(commandLine);
        commandLine.setDefaultValueProvider(argument -> defaultValue(argument, environment));
        commandLine.setExecutionStrategy(parseResult -> {
            if (isVerbose(parseResult)) {
                ((Logger) LoggerFactory.getLogger("dev.onlineddl")).setLevel(Level.DEBUG);
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> {
            String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
            failed.getErr().println("onlineddl " + failed.getCommandName() + ": " + message);
            if (isVerbose(parseResult)) {
                failure.printStackTrace(failed.getErr());
            }
            return ExitCodes.FAILURE;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** A wrong flag or argument is a rejection (1), as a refused request is; picocli's default would be 2. */
    private static void applyExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.REJECTED);
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCodes.FAILURE);
        commandLine.getSubcommands().values().forEach(OnlineDdlCli::applyExitCodes);
    }

    /** {@code --server} defaults to ONLINEDDL_SERVER of the given environment (not necessarily the process's). */
    private static String defaultValue(ArgSpec argument, CliEnvironment environment) {
        if (argument instanceof OptionSpec option && option.longestName().equals("--server")) {
            String fromEnvironment = environment.environment().get(ClientOptions.SERVER_VARIABLE);
            return fromEnvironment == null || fromEnvironment.isBlank() ? ClientOptions.DEFAULT_SERVER : fromEnvironment;
        }
        return null;
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Commands get the environment through their constructor; picocli's own classes are made as usual. */
    private static final class Factory implements CommandLine.IFactory {
        private final CliEnvironment environment;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliEnvironment.class);
                return constructor.newInstance(environment);
            } catch (NoSuchMethodException noEnvironmentNeeded) {
                return fallback.create(type);
            }
        }
    }
}

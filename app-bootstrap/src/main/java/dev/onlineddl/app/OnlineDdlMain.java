package dev.onlineddl.app;

import dev.onlineddl.app.cli.CliEnvironment;
import dev.onlineddl.app.cli.OnlineDdlCli;
import dev.onlineddl.app.daemon.ForegroundDaemon;
import dev.onlineddl.app.wiring.DaggerCoreAssembler;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** The {@code onlineddl} executable: {@code java -jar onlineddl.jar <command> ...}. */
public final class OnlineDdlMain {

    private OnlineDdlMain() {
    }

    public static void main(String[] args) {
        // jOOQ prints a banner and tips on first use; a daemon's log is not the place.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        CliEnvironment environment = new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                new ForegroundDaemon(new DaggerCoreAssembler()));
        Charset charset = Charset.defaultCharset();
        int exitCode = OnlineDdlCli.run(args, environment, new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset));
        System.exit(exitCode);
    }
}

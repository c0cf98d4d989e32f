package dev.onlineddl.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Connector/J URLs for the test server. They never carry credentials: those travel as driver properties. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * What every URL the kit hands out sets: no TLS, because the servers the kit starts do not
     * offer it ({@code --skip-ssl} saves seconds per start) and tests gain nothing from it; public
     * key retrieval, because MySQL 8's {@code caching_sha2_password} needs it without TLS.
     */
    static Map<String, String> defaultParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sslMode", "DISABLED");
        parameters.put("allowPublicKeyRetrieval", "true");
        return parameters;
    }

    /** {@code jdbc:mysql://host:port/database?parameters}; an empty database gives a URL without a default schema. */
    static String of(String host, int port, String database, Map<String, String> parameters) {
        String hostPart = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        String query = parameters.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return "jdbc:mysql://" + hostPart + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

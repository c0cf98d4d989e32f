package dev.onlineddl.app.metrics;

import java.util.List;

/**
 * A scrape's lines for assertions, each sample's value in its shortest numeric form. Prometheus
 * samples are floating-point numbers, and the client library writes a gauge or a counter at 2 as
 * {@code 2.0} (a bucket count as {@code 2}); the daemon serves what the library writes, and tests
 * compare values as numbers, not as one version of the library happens to print them, by reading
 * {@code 2.0} as {@code 2}. Comment lines and non-integral values are left as they are.
 */
public final class PrometheusLines {

    private PrometheusLines() {
    }

    public static List<String> of(String exposition) {
        return exposition.lines().map(PrometheusLines::shortest).toList();
    }

    private static String shortest(String line) {
        int space = line.lastIndexOf(' ');
        if (line.startsWith("#") || space < 0) {
            return line;
        }
        String value = line.substring(space + 1);
        try {
            double number = Double.parseDouble(value);
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return line.substring(0, space + 1) + (long) number;
            }
        } catch (NumberFormatException notANumber) {
            // +Inf, NaN: as written
        }
        return line;
    }
}

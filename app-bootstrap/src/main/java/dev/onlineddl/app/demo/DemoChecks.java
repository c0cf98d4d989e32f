package dev.onlineddl.app.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the demo checked, each printed as it is checked; the demo passes only if every one held. */
final class DemoChecks {

    /** One expectation and what was found. */
    record Check(String what, String expected, String actual) {
        Check {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
        }

        boolean passed() {
            return expected.equals(actual);
        }
    }

    private final PrintWriter out;
    private final List<Check> checks = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    DemoChecks(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Records and prints one check; a mismatch prints both sides, a long text (SHOW CREATE) on lines of its own. */
    boolean expect(String what, Object expected, Object actual) {
        Check check = new Check(what, String.valueOf(expected), String.valueOf(actual));
        checks.add(check);
        if (check.passed()) {
            out.println("    check: " + what + " -> " + oneLine(check.actual()) + "  [ok]");
        } else {
            out.println("    check: " + what + "  [MISMATCH]");
            out.println("      expected: " + indented(check.expected()));
            out.println("      found:    " + indented(check.actual()));
        }
        out.flush();
        return check.passed();
    }

    /** A step that could not be carried out at all. */
    void failed(String step, String why) {
        failures.add(step + ": " + why);
        out.println("    FAILED: " + why);
        out.flush();
    }

    boolean allPassed() {
        return failures.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>(failures);
        checks.stream().filter(check -> !check.passed())
                .map(check -> check.what() + ": expected " + oneLine(check.expected()) + ", found " + oneLine(check.actual()))
                .forEach(problems::add);
        return problems;
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 100 ? flat.substring(0, 97) + "..." : flat;
    }

    private static String indented(String text) {
        return text.replace("\n", "\n                ");
    }
}

package dev.onlineddl.app.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws a migration's progress as the daemon reports it. On a terminal the bar is redrawn in place
 * (carriage return); into a file or a CI log each redraw would be a line of its own, so there it
 * prints a line only when the progress passes the next tenth, and never the same percentage twice.
 */
final class ProgressBar {

    static final int WIDTH = 30;
    private static final double STEP_FOR_LOGS = 10.0;

    private final PrintWriter out;
    private final boolean redrawInPlace;
    private final String label;
    private double lastShown = -1;
    private boolean drawn;

    ProgressBar(PrintWriter out, boolean redrawInPlace, String label) {
        this.out = Objects.requireNonNull(out, "out");
        this.redrawInPlace = redrawInPlace;
        this.label = Objects.requireNonNull(label, "label");
    }

    /** @param percent 0..100 as in {@code schema_migrations.progress}; values outside are clamped */
    void show(double percent, String status) {
        double clamped = clamp(percent);
        if (redrawInPlace) {
            out.print("\r" + render(label, clamped, status));
            out.flush();
            drawn = true;
        } else if (lastShown < 0 || clamped >= nextStep(lastShown) || (clamped == 100.0 && lastShown < 100.0)) {
            out.println(render(label, clamped, status));
            out.flush();
            drawn = true;
        } else {
            return;
        }
        lastShown = clamped;
    }

    /** Ends the bar's line (on a terminal the cursor still stands after the bar). */
    void finish() {
        if (redrawInPlace && drawn) {
            out.println();
            out.flush();
        }
    }

    static String render(String label, double percent, String status) {
        double clamped = clamp(percent);
        int filled = (int) Math.floor(clamped * WIDTH / 100.0);
        return String.format(Locale.ROOT, "%s [%s%s] %5.1f%% %-9s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                clamped, status);
    }

    private static double nextStep(double shown) {
        return (Math.floor(shown / STEP_FOR_LOGS) + 1) * STEP_FOR_LOGS;
    }

    private static double clamp(double percent) {
        if (Double.isNaN(percent)) {
            return 0;
        }
        return Math.max(0, Math.min(100, percent));
    }
}

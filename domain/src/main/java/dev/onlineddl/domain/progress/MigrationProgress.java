package dev.onlineddl.domain.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Progress and ETA arithmetic of a migration, as Vitess computes them in SQL
 * ({@code sqlUpdateMigrationProgressByRowsCopied}, {@code sqlUpdateMigrationETASecondsByProgress}),
 * so that a store may compute them in Java or in SQL and get the same numbers.
 */
public final class MigrationProgress {

    /** Progress of a migration that has not copied anything yet. */
    public static final double PROGRESS_STARTED = 0.0;
    /** Progress of a migration that has copied everything (and of an empty table). */
    public static final double PROGRESS_FULL = 100.0;
    /** ETA when nothing can be estimated yet: no progress so far. */
    public static final long ETA_UNKNOWN = -1;
    /** ETA of a migration that could complete right away. */
    public static final long ETA_NOW = 0;
    /** Rows copied when the engine has not reported any. */
    public static final long ROWS_COPIED_UNKNOWN = 0;

    /**
     * MySQL divides integers as DECIMAL with {@code div_precision_increment} (4) more decimals,
     * rounding half up: {@code 100*1/3} is 33.3333, not 33.333333333333336.
     */
    private static final int MYSQL_DIVISION_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MigrationProgress() {
    }

    /**
     * Progress from the row counts: 100 for an empty table (nothing to copy), else
     * {@code min(100, 100 * rowsCopied / tableRows)}; the table's row count is an estimate, so
     * more rows than estimated may be copied.
     *
     * @throws IllegalArgumentException for a negative count
     */
    public static double progressByRowsCopied(long rowsCopied, long tableRows) {
        requireCount("rows copied", rowsCopied);
        requireCount("table rows", tableRows);
        if (tableRows == 0) {
            return PROGRESS_FULL;
        }
        BigDecimal percent = HUNDRED.multiply(BigDecimal.valueOf(rowsCopied))
                .divide(BigDecimal.valueOf(tableRows), MYSQL_DIVISION_SCALE, RoundingMode.HALF_UP);
        return percent.min(HUNDRED).doubleValue();
    }

    /**
     * Seconds to completion: {@link #ETA_UNKNOWN} while progress is 0, {@link #ETA_NOW} for an
     * empty table, else the time so far stretched over what is left,
     * {@code max(0, elapsedSeconds * (100 / progress - 1))}, rounded to the nearest whole second
     * (ties to even) as MySQL stores a DOUBLE into a BIGINT column.
     *
     * @param progress       the stored progress, 0..100
     * @param tableRows      the table's estimated rows
     * @param elapsedSeconds whole seconds since the migration started (see {@link #elapsedSeconds})
     */
    public static long etaSecondsByProgress(double progress, long tableRows, long elapsedSeconds) {
        if (progress == 0) {
            return ETA_UNKNOWN;
        }
        if (tableRows == 0) {
            return ETA_NOW;
        }
        double remaining = elapsedSeconds * ((100 / progress) - 1);
        return (long) Math.rint(Math.max(0, remaining));
    }

    /**
     * Whole seconds from {@code started} to {@code now}, cut toward zero as MySQL's
     * {@code TIMESTAMPDIFF(SECOND, started, now)} does (also when {@code now} is earlier).
     */
    public static long elapsedSeconds(Instant started, Instant now) {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(now, "now");
        Duration elapsed = Duration.between(started, now);
        long seconds = elapsed.getSeconds();
        // Duration keeps nanoseconds positive, so a negative span with a fraction is one second
        // further from zero than TIMESTAMPDIFF would say.
        if (seconds < 0 && elapsed.getNano() > 0) {
            seconds++;
        }
        return seconds;
    }

    private static void requireCount(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + value);
        }
    }
}

package dev.onlineddl.spi;

/**
 * Well-known names for {@link StrategyContext#setting(String)}: settings the embedding application
 * (the daemon's flags, configuration file and environment) hands to strategy engines. A plugin
 * may read names of its own too; the application passes on whatever it was given under that name.
 *
 * <p>Values are plain text, never secrets: passwords and tokens reach an engine through
 * {@link StrategyContext#connections()} and {@link StrategyContext#callbacks}.
 */
public final class StrategySettings {

    /** The gh-ost executable (the daemon's {@code --gh-ost-path}); unset means: look for {@code gh-ost} on the PATH. */
    public static final String GH_OST_PATH = "gh-ost-path";

    /**
     * The pt-online-schema-change executable (the daemon's {@code --pt-osc-path}); unset means:
     * look for {@code pt-online-schema-change} on the PATH.
     */
    public static final String PT_OSC_PATH = "pt-osc-path";

    /** The native engine's target time per copy chunk, e.g. {@code 30ms} (the default). */
    public static final String VREPLICATION_CHUNK_TIME = "vreplication-chunk-time";

    /**
     * How far behind the native engine's stream may be and still be ready to complete, e.g.
     * {@code 5s} (the default, Vitess's threshold).
     */
    public static final String VREPLICATION_READY_LAG = "vreplication-ready-lag";

    /** The native engine's cut-over lock wait, whole seconds, e.g. {@code 3s} (the default). */
    public static final String VREPLICATION_CUT_OVER_LOCK_TIMEOUT = "vreplication-cut-over-lock-timeout";

    /** The pause after the native engine's first failed cut-over attempt, doubled after each, e.g. {@code 1s}. */
    public static final String VREPLICATION_CUT_OVER_BACKOFF = "vreplication-cut-over-backoff";

    /** The cap of that pause, e.g. {@code 30s}. */
    public static final String VREPLICATION_CUT_OVER_BACKOFF_MAX = "vreplication-cut-over-backoff-max";

    private StrategySettings() {
    }
}

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

    private StrategySettings() {
    }
}

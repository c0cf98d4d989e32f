package dev.onlineddl.domain.server;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What one server can do: its release's capabilities, narrowed by server settings that switch
 * some of them off.
 *
 * @param version the server's flavour and release
 * @param capabilities the capabilities it has (unmodifiable)
 */
public record ServerCapabilities(ServerVersion version, Set<ServerCapability> capabilities) {

    public ServerCapabilities {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(capabilities, "capabilities");
        EnumSet<ServerCapability> copy = EnumSet.noneOf(ServerCapability.class);
        copy.addAll(capabilities);
        capabilities = Collections.unmodifiableSet(copy);
    }

    /** Everything the release can do, before any setting narrows it. */
    public static ServerCapabilities of(ServerVersion version) {
        EnumSet<ServerCapability> available = EnumSet.noneOf(ServerCapability.class);
        for (ServerCapability capability : ServerCapability.values()) {
            if (capability.isAvailableOn(version)) {
                available.add(capability);
            }
        }
        return new ServerCapabilities(version, available);
    }

    public boolean supports(ServerCapability capability) {
        return capabilities.contains(capability);
    }

    /**
     * Applies MariaDB's {@code innodb_instant_alter_column_allowed} (10.3.23/10.4.13 and later,
     * MDEV-20590): it decides whether an instant ADD/DROP/reorder may put a table into the
     * non-canonical storage format. {@code never} forbids instant ADD and DROP COLUMN,
     * {@code add_last} allows only ADD COLUMN as the last column, {@code add_drop_reorder} (the
     * 10.4+ default) allows all. A null value (older releases, or MySQL, which has no such
     * variable) changes nothing; so does an unknown value, since the server would have rejected
     * it and we would rather ask it than guess.
     */
    public ServerCapabilities withInnodbInstantAlterColumnAllowed(String value) {
        if (value == null || !version.isMariaDb()) {
            return this;
        }
        EnumSet<ServerCapability> narrowed = EnumSet.noneOf(ServerCapability.class);
        narrowed.addAll(capabilities);
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "never", "0" -> {
                narrowed.remove(ServerCapability.INSTANT_ADD_LAST_COLUMN);
                narrowed.remove(ServerCapability.INSTANT_ADD_DROP_COLUMN);
            }
            case "add_last", "1" -> narrowed.remove(ServerCapability.INSTANT_ADD_DROP_COLUMN);
            default -> {
                return this;
            }
        }
        return new ServerCapabilities(version, narrowed);
    }

    @Override
    public String toString() {
        return version.describe() + " " + capabilities;
    }
}

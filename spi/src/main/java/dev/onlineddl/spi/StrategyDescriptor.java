package dev.onlineddl.spi;

import dev.onlineddl.domain.StrategyCapabilities;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A strategy a plugin provides: the name users write first in a strategy string
 * ({@code "my-tool --postpone-completion"}) and what it can do.
 */
public record StrategyDescriptor(String name, StrategyCapabilities capabilities) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public StrategyDescriptor {
        Objects.requireNonNull(name, "strategy name");
        Objects.requireNonNull(capabilities, "capabilities");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid strategy name '" + name
                    + "': use lower-case letters, digits, '-' and '_', starting with a letter, at most 64 characters");
        }
    }
}

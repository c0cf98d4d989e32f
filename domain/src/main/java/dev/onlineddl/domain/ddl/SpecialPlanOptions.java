package dev.onlineddl.domain.ddl;

import java.util.Objects;

/**
 * What decides whether an ALTER gets a special plan (Vitess {@code analyzeSpecialAlterPlan}): the migration's strategy
 * flags and the server's INSTANT capabilities.
 *
 * @param fastRangeRotation {@code --fast-range-rotation}: try the range-partition plans
 * @param preferInstantDdl  {@code --prefer-instant-ddl}: try the INSTANT plan
 * @param capabilities      the target server's INSTANT capabilities
 */
public record SpecialPlanOptions(boolean fastRangeRotation, boolean preferInstantDdl,
        InstantDdlCapabilities capabilities) {

    public SpecialPlanOptions {
        Objects.requireNonNull(capabilities, "capabilities");
    }
}

package dev.onlineddl.port.out;

import dev.onlineddl.domain.MigrationUuid;

/**
 * A finished migration whose artifacts are due for collection (Vitess
 * {@code sqlSelectUncollectedArtifacts}).
 *
 * @param artifacts the column as stored: comma-terminated table names, newest first
 * @param logPath {@code host:/dir} of an external tool's logs; empty if none
 */
public record UncollectedArtifacts(MigrationUuid uuid, String artifacts, String logPath) {
}

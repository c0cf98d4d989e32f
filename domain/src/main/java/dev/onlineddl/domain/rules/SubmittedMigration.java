package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/**
 * A migration being submitted: what the submission rules need of it.
 *
 * @param uuid the UUID it was submitted with (generated or user-provided)
 * @param context its migration context
 * @param singleton its strategy carries {@code --singleton}
 * @param singletonContext its strategy carries {@code --singleton-context}
 */
public record SubmittedMigration(MigrationUuid uuid, MigrationContext context, boolean singleton, boolean singletonContext) {

    public SubmittedMigration {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(context, "context");
    }
}

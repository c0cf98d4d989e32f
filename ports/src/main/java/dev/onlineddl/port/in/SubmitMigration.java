package dev.onlineddl.port.in;

/**
 * Submit DDL to be migrated (Vitess {@code SubmitMigration}). One migration per statement and per
 * table ({@code DROP TABLE a, b} is two). Queued strategies return at once; {@code direct} runs the
 * statement before returning. Bad input (malformed SQL, unknown strategy or flag, invalid UUID,
 * a rejected singleton) throws {@link dev.onlineddl.domain.InvalidInputException} and stores
 * nothing.
 */
public interface SubmitMigration {

    SubmissionResult submit(SubmissionRequest request);
}

package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.domain.progress.MigrationProgress;

/**
 * How far the server says a running ALTER is, as a percentage of the whole statement.
 */
final class ServerAlterProgress {

    private ServerAlterProgress() {
    }

    /**
     * MariaDB's process list reports progress per stage: {@code STAGE} of {@code MAX_STAGE}, and
     * {@code PROGRESS} (0..100) within that stage. A copying ALTER runs through, e.g., "copy to tmp
     * table" then "Enabling keys"; each stage counts for an equal share. {@code MAX_STAGE} is 0
     * while the statement has not begun reporting (e.g. it still waits for a metadata lock).
     */
    static double ofMariaDbStage(int stage, int maxStage, double stageProgress) {
        if (maxStage <= 0 || stage <= 0) {
            return MigrationProgress.PROGRESS_STARTED;
        }
        int completedStages = Math.min(stage, maxStage) - 1;
        double withinStage = Math.max(0, Math.min(MigrationProgress.PROGRESS_FULL, stageProgress));
        return (completedStages * MigrationProgress.PROGRESS_FULL + withinStage) / maxStage;
    }

    /**
     * MySQL's performance schema reports the current stage's {@code WORK_COMPLETED} of
     * {@code WORK_ESTIMATED} (InnoDB's ALTER stages estimate the work of the whole statement). The
     * estimate may be exceeded; nothing is known while there is no estimate yet.
     */
    static double ofMySqlWork(long workCompleted, long workEstimated) {
        if (workEstimated <= 0 || workCompleted <= 0) {
            return MigrationProgress.PROGRESS_STARTED;
        }
        return Math.min(MigrationProgress.PROGRESS_FULL, MigrationProgress.PROGRESS_FULL * workCompleted / workEstimated);
    }
}

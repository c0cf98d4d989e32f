package dev.onlineddl.embedded;

import java.util.OptionalLong;

/**
 * What {@code SHOW SLAVE STATUS} tells about a replica's two threads.
 *
 * @param ioThread            {@code Slave_IO_Running}: {@code Yes}, {@code No} or {@code Connecting}
 * @param sqlThread           {@code Slave_SQL_Running}: {@code Yes} or {@code No}
 * @param lastIoErrno         0 when the IO thread has no error
 * @param lastIoError         empty when the IO thread has no error
 * @param lastSqlErrno        0 when the SQL thread has no error
 * @param lastSqlError        empty when the SQL thread has no error
 * @param secondsBehindMaster empty while the replica does not replicate
 */
public record ReplicaStatus(String ioThread, String sqlThread, int lastIoErrno, String lastIoError, int lastSqlErrno,
                            String lastSqlError, OptionalLong secondsBehindMaster) {

    /** A server that is no replica: {@code SHOW SLAVE STATUS} answers no row. */
    static final ReplicaStatus NOT_A_REPLICA = new ReplicaStatus("No", "No", 0, "", 0, "", OptionalLong.empty());

    public boolean bothThreadsRun() {
        return "Yes".equalsIgnoreCase(ioThread) && "Yes".equalsIgnoreCase(sqlThread);
    }

    /**
     * Whether waiting cannot help: the SQL thread stopped on an error, or the IO thread stopped on
     * one (while it is merely {@code Connecting} it retries by itself).
     */
    boolean failedForGood() {
        boolean sqlFailed = "No".equalsIgnoreCase(sqlThread) && lastSqlErrno != 0;
        boolean ioFailed = "No".equalsIgnoreCase(ioThread) && lastIoErrno != 0;
        return sqlFailed || ioFailed;
    }

    /** For messages, with the error fields of {@code SHOW SLAVE STATUS}. */
    public String describe() {
        return "Slave_IO_Running=" + ioThread + ", Slave_SQL_Running=" + sqlThread
                + ", Last_IO_Errno=" + lastIoErrno + ", Last_IO_Error=" + (lastIoError.isEmpty() ? "(none)" : lastIoError)
                + ", Last_SQL_Errno=" + lastSqlErrno + ", Last_SQL_Error="
                + (lastSqlError.isEmpty() ? "(none)" : lastSqlError);
    }
}

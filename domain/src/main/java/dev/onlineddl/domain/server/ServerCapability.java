package dev.onlineddl.domain.server;

/**
 * One thing a server release can or cannot do, with the first MySQL and the first MariaDB release
 * that can. The names follow Vitess' flavour capabilities where Vitess has one.
 *
 * <p><b>MySQL</b> (Vitess's flavor capabilities and the MySQL 8.0 manual, "InnoDB and Online DDL"): Vitess answers
 * the instant capabilities for every 8.0 release, but {@code ALGORITHM=INSTANT} only exists from
 * 8.0.12 ("ALGORITHM=INSTANT support is available for ADD COLUMN and other operations in MySQL
 * 8.0.12"); before that the server rejects the clause, so we start at 8.0.12. Instant DROP COLUMN
 * and ADD COLUMN at any position came with 8.0.29. 8.4 and later releases have everything 8.0.30
 * has.
 *
 * <p><b>MariaDB</b> (MariaDB documentation, "InnoDB Online DDL Operations with the INSTANT Alter
 * Algorithm" and "InnoDB Online DDL Overview"). Vitess declares MariaDB incapable of all of this;
 * the documentation says otherwise, so we do not:
 * <ul>
 *   <li>the {@code ALGORITHM=INSTANT} clause was added in MariaDB 10.3.7 (before it, instant ADD
 *       COLUMN from 10.3.2 happened silently and could not be requested);</li>
 *   <li>10.3: adding a column as the last column is instant (MDEV-11369);</li>
 *   <li>10.4: dropping a column, adding one at any position and reordering columns are instant
 *       (MDEV-15562);</li>
 *   <li>setting or removing a column's DEFAULT is instant ("InnoDB supports modifying a column's
 *       DEFAULT value with ALGORITHM set to INSTANT", no version restriction beyond the clause);</li>
 *   <li>adding an ENUM or SET option is instant when it is added at the end of the list and the
 *       storage requirements do not change;</li>
 *   <li>virtual columns: the documentation does not list them on the INSTANT page; we claim them
 *       only from 10.4, when the table's column mapping became instant-changeable, and
 *       {@code InstantDdlCapabilityIT} (adapters-mysql) proves it on 11.4.</li>
 * </ul>
 * MariaDB has none of the MySQL-only server features (data-dictionary GTID table, redo log
 * switches, in-server upgrade, the native binary JSON type: MariaDB's JSON is LONGTEXT).
 */
public enum ServerCapability {

    /** {@code ALGORITHM=INSTANT} exists, so an instant-only ALTER can be requested (Vitess InstantDDLFlavorCapability). */
    INSTANT_DDL(Release.of(8, 0, 12), Release.of(10, 3, 7)),
    /** ADD COLUMN as the table's last column is instant. */
    INSTANT_ADD_LAST_COLUMN(Release.of(8, 0, 12), Release.of(10, 3, 7)),
    /** ADD COLUMN anywhere (FIRST/AFTER) and DROP COLUMN are instant. */
    INSTANT_ADD_DROP_COLUMN(Release.of(8, 0, 29), Release.of(10, 4, 0)),
    /** Adding or dropping a VIRTUAL generated column is instant. */
    INSTANT_ADD_DROP_VIRTUAL_COLUMN(Release.of(8, 0, 12), Release.of(10, 4, 0)),
    /** Changing only a column's DEFAULT is instant. */
    INSTANT_CHANGE_COLUMN_DEFAULT(Release.of(8, 0, 12), Release.of(10, 3, 7)),
    /** Appending values to an ENUM/SET without changing its storage size is instant. */
    INSTANT_EXPAND_ENUM(Release.of(8, 0, 12), Release.of(10, 3, 7)),
    /** mysql.gtid_executed is updated transactionally (MySQL 8.0.17). */
    TRANSACTIONAL_GTID_EXECUTED(Release.of(8, 0, 17), Release.NEVER),
    /** DROP TABLE no longer stalls the buffer pool (MySQL 8.0.23). */
    FAST_DROP_TABLE(Release.of(8, 0, 23), Release.NEVER),
    /** The server upgrades its own system tables; no mysql_upgrade (MySQL 8.0.16). */
    MYSQL_UPGRADE_IN_SERVER(Release.of(8, 0, 16), Release.NEVER),
    /** ALTER INSTANCE DISABLE INNODB REDO_LOG (MySQL 8.0.21). */
    DISABLE_REDO_LOG(Release.of(8, 0, 21), Release.NEVER),
    /** innodb_redo_log_capacity is dynamic (MySQL 8.0.30). */
    DYNAMIC_REDO_LOG_CAPACITY(Release.of(8, 0, 30), Release.NEVER),
    /** The native binary JSON column type (MySQL 5.7.8; MariaDB's JSON is an alias of LONGTEXT). */
    MYSQL_JSON(Release.of(5, 7, 8), Release.NEVER),
    /**
     * {@code SHOW BINARY LOG STATUS} replaces {@code SHOW MASTER STATUS} (added in MySQL 8.2.0, the
     * old statement removed in 8.4). MariaDB keeps {@code SHOW MASTER STATUS}.
     */
    BINARY_LOG_STATUS_STATEMENT(Release.of(8, 2, 0), Release.NEVER);

    private final Release firstMySqlRelease;
    private final Release firstMariaDbRelease;

    ServerCapability(Release firstMySqlRelease, Release firstMariaDbRelease) {
        this.firstMySqlRelease = firstMySqlRelease;
        this.firstMariaDbRelease = firstMariaDbRelease;
    }

    /** Whether a server of this flavour and release has the capability, by release alone. */
    public boolean isAvailableOn(ServerVersion version) {
        Release first = version.isMariaDb() ? firstMariaDbRelease : firstMySqlRelease;
        return first.isReachedBy(version);
    }

    /** The first release of a flavour that has a capability; {@link #NEVER} when none has it. */
    private record Release(int major, int minor, int patch) {

        static final Release NEVER = new Release(Integer.MAX_VALUE, 0, 0);

        static Release of(int major, int minor, int patch) {
            return new Release(major, minor, patch);
        }

        boolean isReachedBy(ServerVersion version) {
            return version.isAtLeast(major, minor, patch);
        }
    }
}

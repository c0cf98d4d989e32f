package dev.onlineddl.port.out;

/** What a name in a schema's table namespace is: tables and views share that namespace. */
public enum RelationKind {
    /** A base table (MariaDB's system-versioned tables included). */
    TABLE,
    VIEW,
    /** Anything else the server lists there, e.g. a MariaDB SEQUENCE or a temporary table. */
    OTHER
}

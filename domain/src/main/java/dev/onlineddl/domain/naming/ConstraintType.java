package dev.onlineddl.domain.naming;

/** The constraints whose names are schema-wide in MySQL and so must be renamed in shadow tables. */
public enum ConstraintType {
    CHECK("chk"),
    FOREIGN_KEY("fk");

    private final String indicator;

    ConstraintType(String indicator) {
        this.indicator = indicator;
    }

    /** The short word MySQL uses in auto-generated names ({@code t_chk_1}) and we use as a fallback name. */
    public String indicator() {
        return indicator;
    }
}

package dev.onlineddl.domain.ddl;

import dev.onlineddl.domain.DdlAction;

/** The statements online DDL accepts, as in Vitess: each maps to one action. */
public enum DdlStatementKind {
    CREATE_TABLE(DdlAction.CREATE, false),
    ALTER_TABLE(DdlAction.ALTER, false),
    DROP_TABLE(DdlAction.DROP, false),
    CREATE_VIEW(DdlAction.CREATE, true),
    ALTER_VIEW(DdlAction.ALTER, true),
    DROP_VIEW(DdlAction.DROP, true),
    /** {@code REVERT VITESS_MIGRATION '<uuid>'} (or the legacy {@code revert <uuid>}). */
    REVERT(DdlAction.REVERT, false);

    private final DdlAction action;
    private final boolean view;

    DdlStatementKind(DdlAction action, boolean view) {
        this.action = action;
        this.view = view;
    }

    /** The value stored in {@code schema_migrations.ddl_action} at submit. */
    public DdlAction action() {
        return action;
    }

    /** Vitess's {@code IsView}: the statement creates, alters or drops a view. */
    public boolean isView() {
        return view;
    }
}

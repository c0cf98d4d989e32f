package dev.onlineddl.adapter.mysql.store;

import static dev.onlineddl.adapter.mysql.store.jooq.Tables.SCHEMA_MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlSchemaTest {

    @Test
    void theDefaultNameIsOnlineddlWithALeadingUnderscore() {
        assertThat(ControlSchema.withDefaultName().name()).isEqualTo("_onlineddl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_onlineddl", "onlineddl_control", "ctl$1", "A",
            "x234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsPlainIdentifiersOfUpTo64Characters(String name) {
        assertThat(new ControlSchema(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "back`tick", "semi;colon", "dot.ted", "dash-ed", "quote'",
            "x2345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsOtherNamesBeforeTouchingAnyServer(String name) {
        assertThatThrownBy(() -> new ControlSchema(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid control schema name '" + name + "'");
    }

    @Test
    void jooqSettingsRenderTheSchemaLessGeneratedTablesInTheConfiguredSchema() {
        DSLContext sql = DSL.using(SQLDialect.MYSQL, new ControlSchema("ctl_7").jooqSettings());

        String rendered = sql.render(sql.selectFrom(SCHEMA_MIGRATIONS).where(SCHEMA_MIGRATIONS.MYSQL_SCHEMA.eq("db")));

        assertThat(rendered).contains("from `ctl_7`.`schema_migrations`")
                .contains("`ctl_7`.`schema_migrations`.`mysql_schema` = ?")
                .doesNotContain("_onlineddl");
    }
}

package dev.onlineddl.port.out;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.port.out.DdlExecution.AcceptableError;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DdlExecutionTest {

    @Test
    void buildsVariantsWithoutLosingFields() {
        DdlExecution drop = DdlExecution.of("shop", "orders", "DROP TABLE IF EXISTS orders")
                .tolerating(Set.of(AcceptableError.MISSING_TABLE))
                .withAllowZeroInDate(true);

        assertThat(drop.schema()).isEqualTo("shop");
        assertThat(drop.table()).isEqualTo("orders");
        assertThat(drop.sql()).isEqualTo("DROP TABLE IF EXISTS orders");
        assertThat(drop.allowZeroInDate()).isTrue();
        assertThat(drop.acceptableErrors()).containsExactly(AcceptableError.MISSING_TABLE);
        assertThat(DdlExecution.of("shop", "orders", "x").acceptableErrors()).isEmpty();
    }

    @Test
    void copiesTheAcceptableErrors() {
        Set<AcceptableError> errors = new HashSet<>();
        DdlExecution statement = DdlExecution.of("shop", "t", "DROP TABLE t").tolerating(errors);
        errors.add(AcceptableError.MISSING_TABLE);

        assertThat(statement.acceptableErrors()).isEmpty();
    }

    @Test
    void rejectsAMissingSchemaOrStatement() {
        assertThatThrownBy(() -> DdlExecution.of(" ", "t", "DROP TABLE t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs the schema")
                .hasMessageContaining("DROP TABLE t");
        assertThatThrownBy(() -> DdlExecution.of("shop", "t", "  "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("shop.t")
                .hasMessageContaining("empty");
    }
}

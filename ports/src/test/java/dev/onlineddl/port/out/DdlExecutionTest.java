package dev.onlineddl.port.out;

import dev.onlineddl.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DdlExecutionTest {

    @Test
    void buildsVariantsWithoutLosingFields() {
        DdlExecution drop = DdlExecution.of("shop", "orders", "DROP TABLE IF EXISTS orders")
                .tolerating(DdlExecution.MISSING_TABLE_ERROR_CODES)
                .withAllowZeroInDate(true);

        assertThat(drop.schema()).isEqualTo("shop");
        assertThat(drop.table()).isEqualTo("orders");
        assertThat(drop.sql()).isEqualTo("DROP TABLE IF EXISTS orders");
        assertThat(drop.allowZeroInDate()).isTrue();
        assertThat(drop.acceptableErrorCodes()).containsExactlyInAnyOrder(1017, 1051, 1146);
        assertThat(DdlExecution.of("shop", "orders", "x").acceptableErrorCodes()).isEmpty();
    }

    @Test
    void copiesTheAcceptableCodes() {
        Set<Integer> codes = new HashSet<>(Set.of(1050));
        DdlExecution statement = DdlExecution.of("shop", "t", "CREATE TABLE t (id INT)").tolerating(codes);
        codes.add(1146);

        assertThat(statement.acceptableErrorCodes()).containsExactly(1050);
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

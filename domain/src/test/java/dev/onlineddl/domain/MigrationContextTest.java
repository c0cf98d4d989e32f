package dev.onlineddl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationContextTest {

    @Test
    void noneIsTheEmptyContext() {
        assertThat(MigrationContext.NONE.value()).isEmpty();
        assertThat(MigrationContext.NONE.isEmpty()).isTrue();
        assertThat(MigrationContext.of(null)).isSameAs(MigrationContext.NONE);
        assertThat(MigrationContext.of("")).isSameAs(MigrationContext.NONE);
        assertThat(MigrationContext.NONE).hasToString("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vtgate:0a1b2c3d-0000-4000-8000-000000000000", "vtctl:abc", " ", "ctx with spaces"})
    void keepsAnyTextVerbatim(String value) {
        MigrationContext context = MigrationContext.of(value);

        assertThat(context.value()).isEqualTo(value);
        assertThat(context.isEmpty()).isFalse();
        assertThat(context).hasToString(value).isEqualTo(new MigrationContext(value));
    }

    @Test
    void fitsTheColumn() {
        assertThat(MigrationContext.of("c".repeat(1024)).value()).hasSize(MigrationContext.MAX_LENGTH);
        assertThatThrownBy(() -> MigrationContext.of("c".repeat(1025)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("migration context is 1025 characters long; at most 1024 are allowed");
        assertThatNullPointerException().isThrownBy(() -> new MigrationContext(null));
    }
}

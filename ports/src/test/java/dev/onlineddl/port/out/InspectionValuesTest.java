package dev.onlineddl.port.out;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionValuesTest {

    @ParameterizedTest(name = "parent {0}, child {1}: {2}")
    @CsvSource({"0, 0, false", "1, 0, true", "0, 2, true", "3, 4, true"})
    void foreignKeyParticipation(long asParent, long asChild, boolean participates) {
        assertThat(new ForeignKeyParticipation(asParent, asChild).participates()).isEqualTo(participates);
    }

    @Test
    void foreignKeyCountsCannotBeNegative() {
        assertThatThrownBy(() -> new ForeignKeyParticipation(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForeignKeyParticipation(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "extra ''{0}'': auto_increment={1} virtual={2} generated={3}")
    @CsvSource(delimiter = '|', textBlock = """
            auto_increment                       | true  | false | false
            ''                                   | false | false | false
            VIRTUAL GENERATED                    | false | true  | true
            VIRTUAL                              | false | true  | true
            STORED GENERATED                     | false | false | true
            PERSISTENT                           | false | false | true
            on update current_timestamp()        | false | false | false
            DEFAULT_GENERATED                    | false | false | true
            """)
    void columnExtras(String extra, boolean autoIncrement, boolean virtual, boolean generated) {
        TableColumn column = new TableColumn("c", 1, "int", "int(11)", true, Optional.empty(), extra, null, null, null);

        assertThat(column.isAutoIncrement()).isEqualTo(autoIncrement);
        assertThat(column.isVirtual()).isEqualTo(virtual);
        assertThat(column.isGenerated()).isEqualTo(generated);
        assertThat(column.columnKey()).isEmpty();
        assertThat(column.characterSet()).isEmpty();
        assertThat(column.collation()).isEmpty();
    }

    @Test
    void processFieldsDefaultToEmpty() {
        ServerProcess process = new ServerProcess(7, null, null, null, 0, null, null);

        assertThat(process.user()).isEmpty();
        assertThat(process.database()).isEmpty();
        assertThat(process.command()).isEmpty();
        assertThat(process.state()).isEmpty();
        assertThat(process.info()).isEmpty();
    }
}

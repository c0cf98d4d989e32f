package dev.onlineddl.adapter.vreplication.inspect;

import static dev.onlineddl.adapter.vreplication.inspect.Columns.key;
import static dev.onlineddl.adapter.vreplication.inspect.Columns.of;
import static dev.onlineddl.adapter.vreplication.inspect.Columns.primary;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableShapeTest {

    private final List<ColumnInfo> columns = List.of(of("id", "bigint").at(1), of("name", "varchar").at(2),
            of("small", "tinyint").at(3), of("medium", "int").at(4), of("n", "int").nullable().at(5),
            of("d", "datetime").at(6));

    @Test
    void keysComeInVitesssOrderOfPreference() {
        List<UniqueKeyInfo> keys = List.of(
                new UniqueKeyInfo("uk_nullable", List.of("n"), true, false),
                key("uk_text", "name"),
                key("uk_date", "d"),
                key("uk_medium_pair", "medium", "small"),
                key("uk_medium", "medium"),
                key("uk_small", "small"),
                primary("id"));

        TableShape shape = TableShape.withKeysInVitessOrder("t", columns, keys);

        assertThat(shape.uniqueKeys()).extracting(UniqueKeyInfo::name).containsExactly(
                "PRIMARY", "uk_small", "uk_medium", "uk_medium_pair", "uk_date", "uk_text", "uk_nullable");
    }

    @Test
    void columnsAreFoundByNameWhateverTheCase() {
        TableShape shape = new TableShape("t", columns, List.of());

        assertThat(shape.column("NAME")).map(ColumnInfo::ordinal).contains(2);
        assertThat(shape.column("nope")).isEmpty();
        assertThat(shape.columnNames()).startsWith("id", "name");
    }

    @Test
    void enumValuesAreReadFromTheColumnType() {
        assertThat(TableInspector.enumValues("enum('a','it''s','x,y')")).containsExactly("a", "it's", "x,y");
        assertThat(TableInspector.enumValues("set('')")).containsExactly("");
    }

    @Test
    void typeHelpers() {
        assertThat(of("c", "mediumint").at(1).isIntegral()).isTrue();
        assertThat(of("c", "decimal").at(1).isIntegral()).isFalse();
        assertThat(of("c", "decimal").at(1).isNumeric()).isTrue();
        assertThat(of("c", "double").at(1).isFloatingPoint()).isTrue();
        assertThat(of("c", "date").at(1).isTemporal()).isTrue();
        assertThat(of("c", "text").at(1).isTextual()).isTrue();
        assertThat(of("c", "varbinary").at(1).isTextual()).isFalse();
        assertThat(Columns.enumOf("c", "a").at(1).isEnum()).isTrue();
        assertThat(Columns.setOf("c", "a").at(1).isSet()).isTrue();
        assertThat(of("c", "json").at(1).isJson()).isTrue();
    }
}

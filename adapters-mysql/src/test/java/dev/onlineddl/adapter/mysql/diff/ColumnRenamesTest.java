package dev.onlineddl.adapter.mysql.diff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnRenamesTest {

    /**
     * Columns are written {@code name:type}; renames as {@code old>new} separated by spaces.
     */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            id:int a:int b:text          | id:int x:int b:text             | a>x
            id:int a:int                 | id:int x:int                    | a>x
            a:int id:int                 | x:int id:int                    | a>x
            id:int a:int b:text c:date   | id:int x:int y:text c:date      | a>x b>y
            id:int a:int b:text          | id:int x:text b:text            | none
            id:int a:int b:text          | id:int b:text x:int             | none
            id:int a:int b:int           | id:int x:int                    | none
            id:int a:int                 | id:int x:int y:int              | none
            id:int a:int b:int c:int     | id:int x:int b:int y:int        | a>x c>y
            n:int id:int a:int old:text  | id:int a:int new:text           | old>new
            a:int b:int                  | b:int a:int                     | none
            a:int                        | b:int                           | a>b
            """)
    void renamesAreRunsOfEqualLengthAndDefinitionsBetweenTheSameNeighbours(String live, String desired, String expected) {
        Map<String, ColumnModel> renames = ColumnRenames.detect(columns(live), columns(desired),
                (old, renamed) -> old.definition().equals(renamed.definition()));

        String actual = renames.entrySet().stream()
                .map(entry -> entry.getKey() + ">" + entry.getValue().name())
                .collect(Collectors.joining(" "));
        assertThat(actual).isEqualTo(expected == null ? "" : expected);
    }

    private static List<ColumnModel> columns(String spec) {
        String elements = Arrays.stream(spec.trim().split("\\s+"))
                .map(column -> column.split(":"))
                .map(parts -> "`" + parts[0] + "` " + parts[1])
                .collect(Collectors.joining(", "));
        return ShowCreateTableReader.read("CREATE TABLE `t` (" + elements + ")").columns();
    }
}

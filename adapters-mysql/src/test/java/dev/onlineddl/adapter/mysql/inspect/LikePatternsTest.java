package dev.onlineddl.adapter.mysql.inspect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LikePatternsTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            orders           | orders
            my_table         | my!_table
            100%             | 100!%
            wow!             | wow!!
            a\\_b            | a\\!_b
            _%!              | !_!%!!
            ''               | ''
            """)
    void escapesWildcardsAndTheEscapeCharacter(String text, String expected) {
        assertThat(LikePatterns.literal(text)).isEqualTo(expected);
        assertThat(LikePatterns.containing(text)).isEqualTo("%" + expected + "%");
    }
}

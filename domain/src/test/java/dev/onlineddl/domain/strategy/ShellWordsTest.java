package dev.onlineddl.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellWordsTest {

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("   ", List.of()),
                Arguments.of("--a --b", List.of("--a", "--b")),
                Arguments.of(" \t--a\r\n--b ", List.of("--a", "--b")),
                Arguments.of("'a b' c", List.of("a b", "c")),
                Arguments.of("\"a b\"", List.of("a b")),
                Arguments.of("--alter=\"add column x int\"", List.of("--alter=add column x int")),
                Arguments.of("a\\ b", List.of("a b")),
                Arguments.of("\"a\\\"b\"", List.of("a\"b")),
                // Google shlex drops the backslash before any character inside double quotes.
                Arguments.of("\"a\\nb\"", List.of("anb")),
                Arguments.of("\"a\\\\b\"", List.of("a\\b")),
                Arguments.of("'a\\b'", List.of("a\\b")),
                Arguments.of("'a\"b'", List.of("a\"b")),
                Arguments.of("\"a'b\"", List.of("a'b")),
                Arguments.of("\"\"", List.of("")),
                Arguments.of("'' x", List.of("", "x")),
                Arguments.of("a#b", List.of("a#b")),
                Arguments.of("a #comment here\nb", List.of("a", "b")),
                Arguments.of("#only a comment", List.of()),
                Arguments.of("a # --singleton", List.of("a")),
                Arguments.of("\\#x", List.of("#x")),
                Arguments.of("a 'b'\"c\"d", List.of("a", "bcd")),
                Arguments.of("--max-load=Threads_running=1", List.of("--max-load=Threads_running=1")),
                Arguments.of("a\fb", List.of("a\fb")),
                Arguments.of("caf\u00e9 \uD83D\uDE00", List.of("caf\u00e9", "\uD83D\uDE00")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("splits")
    void splitsLikeGoogleShlex(String input, List<String> expected) {
        assertThat(ShellWords.split(input)).extracting(ShellWords.Word::value).containsExactlyElementsOf(expected);
    }

    @Test
    void wordsKnowWhereTheirSourceTextLies() {
        String input = "--a  'b c'\t\"d\"e";
        assertThat(ShellWords.split(input)).containsExactly(
                new ShellWords.Word("--a", 0, 3),
                new ShellWords.Word("b c", 5, 10),
                new ShellWords.Word("de", 11, 15));
    }

    static Stream<Arguments> unbalanced() {
        return Stream.of(
                Arguments.of("--alter='add column", "single quote is not closed"),
                Arguments.of("--x \"abc", "double quote is not closed"),
                Arguments.of("--x abc\\", "ends with a backslash"),
                Arguments.of("\"abc\\", "ends with a backslash"),
                Arguments.of("'", "single quote is not closed"),
                Arguments.of("\"", "double quote is not closed"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unbalanced")
    void unbalancedInputIsRejectedNamingIt(String input, String problem) {
        assertThatThrownBy(() -> ShellWords.split(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + input + "'")
                .hasMessageContaining(problem);
    }
}

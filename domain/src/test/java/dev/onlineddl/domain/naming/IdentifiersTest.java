package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @ParameterizedTest(name = "quote({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "t|`t`",
            "my table|`my table`",
            "a`b|`a``b`",
            "``|``````",
            "`; DROP TABLE x; --|```; DROP TABLE x; --`",
            "日本|`日本`",
    })
    void quotesWithBackticksAndDoublesEmbeddedOnes(String identifier, String expected) {
        assertThat(Identifiers.quote(identifier)).isEqualTo(expected);
    }

    @Test
    void quotesSchemaQualifiedNames() {
        assertThat(Identifiers.quoteQualified("_vt", "schema`migrations")).isEqualTo("`_vt`.`schema``migrations`");
    }

    @Test
    void refusesToQuoteAnEmptyIdentifier() {
        assertThatThrownBy(() -> Identifiers.quote(""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("an identifier cannot be empty: give the table, column or constraint a name");
    }

    @Test
    void refusesToQuoteAnIdentifierWithNul() {
        assertThatThrownBy(() -> Identifiers.quote("a\0b"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("identifier 'a\\0b' contains a NUL character, which MySQL does not allow in names: remove it");
    }

    @ParameterizedTest(name = "{0} characters fit: {1}")
    @CsvSource({"1,true", "63,true", "64,true", "65,false", "100,false"})
    void acceptsIdentifiersOfAtMost64Characters(int length, boolean fits) {
        String identifier = "x".repeat(length);
        if (fits) {
            assertThat(Identifiers.requireWithinLengthLimit(identifier, "table name")).isSameAs(identifier);
        } else {
            assertThatThrownBy(() -> Identifiers.requireWithinLengthLimit(identifier, "table name"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("table name '" + identifier + "' is " + length
                            + " characters long, over MySQL's limit of 64 characters for identifiers: use a shorter name");
        }
    }

    @Test
    void countsCharactersNotBytes() {
        // 64 three-byte characters (192 UTF-8 bytes) and 64 supplementary characters are still 64 characters for MySQL
        String cjk = "日".repeat(64);
        String emoji = "😀".repeat(64);
        assertThat(Identifiers.length(cjk)).isEqualTo(64);
        assertThat(Identifiers.length(emoji)).isEqualTo(64);
        assertThat(Identifiers.requireWithinLengthLimit(cjk, "column name")).isSameAs(cjk);
        assertThat(Identifiers.requireWithinLengthLimit(emoji, "column name")).isSameAs(emoji);
    }

    @Test
    void tooLongMessageCarriesTheGivenAdvice() {
        assertThatThrownBy(() -> Identifiers.requireWithinLengthLimit("y".repeat(70), "new table name", "rename it first"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("is 70 characters long, over MySQL's limit of 64 characters for identifiers: rename it first");
    }

    static Stream<Arguments> delimitedLists() {
        return Stream.of(
                Arguments.of(" one, ,two,  three ", List.of("one", "two", "three")),
                Arguments.of("one,two; three  ", List.of("one", "two", "three")),
                Arguments.of("single", List.of("single")),
                Arguments.of(";;,, ", List.of()),
                Arguments.of("", List.of()),
                Arguments.of("a\tb,c", List.of("a\tb", "c")),
                Arguments.of("\ta ,\tb\t", List.of("a", "b")),
                Arguments.of("_t1_old,__t1_old,_a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a_20231015114830_new",
                        List.of("_t1_old", "__t1_old", "_a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a_20231015114830_new")));
    }

    @ParameterizedTest(name = "splitDelimitedList({0})")
    @MethodSource("delimitedLists")
    void splitsOnRunsOfSpacesCommasAndSemicolons(String text, List<String> expected) {
        assertThat(Identifiers.splitDelimitedList(text)).isEqualTo(expected);
    }

    /** Expected values computed with Python's urllib quote_plus(s, safe=''), which escapes as Go's url.QueryEscape. */
    @ParameterizedTest(name = "escape({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a b|a+b",
            "x,y|x%2Cy",
            "q?|q%3F",
            "~*|~%2A",
            "naïve|na%C3%AFve",
            "a%b|a%25b",
            "plain-_.~|plain-_.~",
            "a+b|a%2Bb",
            "{}|%7B%7D",
            "[x]|%5Bx%5D",
            "a:b/c|a%3Ab%2Fc",
            "@^`|%40%5E%60",
            "Table_42|Table_42",
    })
    void escapesElementsLikeGoQueryEscape(String element, String escaped) {
        assertThat(Identifiers.queryEscape(element)).isEqualTo(escaped);
        assertThat(Identifiers.splitUnescape(escaped, ",")).containsExactly(element);
    }

    @Test
    void escapeJoinKeepsSeparatorsInsideElementsApart() {
        List<String> elements = List.of("uk a,b", "plain", "", "日本");
        String joined = Identifiers.escapeJoin(elements, ",");
        assertThat(joined).isEqualTo("uk+a%2Cb,plain,,%E6%97%A5%E6%9C%AC");
        assertThat(Identifiers.splitUnescape(joined, ",")).isEqualTo(elements);
    }

    @Test
    void escapeJoinOfNothingIsEmptyAndSplitsBackToNothing() {
        assertThat(Identifiers.escapeJoin(List.of(), ",")).isEmpty();
        assertThat(Identifiers.splitUnescape("", ",")).isEmpty();
    }

    @Test
    void splitUnescapeAcceptsLowerCaseHexAndMultiCharacterSeparators() {
        assertThat(Identifiers.splitUnescape("a%2cb||c%3f", "||")).containsExactly("a,b", "c?");
    }

    @Test
    void splitUnescapeKeepsUnescapedNonAsciiText() {
        assertThat(Identifiers.splitUnescape("日本,😀+x", ",")).containsExactly("日本", "😀 x");
    }

    @ParameterizedTest(name = "splitUnescape({0}) fails on {1}")
    @CsvSource(delimiter = '|', value = {
            "ok,bad%zz|%zz",
            "bad%|%",
            "bad%4|%4",
            "%G1|%G1",
            "%1g|%1g",
            "%:1|%:1",
            "%1:|%1:",
            "%-1|%-1",
    })
    void splitUnescapeRejectsMalformedEscapes(String text, String badEscape) {
        assertThatThrownBy(() -> Identifiers.splitUnescape(text, ","))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid URL escape \"" + badEscape + "\" in the escaped list '" + text
                        + "': a % must be followed by two hex digits");
    }

    @Test
    void splitUnescapeRejectsEscapesThatAreNotUtf8() {
        assertThatThrownBy(() -> Identifiers.splitUnescape("fine,%FF%FE", ","))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("the escaped list 'fine,%FF%FE' holds the element '%FF%FE', whose %XX escapes are not valid UTF-8: ");
    }

    @Test
    void splitUnescapeNeedsASeparator() {
        assertThatThrownBy(() -> Identifiers.splitUnescape("a", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("separator must not be empty");
    }
}

package dev.onlineddl.adapter.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.ddl.DdlStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus without a server: shape, parsing, and the expected rejections. The server half is {@link DdlCorpusIT}. */
class DdlCorpusTest {

    private final JsqlDdlAnalyzer analyzer = new JsqlDdlAnalyzer();

    static Stream<DdlCorpus.Case> supportedCases() {
        return DdlCorpus.supportedCases();
    }

    static Stream<DdlCorpus.Case> unsupportedCases() {
        return DdlCorpus.unsupportedCases();
    }

    @Test
    void corpusHasAtLeastEightyStatementsAndEightPerCategory() {
        List<DdlCorpus.Case> cases = DdlCorpus.cases();
        Map<String, Long> perCategory = cases.stream()
                .collect(Collectors.groupingBy(DdlCorpus.Case::category, Collectors.counting()));

        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
        assertThat(perCategory).containsOnlyKeys("check-constraints", "foreign-keys", "generated-columns",
                "fulltext-spatial", "table-options", "range-partitions", "multi-clause-alters",
                "column-renames-reorders", "views", "drops");
        assertThat(perCategory.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(8));
        assertThat(cases.stream().map(DdlCorpus.Case::id).distinct()).hasSize(cases.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedCases")
    void supportedStatementParsesIntoStableDescriptions(DdlCorpus.Case corpusCase) {
        List<DdlStatement> described = analyzer.analyzeSubmission(corpusCase.statement(), corpusCase.allowForeignKeys(),
                Optional.empty());

        assertThat(described).isNotEmpty();
        for (DdlStatement statement : described) {
            // what we store must describe itself the same way when read back
            assertThat(analyzer.describe(statement.sql())).isEqualTo(statement);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedCases")
    void unsupportedStatementIsRejectedWithItsMessage(DdlCorpus.Case corpusCase) {
        assertThatThrownBy(() -> analyzer.analyzeSubmission(corpusCase.statement(), corpusCase.allowForeignKeys(),
                Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(corpusCase.expectedUnsupported().orElseThrow());
    }

    @Test
    void everyCategoryHasCreateOrAlterOrDropKindsItClaims() {
        Map<String, List<DdlCorpus.Case>> byCategory = DdlCorpus.cases().stream()
                .collect(Collectors.groupingBy(DdlCorpus.Case::category));
        Function<String, Long> unsupportedIn = category -> byCategory.get(category).stream()
                .filter(corpusCase -> !corpusCase.supported()).count();

        // each rejection category the issue names is represented
        assertThat(unsupportedIn.apply("foreign-keys")).isGreaterThanOrEqualTo(2);
        assertThat(unsupportedIn.apply("drops")).isGreaterThanOrEqualTo(2);
        assertThat(unsupportedIn.apply("multi-clause-alters")).isGreaterThanOrEqualTo(1);
    }
}

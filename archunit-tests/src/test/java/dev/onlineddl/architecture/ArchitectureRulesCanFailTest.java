package dev.onlineddl.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.ADAPTERS_ARE_USED_ONLY_BY_THEMSELVES_AND_THE_CONFIGURATION;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.DOMAIN_DEPENDS_ON_THE_JDK_ONLY;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.DOMAIN_ROOT_DOES_NOT_USE_ITS_SUBPACKAGES;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.NOTHING_DEPENDS_ON_THE_CONFIGURATION;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.NO_PACKAGE_CYCLES;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.PLUGIN_SPI_DEPENDS_ON_DOMAIN_AND_ALLOWED_PORTS_ONLY;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.ADAPTERS_NEVER_DEPEND_ON_THE_CORE;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.CORE_DEPENDS_ON_DOMAIN_PORTS_SPI_AND_ALLOWED_LIBRARIES_ONLY;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.ONLY_THE_STATUS_GATEWAY_CHANGES_A_MIGRATIONS_STATUS;
import static dev.onlineddl.architecture.HexagonalArchitecture.Rule.PORTS_DEPEND_ON_THE_DOMAIN_AND_THE_JDK_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.onlineddl.architecture.HexagonalArchitecture.Rule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the onlineddl rule set against fixtures that mirror the real package layout under other roots: the
 * compliant fixture must pass, and each violating fixture must break exactly the rule it was written for.
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURES = "dev.onlineddl.archfixture";
    private static final String COMPLIANT = FIXTURES + ".compliant";
    private static final String VIOLATING = FIXTURES + ".violating.";

    // No DoNotIncludeTests here: the fixtures are test classes on purpose. One import, filtered per fixture root,
    // because every import resolves the JDK classes the fixtures use all over again.
    private static final JavaClasses ALL_FIXTURES = new ClassFileImporter().importPackages(FIXTURES);

    /** Fixture (package under {@value #VIOLATING}), the one rule it breaks, and what the failure must mention. */
    static Stream<Arguments> violatingFixtures() {
        return Stream.of(
                Arguments.of("domainuseslogging", DOMAIN_DEPENDS_ON_THE_JDK_ONLY,
                        List.of("domain.Migration", "org.slf4j.Logger")),
                Arguments.of("domainusesjavax", DOMAIN_DEPENDS_ON_THE_JDK_ONLY,
                        List.of("domain.ConnectionSettings", "javax.sql.DataSource")),
                Arguments.of("domainusesoutgoingport", DOMAIN_DEPENDS_ON_THE_JDK_ONLY,
                        List.of("domain.Migration", "port.out.MigrationStore")),
                Arguments.of("domainrootusessubpackage", DOMAIN_ROOT_DOES_NOT_USE_ITS_SUBPACKAGES,
                        List.of("domain.Migration", "domain.naming.ArtifactName")),
                Arguments.of("serviceinjectedwithjavaxinject", CORE_DEPENDS_ON_DOMAIN_PORTS_SPI_AND_ALLOWED_LIBRARIES_ONLY,
                        List.of("service.Executor", "javax.inject.Inject")),
                Arguments.of("serviceisdaggermodule", CORE_DEPENDS_ON_DOMAIN_PORTS_SPI_AND_ALLOWED_LIBRARIES_ONLY,
                        List.of("service.ExecutorModule", "dagger.Module")),
                Arguments.of("portscopedwithjakartainject", PORTS_DEPEND_ON_THE_DOMAIN_AND_THE_JDK_ONLY,
                        List.of("port.out.Clock", "jakarta.inject.Singleton")),
                Arguments.of("portuseslogging", PORTS_DEPEND_ON_THE_DOMAIN_AND_THE_JDK_ONLY,
                        List.of("port.out.SchemaInspector", "org.slf4j.Logger")),
                Arguments.of("portusesservice", PORTS_DEPEND_ON_THE_DOMAIN_AND_THE_JDK_ONLY,
                        List.of("port.in.SubmitMigration", "service.Executor")),
                Arguments.of("statuschangedaroundgateway", ONLY_THE_STATUS_GATEWAY_CHANGES_A_MIGRATIONS_STATUS,
                        List.of("service.Scheduler", "port.out.MigrationStore.updateStatus")),
                Arguments.of("adapterusesservice", ADAPTERS_NEVER_DEPEND_ON_THE_CORE,
                        List.of("adapter.mysql.MysqlStrategy", "service.Executor")),
                Arguments.of("adapterusesotheradapter", ADAPTERS_ARE_USED_ONLY_BY_THEMSELVES_AND_THE_CONFIGURATION,
                        List.of("adapter.mysql.MysqlStrategy", "adapter.vreplication.RowCopier",
                                "uses adapter 'vreplication' from adapter 'mysql'")),
                Arguments.of("strayclassusesadapter", ADAPTERS_ARE_USED_ONLY_BY_THEMSELVES_AND_THE_CONFIGURATION,
                        List.of("tools.Benchmark", "adapter.ghost.GhostRunner",
                                "uses adapter 'ghost' from outside the adapters")),
                Arguments.of("spiusesincomingport", PLUGIN_SPI_DEPENDS_ON_DOMAIN_AND_ALLOWED_PORTS_ONLY,
                        List.of("spi.StrategyPlugin", "port.in.SubmitMigration")),
                Arguments.of("spiusesservice", PLUGIN_SPI_DEPENDS_ON_DOMAIN_AND_ALLOWED_PORTS_ONLY,
                        List.of("spi.StrategyContext", "service.Executor")),
                Arguments.of("spiuseslogging", PLUGIN_SPI_DEPENDS_ON_DOMAIN_AND_ALLOWED_PORTS_ONLY,
                        List.of("spi.StrategyContext", "org.slf4j.Logger")),
                Arguments.of("domainsubpackagecycle", NO_PACKAGE_CYCLES,
                        List.of("domain.naming.ArtifactName", "domain.schedule.Scheduler")),
                Arguments.of("adaptersubpackagecycle", NO_PACKAGE_CYCLES,
                        List.of("adapter.vreplication.Streamer", "adapter.vreplication.copy.Copier")),
                Arguments.of("adapterusesconfiguration", NOTHING_DEPENDS_ON_THE_CONFIGURATION,
                        List.of("adapter.ptosc.PtOscRunner", "app.DaemonSettings")));
    }

    @Test
    void compliantFixturePassesEveryRule() {
        JavaClasses classes = importFixture(COMPLIANT);

        assertThat(OnlineDdlArchitecture.rootedAt(COMPLIANT).violatedBy(classes)).isEmpty();
        assertThatCode(() -> OnlineDdlArchitecture.rootedAt(COMPLIANT).check(classes)).doesNotThrowAnyException();
    }

    @Test
    void compliantFixtureHasClassesInEveryPartSoItsPassIsNotVacuous() {
        JavaClasses classes = importFixture(COMPLIANT);

        assertThat(OnlineDdlArchitecture.rootedAt(COMPLIANT).partsWithoutClasses(classes)).isEmpty();
        assertThat(OnlineDdlArchitecture.rootedAt(COMPLIANT).rules()).containsOnlyKeys(EnumSet.allOf(Rule.class));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @MethodSource("violatingFixtures")
    void violatingFixtureBreaksExactlyItsRule(String fixture, Rule brokenRule, List<String> mentioned) {
        String root = VIOLATING + fixture;
        JavaClasses classes = importFixture(root);
        HexagonalArchitecture architecture = OnlineDdlArchitecture.rootedAt(root);

        assertThat(architecture.violatedBy(classes)).containsExactly(brokenRule);
        assertThatThrownBy(() -> architecture.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 architecture rule(s) violated under " + root + ":")
                .hasMessageContaining("[" + brokenRule + "]")
                .hasMessageContainingAll(mentioned.toArray(String[]::new));
    }

    @Test
    void everyRuleHasAFixtureThatBreaksIt() {
        Set<Rule> broken = violatingFixtures()
                .map(arguments -> (Rule) arguments.get()[1])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));

        assertThat(broken).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Rule.class));
    }

    @Test
    void partsWithoutClassesAreReportedSoAnEmptyImportCannotPassUnnoticed() {
        String root = VIOLATING + "domainrootusessubpackage";

        assertThat(OnlineDdlArchitecture.rootedAt(root).partsWithoutClasses(importFixture(root)))
                .containsExactly(root + ".port", root + ".spi", root + ".service", root + ".adapter", root + ".app");
    }

    private static JavaClasses importFixture(String root) {
        return ALL_FIXTURES.that(resideInAPackage(root + ".."));
    }
}

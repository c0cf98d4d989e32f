package dev.onlineddl.example.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example plugin is written as a third party would write it: against the SPI, the domain
 * and the outbound ports, and the JDK, nothing of this project's adapters or core.
 */
class ExamplePluginArchitectureTest {

    private static final String PLUGIN = "dev.onlineddl.example.plugin";

    static ArchRule usesOnlyWhatAThirdPartyPluginMay(String pluginPackage) {
        return classes().that().resideInAPackage(pluginPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        pluginPackage + "..", "dev.onlineddl.spi", "dev.onlineddl.domain..", "dev.onlineddl.port.out", "java..")
                .because("a third-party plugin sees only the SPI, the domain values and port.out interfaces it uses");
    }

    @Test
    void theExamplePluginUsesOnlyTheSpiTheDomainAndPortOut() {
        JavaClasses plugin = new ClassFileImporter().importPackages(PLUGIN);

        assertThat(plugin.stream().map(javaClass -> javaClass.getSimpleName()))
                .contains("SlowCopyPlugin", "SlowCopyEngine", "CopyJob", "CopyTables");
        usesOnlyWhatAThirdPartyPluginMay(PLUGIN).check(plugin);
    }

    /** The same rule catches a class of the plugin that reaches into an adapter. */
    @Test
    void theRuleRejectsAPluginThatUsesAnAdapter() {
        String violating = ViolatingPluginFixture.class.getPackageName();
        JavaClasses classes = new ClassFileImporter().importClasses(ViolatingPluginFixture.class);

        EvaluationResult result = usesOnlyWhatAThirdPartyPluginMay(violating).evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(detail -> detail.contains("dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin"));
    }
}

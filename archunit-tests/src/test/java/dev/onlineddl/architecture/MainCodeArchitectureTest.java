package dev.onlineddl.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.Location;
import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The architecture rules over the real main code of every module. */
class MainCodeArchitectureTest {

    private static final JavaClasses MAIN_CODE = MainCode.importEveryModule();

    @Test
    void mainCodeFollowsTheArchitecture() {
        OnlineDdlArchitecture.ofTheMainCode().check(MAIN_CODE);
    }

    // The rules tolerate parts without classes (fixtures need that), so the checks above would pass on an
    // empty import: these tests make sure there is real code under every rule.

    @Test
    void everyDeclaredPartOfTheArchitectureHasClasses() {
        assertThat(OnlineDdlArchitecture.ofTheMainCode().partsWithoutClasses(MAIN_CODE)).isEmpty();
    }

    @Test
    void domainKernelClassesAreImported() {
        assertThat(MAIN_CODE.contain(Migration.class)).isTrue();
        assertThat(MAIN_CODE.contain(MigrationStatus.class)).isTrue();
        assertThat(MAIN_CODE.contain(MigrationUuid.class)).isTrue();
        assertThat(MAIN_CODE.contain(BuiltInStrategy.class)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "dev.onlineddl.domain",
        "dev.onlineddl.port.in",
        "dev.onlineddl.port.out",
        "dev.onlineddl.spi",
        "dev.onlineddl.service",
        "dev.onlineddl.adapter.mysql",
        "dev.onlineddl.adapter.vreplication",
        "dev.onlineddl.adapter.ghost",
        "dev.onlineddl.adapter.ptosc",
        "dev.onlineddl.app"
    })
    void mainCodeOfEveryModuleIsImported(String modulePackage) {
        // package-info counts: it proves the module's classes were found on the class path and imported.
        assertThat(MAIN_CODE.stream().map(JavaClass::getPackageName)).contains(modulePackage);
    }

    @Test
    void neitherTestCodeNorTestkitNorFixturesAreImported() {
        assertThat(MAIN_CODE.stream().map(JavaClass::getName))
                .isNotEmpty()
                .noneMatch(name -> name.startsWith("dev.onlineddl.testkit."))
                .noneMatch(name -> name.startsWith("dev.onlineddl.archfixture."))
                .noneMatch(name -> name.startsWith("dev.onlineddl.architecture."))
                .noneMatch(name -> name.endsWith("Test") || name.endsWith("IT"));
    }

    @ParameterizedTest(name = "{0} imported: {1}")
    @CsvSource({
        "file:/work/main/domain/target/classes/dev/onlineddl/domain/Migration.class,                      true",
        "jar:file:/m2/dev/onlineddl/spi/0.1.0/spi-0.1.0.jar!/dev/onlineddl/spi/StrategyPlugin.class,      true",
        "file:/work/main/domain/target/test-classes/dev/onlineddl/domain/MigrationTest.class,             false",
        "file:/work/main/testkit/target/classes/dev/onlineddl/testkit/EmbeddedServer.class,               false",
        "jar:file:/m2/dev/onlineddl/testkit/0.1.0/testkit-0.1.0.jar!/dev/onlineddl/testkit/Tck.class,     false",
    })
    void importLeavesOutTestCodeAndTestkit(String classFile, boolean imported) {
        assertThat(MainCode.isImported(Location.of(URI.create(classFile)))).isEqualTo(imported);
    }
}

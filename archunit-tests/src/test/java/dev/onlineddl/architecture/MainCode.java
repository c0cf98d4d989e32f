package dev.onlineddl.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/** Imports the main code of every module on this module's class path: no test code, no testkit. */
final class MainCode {

    /**
     * testkit is main code of its own module, but it is test support (JUnit, Testcontainers, embedded MariaDB) and
     * follows none of the production layering, so it is left out like test code is.
     */
    static final ImportOption WITHOUT_TESTKIT = location -> !location.contains("/dev/onlineddl/testkit/");

    private MainCode() {
    }

    static boolean isImported(Location location) {
        return new ImportOption.DoNotIncludeTests().includes(location) && WITHOUT_TESTKIT.includes(location);
    }

    static JavaClasses importEveryModule() {
        return new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(WITHOUT_TESTKIT)
                .importPackages(OnlineDdlArchitecture.ROOT_PACKAGE);
    }
}

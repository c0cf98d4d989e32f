package dev.onlineddl.adapter.mysql.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.jooq.codegen.DefaultGeneratorStrategy;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.Definition;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Strategy;
import org.jooq.meta.jaxb.Target;
import org.jooq.meta.mariadb.MariaDBDatabase;
import org.jooq.meta.mysql.MySQLDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: the one way to regenerate the committed jOOQ classes (src/main/generated-jooq), run
 * only by the Maven profile {@code jooq-codegen} (its name matches no test pattern) (see adapters-mysql/pom.xml). It lets Flyway
 * create the control schema on a throwaway database of the test server and generates from what
 * the server then reports, so the classes match the real column types (generating from the SQL
 * scripts through H2 loses unsigned types and more).
 */
@EnabledIfSystemProperty(named = RegenerateJooqClasses.TARGET_PROPERTY, matches = ".+")
@ExtendWith(TestDatabaseExtension.class)
class RegenerateJooqClasses {

    static final String TARGET_PROPERTY = "onlineddl.jooq.codegen.target";
    static final String PACKAGE = "dev.onlineddl.adapter.mysql.store.jooq";

    @Test
    void regenerateFromFlywayMigratedControlSchema(TestDatabase db) throws Exception {
        // The throwaway database itself serves as the control schema; the generated classes carry
        // no schema name (outputSchemaToDefault), ControlSchema maps them at run time.
        ControlSchema controlSchema = new ControlSchema(db.name());
        controlSchema.migrate(db.dataSource());

        Path target = Path.of(System.getProperty(TARGET_PROPERTY));
        Configuration configuration = new Configuration()
                .withGenerator(new Generator()
                        .withStrategy(new Strategy().withName(OnePackageStrategy.class.getName()))
                        .withDatabase(new Database()
                                .withName(db.server().isMariaDb() ? MariaDBDatabase.class.getName() : MySQLDatabase.class.getName())
                                .withInputSchema(controlSchema.name())
                                .withOutputSchemaToDefault(true)
                                .withIncludes(".*")
                                .withExcludes(ControlSchema.HISTORY_TABLE))
                        .withGenerate(new Generate()
                                // no date or version stamp: regenerating an unchanged schema gives no diff
                                .withGeneratedAnnotation(false)
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(target.toString())
                                .withClean(true)));

        // The connection is handed over directly, so no password goes into the configuration.
        try (Connection connection = db.openConnection()) {
            GenerationTool tool = new GenerationTool();
            tool.setConnection(connection);
            tool.run(configuration);
        }

        assertThat(target.resolve(PACKAGE.replace('.', '/')).resolve("SchemaMigrations.java"))
                .exists()
                .satisfies(file -> assertThat(Files.readString(file)).doesNotContain(controlSchema.name()));
    }

    /**
     * Puts every generated class in one package. jOOQ's default layout (tables, records, keys
     * and the schema in sibling packages that refer to each other) is a package cycle, which
     * the architecture rules forbid everywhere, generated code included.
     */
    public static final class OnePackageStrategy extends DefaultGeneratorStrategy {
        @Override
        public String getJavaPackageName(Definition definition, Mode mode) {
            return getTargetPackage();
        }
    }
}

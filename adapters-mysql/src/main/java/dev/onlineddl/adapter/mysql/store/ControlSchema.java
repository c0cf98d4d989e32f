package dev.onlineddl.adapter.mysql.store;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.port.out.MigrationStoreException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;

/**
 * The database that holds onlineddl's own tables (default {@value #DEFAULT_NAME}): the migration
 * queue {@code schema_migrations} and Flyway's history of this schema's versions. Several
 * onlineddl instances, each migrating its own target database, may share one control schema.
 *
 * <p>The tables are created and upgraded by the Flyway scripts in {@code db/onlineddl} on the
 * class path. The jOOQ classes are generated without a schema name; {@link #jooqSettings()} maps
 * them onto this schema's configured name when SQL is rendered.
 */
public final class ControlSchema {

    public static final String DEFAULT_NAME = "_onlineddl";

    /** Flyway's history table, inside the control schema. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private static final String SCRIPTS_LOCATION = "classpath:db/onlineddl";

    /**
     * Names we accept: plain identifiers of at most MySQL's 64 characters. We quote the name
     * everywhere, but a name that needs no quoting also stays unsurprising in a shell
     * ({@code --control-schema}), in a mysql client session and on a case-sensitive file system.
     */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

    private final String name;

    public ControlSchema(String name) {
        Objects.requireNonNull(name, "control schema name");
        if (!VALID_NAME.matcher(name).matches()) {
            throw new InvalidInputException("invalid control schema name '" + name
                    + "': use 1 to 64 letters, digits, '_' or '$' (default " + DEFAULT_NAME + ")");
        }
        this.name = name;
    }

    public static ControlSchema withDefaultName() {
        return new ControlSchema(DEFAULT_NAME);
    }

    public String name() {
        return name;
    }

    /**
     * Creates the control schema or brings it up to the version this code knows. Running it again
     * changes nothing. Safe to run from several processes at once (Flyway takes a lock).
     *
     * @return the control schema's version afterwards
     * @throws ControlSchemaVersionException if the control schema was upgraded by a newer onlineddl
     * @throws MigrationStoreException if the server cannot be reached or the scripts fail
     */
    public int migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        try {
            rejectFutureVersion(flyway.info());
            flyway.migrate();
            return versionNumber(flyway.info().current());
        } catch (FlywayException e) {
            throw new MigrationStoreException("cannot create or upgrade control schema " + name
                    + ": " + e.getMessage() + " (check that the server is reachable and writable and that the user may"
                    + " CREATE, ALTER and INSERT in " + name + ")", e);
        }
    }

    /** jOOQ settings that render the generated (schema-less) tables as tables of this schema. */
    public Settings jooqSettings() {
        return new Settings().withRenderMapping(new RenderMapping().withSchemata(
                // The classes were generated with outputSchemaToDefault: their schema is the
                // unnamed default schema, which we map to the configured name.
                new MappedSchema().withInput("").withOutput(name)));
    }

    private Flyway flyway(DataSource dataSource) {
        return Flyway.configure(ControlSchema.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(name)
                .defaultSchema(name)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations(SCRIPTS_LOCATION)
                .failOnMissingLocations(true)
                .load();
    }

    /**
     * Flyway by default only warns about applied versions it has no script for ("future"
     * migrations). For us they mean a newer onlineddl changed the tables in ways this code does
     * not know: running on could corrupt the queue, so we refuse to start.
     */
    private void rejectFutureVersion(MigrationInfoService info) {
        Optional<MigrationVersion> newest = Arrays.stream(info.applied())
                .filter(applied -> applied.getState() == MigrationState.FUTURE_SUCCESS
                        || applied.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        if (newest.isPresent()) {
            throw new ControlSchemaVersionException("control schema " + name + " is at version "
                    + newest.get().getVersion() + " but this onlineddl knows versions up to " + knownVersion(info)
                    + ": upgrade onlineddl or point --control-schema elsewhere");
        }
    }

    private static int knownVersion(MigrationInfoService info) {
        return Arrays.stream(info.all())
                .filter(migration -> migration.getState() != MigrationState.FUTURE_SUCCESS
                        && migration.getState() != MigrationState.FUTURE_FAILED)
                .mapToInt(ControlSchema::versionNumber)
                .max()
                .orElse(0);
    }

    private static int versionNumber(MigrationInfo migration) {
        if (migration == null || migration.getVersion() == null) {
            return 0;
        }
        return Integer.parseInt(migration.getVersion().getVersion());
    }

    @Override
    public String toString() {
        return name;
    }
}

package eventshop.platform.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings one service's schema to the newest version with Flyway: the scripts of
 * {@code db/migration/<schema>/} (V1__baseline.sql, then V2, ...), with the schema's own history table
 * ({@code <schema>.flyway_schema_history}), so that each service's schema evolves on its own.
 *
 * <p>A database created before Flyway (the JPA create scripts) has the schema and its tables but no history:
 * {@code baselineOnMigrate} records it as version 1 without running V1, and the later versions run on it.
 * Several servers starting at once against one database migrate one at a time ({@link MigrationLock}, held from
 * Flyway's first look at the database: its own lock comes later): the first migrates, the others find the history
 * up to date.
 */
public final class SchemaMigrations {

    static final String LOCATION_PREFIX = "classpath:db/migration/";

    private SchemaMigrations() {
    }

    /**
     * Migrates {@code schema} through connections of {@code dataSource}, which must not be enlisted in a
     * transaction: Flyway commits each migration itself.
     */
    public static MigrateResult migrate(DataSource dataSource, String schema, ClassLoader scripts) {
        try (MigrationLock serverAtATime = MigrationLock.take(dataSource, schema)) {
            return configuration(dataSource, schema, scripts).load().migrate();
        }
    }

    /** Flyway as {@link #migrate} uses it, for a test to stop at a given version. */
    static FluentConfiguration configuration(DataSource dataSource, String schema, ClassLoader scripts) {
        return Flyway.configure(scripts)
                .dataSource(dataSource)
                .schemas(asStored(dataSource, schema))
                .createSchemas(true)
                .locations(LOCATION_PREFIX + schema)
                // A location that finds nothing would otherwise pass silently, e.g. if the class loader
                // of an EAR module hid the scripts from the scan.
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("tables created before Flyway");
    }

    /**
     * The schema's name as the database stores unquoted identifiers (H2: ORDERS, PostgreSQL: orders):
     * Flyway quotes the names it is given, while the scripts write them unquoted.
     */
    static String asStored(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            if (metaData.storesUpperCaseIdentifiers()) {
                return schema.toUpperCase(Locale.ROOT);
            }
            return metaData.storesLowerCaseIdentifiers() ? schema.toLowerCase(Locale.ROOT) : schema;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate schema " + schema, e);
        }
    }
}

package eventshop.platform.persistence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Each service's schema brought to its newest version (Flyway, {@link SchemaMigrations}) once per deployment, before
 * anything reads it. A persistence unit migrates its schema as it sets up ({@link MigratingSessionCustomizer}), but on
 * a server started with the application already deployed (every instance of a deployment group, Payara after a
 * restart) a unit is set up only when its first entity manager is used: code that reads a schema with plain SQL before
 * that (the outboxes' sweep and the readiness check read {@code <producer>.outbox}) asks here first. Found on a fresh
 * two-instance start, whose readiness answered 500 for ten minutes: "relation customers.outbox does not exist".
 *
 * <p>Flyway runs on a thread of its own because the caller may be inside a JTA transaction (a unit set up by the
 * first message after a restart, a relay's batch): a connection taken from the XA pool on that thread would be
 * enlisted in the caller's transaction, where Flyway's own commits are refused. On a fresh thread the pool hands out
 * a connection in local, auto-commit mode. Several servers at once are serialised by {@link MigrationLock}.
 */
public final class MigratedSchemas {

    private static final Logger LOG = Logger.getLogger(MigratedSchemas.class.getName());

    /** Per deployment: the class is the application's, loaded again by each deployment. */
    private static final Set<String> MIGRATED = ConcurrentHashMap.newKeySet();

    private MigratedSchemas() {
    }

    /** Migrates the schema unless this deployment already did; returns at once once it has. */
    public static void ensure(DataSource dataSource, String schema) {
        if (MIGRATED.contains(schema)) {
            return;
        }
        synchronized (MigratedSchemas.class) {
            if (!MIGRATED.contains(schema)) {
                MigrateResult result = outsideAnyTransaction(schema, () -> SchemaMigrations.migrate(dataSource, schema,
                        MigratedSchemas.class.getClassLoader()));
                LOG.info(() -> "Schema " + schema + ": " + result.migrationsExecuted + " migrations applied, from version "
                        + result.initialSchemaVersion + (result.migrationsExecuted > 0 ? " to " + result.targetSchemaVersion : ""));
                MIGRATED.add(schema);
            }
        }
    }

    private static MigrateResult outsideAnyTransaction(String schema, java.util.function.Supplier<MigrateResult> migration) {
        AtomicReference<MigrateResult> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread migrator = new Thread(() -> {
            try {
                result.set(migration.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "eventshop-migrate-" + schema);
        migrator.setContextClassLoader(MigratedSchemas.class.getClassLoader());
        migrator.start();
        try {
            migrator.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while migrating schema " + schema, e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Migrating schema " + schema + " failed", failure.get());
        }
        return result.get();
    }
}

package eventshop.platform.persistence;

import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates a persistence unit's schema (Flyway, {@link SchemaMigrations}) while EclipseLink sets the unit
 * up, before its session logs in: named by {@code eclipselink.session.customizer} in persistence.xml, with
 * the schema in the unit's property {@value #SCHEMA_PROPERTY}.
 *
 * <p>Why here and not in a {@code @Startup} singleton: Payara 6 activates message-driven beans before it
 * initialises startup singletons ({@code org.glassfish.ejb.startup.EjbApplication.start} calls every
 * container's {@code startApplication}, the MDB container's included, and only then
 * {@code SingletonLifeCycleManager.doStartup}; read in ejb-container.jar of 6.2025.9), so a listener could
 * touch a table first. A persistence unit, instead, cannot run a query before its session has logged in,
 * and the login waits for this customizer. On a deployment the unit is set up even earlier: Payara's
 * {@code JPADeployer} opens an entity manager of every unit when the application is prepared, before any
 * EJB container starts; on a server restart the first entity manager used does it.
 *
 * <p>Flyway runs on a thread of its own because the unit may be set up inside a caller's JTA transaction
 * (the first message after a restart): a connection taken from the XA pool on that thread would be
 * enlisted in the caller's transaction, where Flyway's own commits are refused. On a fresh thread the pool
 * hands out a connection in local, auto-commit mode.
 */
public class MigratingSessionCustomizer implements SessionCustomizer {

    static final String SCHEMA_PROPERTY = "eventshop.migrations.schema";

    private static final Logger LOG = Logger.getLogger(MigratingSessionCustomizer.class.getName());

    @Override
    public void customize(Session session) throws Exception {
        String schema = (String) session.getProperty(SCHEMA_PROPERTY);
        if (schema == null) {
            throw new IllegalStateException("persistence unit " + session.getName() + " names no " + SCHEMA_PROPERTY);
        }
        DataSource dataSource = ((JNDIConnector) session.getLogin().getConnector()).getDataSource();
        MigrateResult result = outsideAnyTransaction(schema,
                () -> SchemaMigrations.migrate(dataSource, schema, MigratingSessionCustomizer.class.getClassLoader()));
        LOG.info(() -> "Schema " + schema + ": " + result.migrationsExecuted + " migrations applied, from version "
                + result.initialSchemaVersion + (result.migrationsExecuted > 0 ? " to " + result.targetSchemaVersion : ""));
    }

    private static MigrateResult outsideAnyTransaction(String schema, java.util.function.Supplier<MigrateResult> migration)
            throws InterruptedException {
        AtomicReference<MigrateResult> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread migrator = new Thread(() -> {
            try {
                result.set(migration.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "eventshop-migrate-" + schema);
        migrator.setContextClassLoader(MigratingSessionCustomizer.class.getClassLoader());
        migrator.start();
        migrator.join();
        if (failure.get() != null) {
            throw new IllegalStateException("Migrating schema " + schema + " failed", failure.get());
        }
        return result.get();
    }
}

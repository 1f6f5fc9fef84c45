package eventshop.platform.persistence;

import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

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
 * <p>The migration itself, once per deployment and outside any transaction: {@link MigratedSchemas}.
 */
public class MigratingSessionCustomizer implements SessionCustomizer {

    static final String SCHEMA_PROPERTY = "eventshop.migrations.schema";

    @Override
    public void customize(Session session) throws Exception {
        String schema = (String) session.getProperty(SCHEMA_PROPERTY);
        if (schema == null) {
            throw new IllegalStateException("persistence unit " + session.getName() + " names no " + SCHEMA_PROPERTY);
        }
        DataSource dataSource = ((JNDIConnector) session.getLogin().getConnector()).getDataSource();
        MigratedSchemas.ensure(dataSource, schema);
    }
}

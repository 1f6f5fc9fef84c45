package eventshop.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Held by a server for the whole migration of one schema, from Flyway's first look at the database to its last
 * migration. Flyway's own lock is taken only once it has decided what to do: servers starting at once on a database
 * without the schema each find no history, and each creates the schema, creates the history table or baselines the
 * tables another is creating; all but one fail, and on a database whose DDL does not roll back (H2) the failed
 * version stays in the history and stops every later start. Under this lock the first server migrates and the
 * others find the history up to date.
 *
 * <p>PostgreSQL (several servers of a deployment group share it): a session advisory lock, keyed by the schema, on a
 * connection of its own, released explicitly (a pool keeps the session open after close). H2: the database is
 * embedded in one JVM (its file is locked by the process that opened it), so its servers are threads of this JVM and
 * a lock of this JVM serialises them.
 */
final class MigrationLock implements AutoCloseable {

    /** The first half of the advisory lock's key: EventShop's migrations ("ESMG"); the schema's hash is the second. */
    private static final int MIGRATIONS = 0x45534D47;

    private static final Map<String, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Connection connection;
    private final ReentrantLock local;
    private final int key;

    private MigrationLock(Connection connection, ReentrantLock local, int key) {
        this.connection = connection;
        this.local = local;
        this.key = key;
    }

    /** Waits until no other server migrates the schema. */
    static MigrationLock take(DataSource dataSource, String schema) {
        String name = schema.toLowerCase(Locale.ROOT);
        int key = name.hashCode();
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                call(connection, "SELECT pg_advisory_lock(?, ?)", key);
                return new MigrationLock(connection, null, key);
            }
            connection.close();
            ReentrantLock local = IN_THIS_JVM.computeIfAbsent(name, any -> new ReentrantLock());
            local.lock();
            return new MigrationLock(null, local, key);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new IllegalStateException("Cannot take the lock to migrate schema " + schema, e);
        }
    }

    @Override
    public void close() {
        if (local != null) {
            local.unlock();
            return;
        }
        try (connection) {
            call(connection, "SELECT pg_advisory_unlock(?, ?)", key);
        } catch (SQLException e) {
            // The session's end releases it too; a pooled session may live on, so the failure is said.
            throw new IllegalStateException("Cannot release the schema migration lock", e);
        }
    }

    private static void call(Connection connection, String sql, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, MIGRATIONS);
            statement.setInt(2, key);
            statement.executeQuery().close();
        }
    }

    private static void closeQuietly(Connection connection, SQLException cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}

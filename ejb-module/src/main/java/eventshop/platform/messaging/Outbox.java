package eventshop.platform.messaging;

import eventshop.platform.persistence.MigratedSchemas;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A producer's transactional outbox: table {@code <producer>.outbox} (db/migration/orders/V4, customers/V2,
 * warehouse/V2), the journal
 * positions of its events ({@link EventJournal}) that are committed but not sent yet. The journal row and the
 * outbox row are written in the caller's transaction, which then needs no broker at all: one local commit in
 * the database (Payara commits a transaction with a single resource in one phase, without its log).
 * {@link OutboxRelay} sends the events after that commit, in journal order, and deletes their outbox rows in the
 * XA transaction that sends them. So an event is sent if and only if its transaction committed, as with a send
 * in the transaction; a relay that dies between the broker's and the database's commit is resolved by XA
 * recovery, and a copy sent twice anyway carries the same duplicate id (the event id), which the broker drops.
 */
@ApplicationScoped
public class Outbox {

    /**
     * The producers whose requests publish through an outbox (their schema has an outbox table): every service a
     * request of the public API makes publish. orders: OrderPlaced, the customer's OrderCancelled; customers: the
     * CustomerRegistered of a registration; warehouse: the ProductUpdated of a product change. One relay
     * ({@link OutboxRelay}), one sweep ({@link OutboxSweep}), one gauge per producer and one operator view serve
     * them all. A producer added here needs its outbox table (a Flyway migration of its schema, like orders V4).
     */
    public static final List<String> PRODUCERS = List.of("orders", "customers", "warehouse");

    @Resource(lookup = "jdbc/eventshop")
    DataSource database;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Marks the journaled event as to be sent once the caller's transaction commits, and wakes the relay then.
     * The position is the journal's own (its identity column), found by the event id the journal holds once.
     */
    void add(String producer, UUID eventId) {
        String sql = "insert into " + table(producer) + " (position) select position from "
                + EventJournal.table(producer) + " where event_id = ?";
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, eventId.toString());
            if (insert.executeUpdate() != 1) {
                throw new SQLException("the event is not in the journal");
            }
        } catch (SQLException e) {
            // Unchecked: the caller's transaction rolls back, with the event it journaled.
            throw new IllegalStateException("Could not put event " + eventId + " of " + producer + " in the outbox", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add to the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake(producer);
                }
            }
        });
    }

    /**
     * The first positions waiting to be sent, in journal order, locked until the caller's transaction ends
     * ({@code FOR UPDATE}, which waits, deliberately not {@code SKIP LOCKED}): a relay of another server
     * instance blocks on the first row this one holds instead of sending the events behind it, so the two
     * neither send a row twice nor overtake each other. Once this transaction commits those rows are gone and
     * the waiting relay goes on with the next ones.
     */
    List<Long> lockNext(String producer, int limit) {
        MigratedSchemas.ensure(database, EventJournal.schema(producer));
        String sql = "select position from " + table(producer) + " order by position fetch first ? rows only for update";
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<Long> positions = new ArrayList<>();
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                }
                return positions;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox of " + producer, e);
        }
    }

    /** Forgets the events that were sent, in the transaction that sent them. */
    void sent(String producer, List<Long> positions) {
        String sql = "delete from " + table(producer) + " where position = ?";
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            for (long position : positions) {
                delete.setLong(1, position);
                delete.addBatch();
            }
            delete.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete sent events from the outbox of " + producer, e);
        }
    }

    /**
     * What waits in a producer's outbox: how many events, committed since when, and whether the relay's last
     * attempt to send them failed. An outbox that does not drain is a broker the relay cannot reach.
     *
     * @param pending events committed and not sent yet
     * @param oldestSince when the oldest of them was journaled, null when none waits
     * @param failing whether this server's relay failed at its last attempt (the broker cannot be reached)
     */
    public record Backlog(String producer, long pending, OffsetDateTime oldestSince, boolean failing) {
    }

    public Backlog backlog(String producer) {
        MigratedSchemas.ensure(database, EventJournal.schema(producer));
        String sql = "select count(*), min(j.journaled_at) from " + table(producer) + " o join "
                + EventJournal.table(producer) + " j on j.position = o.position";
        try (Connection connection = database.getConnection();
             PreparedStatement count = connection.prepareStatement(sql);
             ResultSet row = count.executeQuery()) {
            row.next();
            OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
            return new Backlog(producer, row.getLong(1), oldest == null ? null : oldest.withOffsetSameInstant(ZoneOffset.UTC),
                    relay.failing(producer));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox of " + producer, e);
        }
    }

    private static String table(String producer) {
        return EventJournal.schema(producer) + ".outbox";
    }
}

package eventshop.platform.messaging;

import eventshop.events.Envelope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
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
 * Every producing service's journal of the events it published: table {@code <producer>.event_journal}
 * in the producer's own schema (db/migration/<service>/), one row per event, written in the transaction
 * that sends the event. The row and the message commit together or not at all, so the journal is
 * exactly what the subscribers were sent, and an operator can send it again (replay).
 *
 * <p>Plain JDBC on the JTA data source rather than an entity: the publisher serves every service, and
 * one persistence unit per service cannot map a table found in four schemas. A connection taken from
 * jdbc/eventshop inside a transaction is enlisted in it by the container, as the services' entity
 * managers' connections are.
 */
@ApplicationScoped
public class EventJournal {

    private static final String COLUMNS = "position, event_id, type, version, correlation_id, causation_id, group_id, "
            + "occurred_at, destination, body";

    @Resource(lookup = "jdbc/eventshop")
    DataSource database;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Journals an event being published; the caller's transaction must be active (it is the send's). */
    void record(Envelope envelope, String destination, String groupId, String body) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            // Without a transaction the row and the message would commit separately: one could exist alone.
            throw new IllegalStateException("Events are published inside a transaction only; "
                    + envelope.type() + " " + envelope.eventId() + " was not");
        }
        String sql = "insert into " + table(envelope.producer()) + " (event_id, type, version, correlation_id, "
                + "causation_id, group_id, occurred_at, destination, body, journaled_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, envelope.eventId().toString());
            insert.setString(2, envelope.type());
            insert.setInt(3, envelope.version());
            insert.setString(4, envelope.correlationId());
            insert.setString(5, envelope.causationId());
            insert.setString(6, groupId);
            insert.setObject(7, envelope.occurredAt().atOffset(ZoneOffset.UTC));
            insert.setString(8, destination);
            insert.setString(9, body);
            insert.setObject(10, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            // Unchecked, so the transaction rolls back and the event is not sent either.
            throw new IllegalStateException("Could not journal " + envelope.type() + " " + envelope.eventId(), e);
        }
    }

    /** The producer's journaled events within the range, in journal order, at most limit of them. */
    public List<JournaledEvent> read(String producer, JournalRange range, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from " + table(producer) + " where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, "position >= ?", range.fromPosition());
        condition(sql, parameters, "position <= ?", range.toPosition());
        condition(sql, parameters, "occurred_at >= ?", range.from());
        condition(sql, parameters, "occurred_at <= ?", range.to());
        condition(sql, parameters, "type = ?", range.type());
        condition(sql, parameters, "correlation_id = ?", range.correlationId());
        sql.append(" order by position");
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                List<JournaledEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new JournaledEvent(rows.getLong("position"), producer,
                            UUID.fromString(rows.getString("event_id")), rows.getString("type"), rows.getInt("version"),
                            rows.getString("correlation_id"), rows.getString("causation_id"), rows.getString("group_id"),
                            rows.getObject("occurred_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                            rows.getString("destination"), rows.getString("body")));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event journal of " + producer, e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            parameters.add(value);
        }
    }

    static String table(String producer) {
        return schema(producer) + ".event_journal";
    }

    /** The producer's name is its schema's name; checked, since it becomes part of the SQL. */
    static String schema(String producer) {
        if (producer == null || !producer.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a producer (schema) name: " + producer);
        }
        return producer;
    }
}

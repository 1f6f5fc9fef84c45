package eventshop.platform.messaging;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A service's record of the messages it has processed, in its own schema (table
 * {@code <schema>.processed_message}, primary key event_id), written in the same transaction as the
 * service's other changes: a redelivered or duplicated message is recognised and has no second effect.
 * The record also keeps which delivery of the message succeeded (1 unless it was retried), and which Payara
 * instance handled it ({@link #INSTANCE}).
 *
 * <p>Two copies processed at the same moment both pass {@link #alreadyProcessed}; the second insert
 * then violates the primary key, its transaction rolls back, and the redelivery finds the record.
 */
public final class ProcessedMessages {

    /** The Payara instance this runs on (com.sun.aas.instanceName): "server" in the one-server mode. */
    public static final String INSTANCE = System.getProperty("com.sun.aas.instanceName", "server");

    private final EntityManager em;
    private final String table;

    /** @param em an entity manager of the service's own persistence unit; schema: that unit's schema */
    public ProcessedMessages(EntityManager em, String schema) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        this.em = em;
        this.table = schema + ".processed_message";
    }

    public boolean alreadyProcessed(UUID eventId) {
        return !em.createNativeQuery("select 1 from " + table + " where event_id = ?")
                .setParameter(1, eventId.toString())
                .getResultList()
                .isEmpty();
    }

    /**
     * @param groupId the message's JMSXGroupID as the consumer received it (the order id), or null
     * @param deliveryCount the message's JMSXDeliveryCount: 1 on its first delivery
     */
    public void record(UUID eventId, String type, String groupId, int deliveryCount) {
        em.createNativeQuery("insert into " + table
                        + " (event_id, type, processed_at, group_id, delivery_count, instance_name) values (?, ?, ?, ?, ?, ?)")
                .setParameter(1, eventId.toString())
                .setParameter(2, type)
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(4, groupId)
                .setParameter(5, deliveryCount)
                .setParameter(6, INSTANCE)
                .executeUpdate();
    }
}

package eventshop.platform.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of a producer's event journal: an event exactly as it was published (the envelope's JSON
 * in body, the JMS properties beside it), with its place in that producer's journal.
 *
 * @param position the journal's own order (per producer: each producing service has its own journal)
 * @param destination the address it was published to, e.g. eventshop.orders.events
 * @param groupId the JMS message group it was published in (the event's correlation key)
 */
public record JournaledEvent(long position, String producer, UUID eventId, String type, int version,
                             String correlationId, String causationId, String groupId, OffsetDateTime occurredAt,
                             String destination, String body) {
}

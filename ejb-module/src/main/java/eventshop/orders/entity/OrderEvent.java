package eventshop.orders.entity;

import eventshop.events.Envelope;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as an order's timeline records it: what happened, which service said so, when, and the
 * message's id (to trace it on the broker and in the other services' logs).
 *
 * @param detail what the event adds in words (a decline reason, the skus short of stock); may be null
 */
public record OrderEvent(String type, String producer, String eventId, Instant at, String detail) {

    public OrderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(at, "at");
    }

    public static OrderEvent of(Envelope envelope, String detail) {
        return new OrderEvent(envelope.type(), envelope.producer(), envelope.eventId().toString(),
                envelope.occurredAt(), detail);
    }
}

package eventshop.events;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON envelope every EventShop message travels in.
 *
 * <p>The payload stays a {@link JsonObject} here so that a consumer can upcast an old version before
 * binding it to the current record (see {@link EventCodec#payload}).
 */
public record Envelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String correlationId,
        String causationId,
        String producer,
        JsonObject payload) {

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payload, "payload");
    }
}

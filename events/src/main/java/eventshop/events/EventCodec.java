package eventshop.events;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Maps envelopes and their payloads to and from JSON.
 *
 * <p>The envelope is read field by field with JSON-P so that a bad message is rejected with a reason
 * that names the field; payloads are bound to their records with JSON-B, which ignores unknown
 * fields (a newer producer may add some).
 */
public final class EventCodec {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /**
     * Looked up once: every {@code Json.createReader}/{@code createObjectBuilder} call looks the provider up
     * again through the ServiceLoader, which in Payara scans its class loaders' resources. That lookup was the
     * biggest single item of the server's CPU profile under load, three times per message (docs/performance.md).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private EventCodec() {
    }

    /** Wraps an event in a new envelope. */
    public static Envelope envelope(Event event, String correlationId, String causationId, String producer) {
        Contract contract = contractOf(event.getClass());
        JsonObject payload;
        try (JsonReader reader = JSON.createReader(new StringReader(JSONB.toJson(event)))) {
            payload = reader.readObject();
        }
        return new Envelope(UUID.randomUUID(), contract.type(), contract.version(), Instant.now(),
                correlationId, causationId, producer, payload);
    }

    public static String toJson(Envelope envelope) {
        var json = JSON.createObjectBuilder()
                .add("eventId", envelope.eventId().toString())
                .add("type", envelope.type())
                .add("version", envelope.version())
                .add("occurredAt", envelope.occurredAt().toString());
        addNullable(json, "correlationId", envelope.correlationId());
        addNullable(json, "causationId", envelope.causationId());
        return json.add("producer", envelope.producer())
                .add("payload", envelope.payload())
                .build()
                .toString();
    }

    /**
     * Reads an envelope.
     *
     * @throws MalformedMessageException naming what is wrong, when the text is not an envelope
     */
    public static Envelope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedMessageException("empty message body");
        }
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedMessageException("body is not a JSON object: " + e.getMessage(), e);
        }
        try {
            return new Envelope(
                    UUID.fromString(requiredString(json, "eventId")),
                    requiredString(json, "type"),
                    requiredInt(json, "version"),
                    Instant.parse(requiredString(json, "occurredAt")),
                    optionalString(json, "correlationId"),
                    optionalString(json, "causationId"),
                    requiredString(json, "producer"),
                    requiredObject(json, "payload"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedMessageException("envelope field has a bad value: " + e.getMessage(), e);
        }
    }

    /**
     * Binds an envelope's payload to the given contract, upcasting an older version to the current one.
     *
     * @throws MalformedMessageException when the type does not match, the version is newer than
     *     this consumer knows (or has no upcaster), or a required field of the contract is missing
     */
    public static <T extends Event> T payload(Envelope envelope, Class<T> type) {
        Contract contract = contractOf(type);
        if (!contract.type().equals(envelope.type())) {
            throw new MalformedMessageException(
                    "expected type " + contract.type() + " but the envelope says " + envelope.type());
        }
        if (envelope.version() > contract.version() || envelope.version() < 1) {
            throw new MalformedMessageException("unsupported version " + envelope.version() + " of "
                    + envelope.type() + " (this consumer knows versions 1 to " + contract.version() + ")");
        }
        // Upcast first: an old version lacks the fields its successors added, and that is no error.
        JsonObject payload = Upcasters.upcast(envelope.type(), envelope.version(), contract.version(),
                envelope.payload());
        RequiredFields.check(envelope.type(), payload, type);
        try {
            return JSONB.fromJson(payload.toString(), type);
        } catch (JsonbException e) {
            throw new MalformedMessageException(envelope.type() + " payload does not bind: " + e.getMessage(), e);
        }
    }

    public static Contract contractOf(Class<?> type) {
        Contract contract = type.getAnnotation(Contract.class);
        if (contract == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @Contract");
        }
        return contract;
    }

    private static String requiredString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedMessageException("envelope lacks the string field '" + field + "'");
        }
        return json.getString(field);
    }

    private static String optionalString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? json.getString(field) : null;
    }

    private static int requiredInt(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new MalformedMessageException("envelope lacks the number field '" + field + "'");
        }
        return json.getInt(field);
    }

    private static JsonObject requiredObject(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedMessageException("envelope lacks the object field '" + field + "'");
        }
        return value.asJsonObject();
    }

    private static void addNullable(jakarta.json.JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }
}

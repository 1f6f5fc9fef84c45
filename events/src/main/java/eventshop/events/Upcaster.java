package eventshop.events;

import jakarta.json.JsonObject;

/**
 * Turns the payload of one version of a contract into the next version's payload. Consumers then
 * only ever bind the current record, while producers of every older version stay in circulation.
 * Register each one in {@link Upcasters#ALL}.
 */
public interface Upcaster {

    /** The contract's type, as in {@link Contract#type()}. */
    String type();

    /** The version this upcaster reads; it returns version {@code fromVersion() + 1}. */
    int fromVersion();

    JsonObject upcast(JsonObject payload);
}

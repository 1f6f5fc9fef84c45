package eventshop.events;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@link OrderPlaced} version 1 to 2. Version 1 had no currency anywhere: the shop sold in euros only,
 * so the order and every line get {@code "EUR"}.
 */
final class OrderPlacedV1Upcaster implements Upcaster {

    static final String V1_CURRENCY = "EUR";

    @Override
    public String type() {
        return EventCodec.contractOf(OrderPlaced.class).type();
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public JsonObject upcast(JsonObject payload) {
        var order = Json.createObjectBuilder(payload).add("currency", V1_CURRENCY);
        JsonValue lines = payload.get("lines");
        // Anything but an array is left as it is, for the payload check to reject with its reason.
        if (lines != null && lines.getValueType() == JsonValue.ValueType.ARRAY) {
            order.add("lines", withCurrency(lines.asJsonArray()));
        }
        return order.build();
    }

    private static JsonArrayBuilder withCurrency(Iterable<JsonValue> lines) {
        JsonArrayBuilder result = Json.createArrayBuilder();
        for (JsonValue line : lines) {
            result.add(line.getValueType() == JsonValue.ValueType.OBJECT
                    ? Json.createObjectBuilder(line.asJsonObject()).add("currency", V1_CURRENCY).build()
                    : line);
        }
        return result;
    }
}

package eventshop.events;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@link OrderPlaced} version 2 to 3. Version 2 carried the card number; version 3 carries the gateway's
 * token and the last four digits. No token can be made here (only the gateway makes them), so the number is
 * kept for the one consumer that may use it, payments, which exchanges it for a token at once; every other
 * consumer reads {@code cardLast4} and nothing else. A number masked by the orders V3 migration
 * ({@code ************4242}) still gives its last four.
 */
final class OrderPlacedV2Upcaster implements Upcaster {

    @Override
    public String type() {
        return EventCodec.contractOf(OrderPlaced.class).type();
    }

    @Override
    public int fromVersion() {
        return 2;
    }

    @Override
    public JsonObject upcast(JsonObject payload) {
        JsonValue number = payload.get("cardNumber");
        // Anything but a string is left as it is, for the payload check to reject with its reason.
        if (number == null || number.getValueType() != JsonValue.ValueType.STRING) {
            return payload;
        }
        String card = payload.getString("cardNumber");
        return Json.createObjectBuilder(payload).add("cardLast4", CardNumbers.lastFour(card)).build();
    }
}

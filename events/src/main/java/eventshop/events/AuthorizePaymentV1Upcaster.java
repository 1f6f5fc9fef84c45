package eventshop.events;

import jakarta.json.JsonObject;

/**
 * {@link AuthorizePayment} version 1 to 2: nothing to add. Version 1 named the card by its number, which the
 * record still reads ({@code @Until(1)}): the gateway, the one party allowed to see a number, answers it as
 * before. The step exists so that version 1 is read as a known version, not refused for lack of an upcaster.
 */
final class AuthorizePaymentV1Upcaster implements Upcaster {

    @Override
    public String type() {
        return EventCodec.contractOf(AuthorizePayment.class).type();
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public JsonObject upcast(JsonObject payload) {
        return payload;
    }
}

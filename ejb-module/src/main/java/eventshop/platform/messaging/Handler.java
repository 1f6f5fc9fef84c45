package eventshop.platform.messaging;

import eventshop.events.Envelope;
import eventshop.events.Event;
import eventshop.events.EventCodec;
import java.util.function.BiConsumer;

/** What a service does with one type of event: the payload, bound to its record, and its envelope. */
public record Handler<T extends Event>(Class<T> type, BiConsumer<T, Envelope> action) {

    public static <T extends Event> Handler<T> on(Class<T> type, BiConsumer<T, Envelope> action) {
        return new Handler<>(type, action);
    }

    public String typeName() {
        return EventCodec.contractOf(type).type();
    }

    void handle(Envelope envelope) {
        T payload = EventCodec.payload(envelope, type);
        action.accept(payload, envelope);
    }
}

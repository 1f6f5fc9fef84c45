package eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test helpers that put contracts on the wire as text and read them back as a consumer does. */
final class Wire {

    private Wire() {
    }

    /** The event as a producer sends it. */
    static String json(Event event) {
        return EventCodec.toJson(EventCodec.envelope(event, event.correlationKey(), null, "test"));
    }

    /** Replaces text in a message, failing if it is not there (a test that edits nothing proves nothing). */
    static String edit(String json, String from, String to) {
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    static <T extends Event> T read(String json, Class<T> type) {
        return EventCodec.payload(EventCodec.parse(json), type);
    }

    static void assertRejected(String json, Class<? extends Event> type, String reason) {
        assertThatThrownBy(() -> read(json, type))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(reason);
    }
}

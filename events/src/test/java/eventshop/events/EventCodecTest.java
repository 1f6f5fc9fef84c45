package eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final ProductUpdated event = new ProductUpdated("SKU-1", "Mug", new BigDecimal("12.50"), 30);

    @Test
    void envelopeRoundTripsThroughJson() {
        Envelope envelope = EventCodec.envelope(event, "SKU-1", null, "warehouse");

        Envelope parsed = EventCodec.parse(EventCodec.toJson(envelope));

        assertThat(parsed).isEqualTo(envelope);
        assertThat(parsed.type()).isEqualTo("ProductUpdated");
        assertThat(parsed.version()).isEqualTo(1);
        assertThat(EventCodec.payload(parsed, ProductUpdated.class)).isEqualTo(event);
    }

    @Test
    void unknownPayloadFieldsAreIgnored() {
        String json = EventCodec.toJson(EventCodec.envelope(event, "SKU-1", null, "warehouse"))
                .replace("\"sku\":", "\"colour\":\"blue\",\"sku\":");

        assertThat(EventCodec.payload(EventCodec.parse(json), ProductUpdated.class)).isEqualTo(event);
    }

    @Test
    void garbageIsRejectedWithAReason() {
        assertThatThrownBy(() -> EventCodec.parse("this is not json"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> EventCodec.parse("{\"type\":\"ProductUpdated\"}"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("'eventId'");
    }

    @Test
    void missingPayloadFieldIsNamed() {
        String json = EventCodec.toJson(EventCodec.envelope(event, "SKU-1", null, "warehouse"))
                .replace("\"price\":12.50,", "");

        assertThatThrownBy(() -> EventCodec.payload(EventCodec.parse(json), ProductUpdated.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("'price'");
    }

    @Test
    void newerMajorVersionIsRejected() {
        String json = EventCodec.toJson(EventCodec.envelope(event, "SKU-1", null, "warehouse"))
                .replace("\"version\":1", "\"version\":99");

        assertThatThrownBy(() -> EventCodec.payload(EventCodec.parse(json), ProductUpdated.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("unsupported version 99");
    }
}

package eventshop.events;

import static eventshop.events.Wire.assertRejected;
import static eventshop.events.Wire.edit;
import static eventshop.events.Wire.json;
import static eventshop.events.Wire.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract that tells the orders service a compensating step failed for good. */
class CompensationFailedTest {

    private final CompensationFailed refused = new CompensationFailed(Samples.ORDER, CompensationFailed.REFUND,
            "refund refused by the gateway: refund refused for this card");

    @Test
    void isAKnownContractAboutTheOrder() {
        assertThat(Contracts.isKnown("CompensationFailed")).isTrue();
        assertThat(EventCodec.contractOf(CompensationFailed.class).version()).isEqualTo(1);
        // Grouped with the order's other messages, so it cannot overtake the event it is about.
        assertThat(refused.correlationKey()).isEqualTo(Samples.ORDER);
    }

    @Test
    void roundTripsWithItsReason() {
        Envelope envelope = EventCodec.parse(json(refused));

        assertThat(envelope.type()).isEqualTo("CompensationFailed");
        assertThat(EventCodec.payload(envelope, CompensationFailed.class)).isEqualTo(refused);
    }

    @Test
    void everyFieldIsRequired() {
        assertRejected(edit(json(refused), "\"reason\":", "\"why\":"), CompensationFailed.class, "'reason'");
        assertRejected(edit(json(refused), "\"compensation\":", "\"step\":"), CompensationFailed.class, "'compensation'");
        assertRejected(edit(json(refused), "\"orderId\":", "\"order\":"), CompensationFailed.class, "'orderId'");
    }

    @Test
    void aNewerMinorFieldIsIgnored() {
        String withExtra = edit(json(refused), "\"reason\":", "\"retryable\":true,\"reason\":");

        assertThat(read(withExtra, CompensationFailed.class)).isEqualTo(refused);
    }
}

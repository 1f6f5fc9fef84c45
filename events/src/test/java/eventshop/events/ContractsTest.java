package eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every contract in circulation is registered, and a consumer reads back what a producer sent. */
class ContractsTest {

    @Test
    void everyRegisteredContractHasASampleAndNoSampleIsUnregistered() {
        List<Class<?>> sampled = Samples.ALL.stream().<Class<?>>map(Object::getClass).toList();

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(Contracts.ALL);
    }

    @Test
    void everyContractRoundTripsThroughItsEnvelope() {
        for (Event event : Samples.ALL) {
            assertThat(Wire.read(Wire.json(event), event.getClass())).as(event.getClass().getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void everyRegisteredTypeIsKnownAndNothingElse() {
        for (Class<? extends Event> type : Contracts.ALL) {
            assertThat(Contracts.isKnown(EventCodec.contractOf(type).type())).as(type.getSimpleName()).isTrue();
        }
        assertThat(Contracts.isKnown("ProductTeleported")).isFalse();
    }

    @Test
    void aRemovedComponentIsOlderThanItsContractAndReadOnlyFromUpcasts() {
        for (Class<? extends Event> type : Contracts.ALL) {
            for (var component : type.getRecordComponents()) {
                Until until = component.getAnnotation(Until.class);
                if (until != null) {
                    assertThat(until.value()).as(component.toString()).isLessThan(EventCodec.contractOf(type).version());
                    MayBeAbsent absent = component.getAnnotation(MayBeAbsent.class);
                    assertThat(absent != null && absent.onlyWhenUpcast()).as(component + " is @MayBeAbsent(onlyWhenUpcast = true)")
                            .isTrue();
                }
            }
        }
    }

    @Test
    void noSampleOfTheCurrentVersionsCarriesACardNumber() {
        for (Event event : Samples.ALL) {
            assertThat(Wire.json(event)).as(event.getClass().getSimpleName()).doesNotContain("cardNumber")
                    .doesNotContainPattern("[0-9]{13,19}");
        }
    }
}

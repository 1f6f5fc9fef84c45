package eventshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    @Test
    void switchedOffItNeverLooksAtTheMessage() {
        assertThatCode(() -> new FaultInjection(false).afterHandling("orders", null, 1)).doesNotThrowAnyException();
    }

    @Test
    void aMessageWithoutTheFaultNeverFails() {
        assertThat(FaultInjection.fails(null, null, 1)).isFalse();
        assertThat(FaultInjection.fails("before-handling", 3, 1)).isFalse();
    }

    @Test
    void theFirstDeliveryFailsWhenNoCountIsGiven() {
        assertThat(FaultInjection.fails(FaultInjection.AFTER_HANDLING, null, 1)).isTrue();
        assertThat(FaultInjection.fails(FaultInjection.AFTER_HANDLING, null, 2)).isFalse();
    }

    @Test
    void theGivenNumberOfDeliveriesFailThenTheNextSucceeds() {
        assertThat(FaultInjection.fails(FaultInjection.AFTER_HANDLING, 2, 1)).isTrue();
        assertThat(FaultInjection.fails(FaultInjection.AFTER_HANDLING, "2", 2)).isTrue();
        assertThat(FaultInjection.fails(FaultInjection.AFTER_HANDLING, 2, 3)).isFalse();
    }
}

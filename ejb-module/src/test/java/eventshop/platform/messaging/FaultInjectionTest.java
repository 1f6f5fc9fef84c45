package eventshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import javax.transaction.xa.XAResource;
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

    @Test
    void switchedOffItNeverEnlistsAnything() {
        assertThatCode(() -> new FaultInjection(false).beforeHandling("orders", null, 1)).doesNotThrowAnyException();
    }

    @Test
    void onlyTheFirstDeliveryOfAMarkedMessageHaltsTheInstance() {
        assertThat(FaultInjection.halts(FaultInjection.HALT_INSTANCE_ON_COMMIT, 1)).isTrue();
        assertThat(FaultInjection.halts(FaultInjection.HALT_INSTANCE_ON_COMMIT, 2)).as("the redelivery after the crash").isFalse();
        assertThat(FaultInjection.halts(FaultInjection.AFTER_HANDLING, 1)).isFalse();
        assertThat(FaultInjection.halts("halt-broker-on-commit", 1)).as("the broker's own fault").isFalse();
        assertThat(FaultInjection.halts(null, 1)).isFalse();
    }

    @Test
    void theHaltingParticipantVotesToCommitAndHaltsOnlyOnTheCommit() throws Exception {
        int[] halted = {0};
        HaltOnCommit participant = new HaltOnCommit("test", () -> halted[0]++);
        assertThat(participant.prepare(null)).as("XA_OK, so that it takes part in the commit phase").isEqualTo(XAResource.XA_OK);
        participant.rollback(null);
        assertThat(halted[0]).isZero();
        participant.commit(null, false);
        assertThat(halted[0]).isOne();
        assertThat(participant.isSameRM(new HaltOnCommit("other", () -> { }))).as("a branch of its own").isFalse();
        assertThat(participant.recover(XAResource.TMSTARTRSCAN)).as("nothing to recover").isEmpty();
    }
}

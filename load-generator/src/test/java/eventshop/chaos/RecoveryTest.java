package eventshop.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The recovery times of a fault and their bounds, from the orders' acceptance and completion times. */
class RecoveryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** Killed at 100 s, running again at 130 s. */
    private static final Recovery.Fault BROKER = new Recovery.Fault("broker kill -9", at(100), at(125), at(130), false, true);

    /** One order a second from 0 to 99 s, each completed 2 s later: a steady 1 order/s before the fault. */
    private static List<Recovery.Order> steady() {
        List<Recovery.Order> orders = new ArrayList<>();
        for (int second = 0; second < 98; second++) {
            orders.add(new Recovery.Order(at(second), at(second + 2), true));
        }
        return orders;
    }

    @Test
    void theFirstCompletionAndTheDrainAreCountedFromTheRestartAndBoundedByTheRateBefore() {
        List<Recovery.Order> orders = steady();
        // The backlog: 10 orders accepted before the kill, completed 20 s to 40 s after the restart.
        for (int i = 0; i < 10; i++) {
            orders.add(new Recovery.Order(at(98 + i * 0.1), at(150 + 2 * i), true));
        }

        Recovery.Measured measured = Recovery.measure(List.of(BROKER), orders).get(0);

        assertThat(measured.firstCompletion()).isEqualTo(Duration.ofSeconds(20));
        assertThat(measured.backlog()).isEqualTo(10);
        assertThat(measured.rate()).isBetween(0.95, 1.0);
        assertThat(measured.drained()).isEqualTo(Duration.ofSeconds(38));
        // 60 s + 2 x 10 orders / ~0.98 orders/s
        assertThat(measured.drainBound().toSeconds()).isBetween(80L, 81L);
        assertThat(Recovery.violations(List.of(measured))).isEmpty();
    }

    @Test
    void aClientsCancelDoesNotCountAsTheShopBackAtWork() {
        List<Recovery.Order> orders = steady();
        // Cancelled by its client right after the restart (the REST API alone), then the first order a message completes.
        orders.add(new Recovery.Order(at(98), at(132), false));
        orders.add(new Recovery.Order(at(131), at(200), true));

        Recovery.Measured measured = Recovery.measure(List.of(BROKER), orders).get(0);

        assertThat(measured.firstCompletion()).isEqualTo(Duration.ofSeconds(70));
        assertThat(Recovery.violations(List.of(measured))).singleElement().asString()
                .startsWith("broker kill -9: first order completed 70 s after the restart (bound 60 s)");
    }

    @Test
    void aBacklogThatNeverEndsOrDrainsTooSlowlyIsAViolation() {
        List<Recovery.Order> never = steady();
        never.add(new Recovery.Order(at(99), null, false));
        never.add(new Recovery.Order(at(99), at(131), true));
        List<Recovery.Order> slow = steady();
        slow.add(new Recovery.Order(at(99), at(131), true));
        slow.add(new Recovery.Order(at(99), at(130 + 200), true));

        assertThat(Recovery.violations(Recovery.measure(List.of(BROKER), never))).singleElement().asString()
                .isEqualTo("broker kill -9: backlog of 2 orders drained never after the restart (bound 64 s)");
        assertThat(Recovery.violations(Recovery.measure(List.of(BROKER), slow))).singleElement().asString()
                .contains("drained 200 s after the restart");
    }

    @Test
    void aReadinessThatSaidUpBeforeTheApiAnsweredIsAViolation() {
        Recovery.Fault payara = new Recovery.Fault("Payara kill -9", at(100), at(125), at(130), false, false);
        List<Recovery.Order> orders = steady();
        orders.add(new Recovery.Order(at(99), at(131), true));

        assertThat(Recovery.violations(Recovery.measure(List.of(payara), orders))).singleElement().asString()
                .isEqualTo("Payara kill -9: the readiness said UP after the restart before the API answered");
    }

    @Test
    void theSecondFaultsRateIsMeasuredOnceTheFirstBacklogIsGone() {
        List<Recovery.Order> orders = steady();
        orders.add(new Recovery.Order(at(99), at(140), true));
        // After the first backlog: 40 orders completed at 2 a second between 140 s and 160 s, then Payara is killed.
        for (int i = 0; i < 40; i++) {
            orders.add(new Recovery.Order(at(139), at(140 + i * 0.5), true));
        }
        Recovery.Fault payara = new Recovery.Fault("Payara kill -9", at(160), at(200), at(230), false, true);

        List<Recovery.Measured> measured = Recovery.measure(List.of(BROKER, payara), orders);

        assertThat(measured.get(1).rate()).isBetween(1.9, 2.1);
    }

    @Test
    void tooFewCompletionsBeforeTheFaultTakeTheWholeRunsRate() {
        List<Recovery.Order> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(new Recovery.Order(at(i), at(i + 50), true)); // 5 before the kill at 100 s
        }
        for (int i = 0; i < 15; i++) {
            orders.add(new Recovery.Order(at(99), at(140 + i), true)); // the backlog, after the restart at 130 s
        }

        Recovery.Measured measured = Recovery.measure(List.of(BROKER), orders).get(0);

        // 20 completed between 0 s and 154 s
        assertThat(measured.rate()).isBetween(0.12, 0.13);
        assertThat(measured.drainedInBound()).isTrue();
    }

    @Test
    void aFaultWhoseMeasurementTheNextFaultCutsShortIsJudgedOnlyAsFarAsItWasSeen() {
        List<Recovery.Order> orders = steady();
        orders.add(new Recovery.Order(at(99), at(300), true)); // completed only after the next fault
        Recovery.Fault soon = new Recovery.Fault("Payara kill -9", at(160), at(190), at(200), false, true); // 30 s after the restart
        Recovery.Fault late = new Recovery.Fault("Payara kill -9", at(200), at(240), at(250), false, true); // 70 s after it

        Recovery.Measured cut = Recovery.measure(List.of(BROKER, soon), orders).get(0);
        Recovery.Measured seen = Recovery.measure(List.of(BROKER, late), orders).get(0);

        assertThat(cut.firstCompletionInBound()).isTrue();
        assertThat(cut.drainedInBound()).isTrue();
        assertThat(cut.line()).contains("not before the next fault (30 s later)");
        assertThat(seen.firstCompletionInBound()).as("a whole minute seen, nothing completed").isFalse();
    }

    @Test
    void anInstanceKilledWhileTheOtherServesHasItsFirstCompletionCountedFromTheKillToo() {
        List<Recovery.Order> orders = steady();
        orders.add(new Recovery.Order(at(150), at(163), true)); // the other instance completes it 3 s after the kill
        orders.add(new Recovery.Order(at(200), at(235), true)); // and this one after the killed one is ready again
        Recovery.Fault instance = new Recovery.Fault("instance-2 kill -9", at(160), at(220), at(230), true, true);

        Recovery.Measured measured = Recovery.measure(List.of(instance), orders).get(0);

        assertThat(measured.firstSinceKill()).isEqualTo(Duration.ofSeconds(3));
        assertThat(measured.firstCompletion()).as("from its own readiness").isEqualTo(Duration.ofSeconds(5));
        assertThat(measured.line()).startsWith("| instance-2 kill -9 | 70 s | 5 s |");
    }

    @Test
    void anInstanceBackToAShopWithNothingLeftToDoIsNotAStall() {
        List<Recovery.Order> orders = steady(); // every order completed by the other instance before it is back
        Recovery.Fault instance = new Recovery.Fault("instance-2 kill -9", at(160), at(220), at(230), true, true);

        Recovery.Measured measured = Recovery.measure(List.of(instance), orders).get(0);

        assertThat(measured.firstCompletionInBound()).isTrue();
        assertThat(measured.drainedInBound()).isTrue();
        assertThat(measured.line()).contains("nothing left to complete");
        assertThat(Recovery.violations(List.of(measured))).isEmpty();
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }
}

package eventshop.ops.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTargetsTest {

    @Test
    void everySubscriptionAcceptsReplaysAndReadsTheJournalsOfTheProducersItListensTo() {
        assertThat(ReplayTargets.services()).containsExactlyInAnyOrder(
                "orders", "customers", "payments", "warehouse", "notifications");
        assertThat(ReplayTargets.producersOf("notifications")).hasValue(
                List.of("orders", "customers", "warehouse", "payments"));
        assertThat(ReplayTargets.producersOf("orders")).hasValue(List.of("warehouse", "payments", "customers"));
        assertThat(ReplayTargets.producersOf("customers")).hasValue(List.of("orders", "warehouse", "payments"));
        assertThat(ReplayTargets.producersOf("payments")).hasValue(List.of("orders", "warehouse"));
        assertThat(ReplayTargets.producersOf("warehouse")).hasValue(List.of("orders", "payments"));
        assertThat(ReplayTargets.producersOf("gateway")).isEmpty();
    }

    @Test
    void aSubscriptionWhoseSelectorWouldDropReplayedCopiesIsRefused() {
        assertThatThrownBy(() -> ReplayTargets.producersOf(List.of(DeafSubscription.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replayedTo = 'deaf'");
    }

    @Test
    void theProducersAreTheAddressesTheSelectorNames() {
        assertThat(ReplayTargets.producersOf(List.of(ListeningSubscription.class)))
                .isEqualTo(Map.of("listening", List.of("orders", "payments")));
    }

    @MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "deaf"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "AMQAddress IN ('eventshop.orders.events')")
    })
    static class DeafSubscription {
    }

    @MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "listening"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = "AMQAddress IN ('eventshop.orders.events', 'eventshop.payments.events') OR replayedTo = 'listening'")
    })
    static class ListeningSubscription {
    }
}

package eventshop.ops.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
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

    /**
     * The broker's diverts (jms-config/broker.xml) feed each subscription address from the topics the MDB's
     * selector names: a topic missing from either side would lose that producer's events without a trace.
     */
    @Test
    void theBrokersDivertsFeedEachSubscriptionFromTheTopicsItsSelectorNames() throws Exception {
        Map<String, TreeSet<String>> diverted = new TreeMap<>();
        NodeList diverts = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("..", "jms-config", "broker.xml").toFile()).getElementsByTagName("divert");
        for (int i = 0; i < diverts.getLength(); i++) {
            Element divert = (Element) diverts.item(i);
            String from = text(divert, "address");
            String to = text(divert, "forwarding-address");
            if (from.matches("eventshop\\.[a-z_]+\\.events") && to.matches("eventshop\\.[a-z_]+\\.subscription")) {
                diverted.computeIfAbsent(to.split("\\.")[1], service -> new TreeSet<>()).add(from.split("\\.")[1]);
            }
        }
        Map<String, TreeSet<String>> selected = new TreeMap<>();
        ReplayTargets.services().forEach(service ->
                selected.put(service, new TreeSet<>(ReplayTargets.producersOf(service).orElseThrow())));
        assertThat(diverted).isEqualTo(selected);
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
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
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "_AMQ_ORIG_ADDRESS IN ('eventshop.orders.events')")
    })
    static class DeafSubscription {
    }

    @MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "listening"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = "_AMQ_ORIG_ADDRESS IN ('eventshop.orders.events', 'eventshop.payments.events') OR replayedTo = 'listening'")
    })
    static class ListeningSubscription {
    }
}

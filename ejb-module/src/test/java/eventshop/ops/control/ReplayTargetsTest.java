package eventshop.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Replays read the journals of the producers a subscription listens to: the run-time topology's, which must be
 * what the broker's diverts feed each subscription from and what its selector accepts (all three are generated
 * from topology/topology.yaml; this checks the generated copies the application and the broker really load).
 */
class ReplayTargetsTest {

    private static final Pattern PRODUCER_ADDRESS = Pattern.compile("'eventshop\\.([a-z_]+)\\.events'");

    @Test
    void everySubscriptionReadsTheJournalsOfTheProducersItListensTo() {
        assertThat(ReplayTargets.services()).containsExactly("orders", "customers", "payments", "warehouse", "notifications");
        assertThat(ReplayTargets.producersOf("notifications")).hasValue(List.of("orders", "customers", "warehouse", "payments"));
        assertThat(ReplayTargets.producersOf("orders")).hasValue(List.of("warehouse", "payments", "customers"));
        assertThat(ReplayTargets.producersOf("gateway")).isEmpty();
    }

    @Test
    void theBrokersDivertsAndEachSelectorNameTheProducersAReplayReads() throws Exception {
        Map<String, TreeSet<String>> diverted = new TreeMap<>();
        for (Element divert : elements(Path.of("..", "jms-config", "generated", "diverts.xml"), "divert")) {
            String from = text(divert, "address");
            String to = text(divert, "forwarding-address");
            if (from.matches("eventshop\\.[a-z_]+\\.events")) {
                diverted.computeIfAbsent(to.split("\\.")[1], service -> new TreeSet<>()).add(from.split("\\.")[1]);
            }
        }
        Map<String, TreeSet<String>> selected = new TreeMap<>();
        for (Element bean : elements(Path.of("src", "main", "resources", "META-INF", "ejb-jar.xml"), "message-driven")) {
            String subscription = activationProperty(bean, "subscriptionName");
            if (subscription != null) {
                String selector = activationProperty(bean, "messageSelector");
                assertThat(selector).as("a replayed copy has no _AMQ_ORIG_ADDRESS").endsWith(" OR replayedTo = '" + subscription + "'");
                selected.put(subscription, PRODUCER_ADDRESS.matcher(selector).results().map(m -> m.group(1))
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
            }
        }
        Map<String, TreeSet<String>> replayed = new TreeMap<>();
        ReplayTargets.services().forEach(s -> replayed.put(s, new TreeSet<>(ReplayTargets.producersOf(s).orElseThrow())));
        assertThat(diverted).isEqualTo(replayed);
        assertThat(selected).isEqualTo(replayed);
    }

    private static List<Element> elements(Path file, String tag) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static String activationProperty(Element bean, String name) {
        for (Element property : elementsOf(bean, "activation-config-property")) {
            if (text(property, "activation-config-property-name").equals(name)) {
                return text(property, "activation-config-property-value");
            }
        }
        return null;
    }

    private static List<Element> elementsOf(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }
}

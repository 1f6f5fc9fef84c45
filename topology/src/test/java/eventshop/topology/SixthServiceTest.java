package eventshop.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The dry run of README's "Adding a service": a sixth service written only in a topology overlay
 * (src/test/resources/sixth-service.yaml) reaches every generated copy: its broker user and rules, its
 * subscription address, diverts and dead-letter queue, its connection pool, its listeners' activation config, the
 * run-time topology, the launcher's lists and the AsyncAPI document. The diff is printed, as a developer would see
 * it after bin/eventshop generate; the five services' own lines stay as they are.
 */
class SixthServiceTest {

    private static final Path ROOT = GeneratedCopiesTest.ROOT;

    @Test
    void aServiceWrittenOnlyInTheTopologyReachesEveryGeneratedCopy() {
        Map<String, String> before = new Generated(Topology.load(ROOT.resolve("topology/topology.yaml"))).files();
        Map<String, String> after = new Generated(Topology.load(ROOT.resolve("topology/topology.yaml"),
                ROOT.resolve("topology/src/test/resources/sixth-service.yaml"))).files();

        Map<String, List<String>> added = new TreeMap<>();
        before.forEach((path, content) -> added.put(path, addedLines(content, after.get(path))));
        added.forEach((path, lines) -> System.out.println("--- " + path + "\n" + String.join("\n", lines)));

        assertThat(added).allSatisfy((path, lines) -> assertThat(lines).as(path).isNotEmpty());
        assertThat(added.get("jms-config/users.properties")).contains("+returns=returns");
        assertThat(String.join("\n", added.get("jms-config/generated/security-settings.xml")))
                .contains("<security-setting match=\"eventshop.returns.events\">",
                        "<security-setting match=\"eventshop.returns.subscription\">",
                        "<permission type=\"consume\" roles=\"returns,amq\"/>",
                        "<security-setting match=\"eventshop.returns.dlq\">",
                        "<security-setting match=\"eventshop.returns.inspections\">");
        assertThat(String.join("\n", added.get("jms-config/generated/diverts.xml")))
                .contains("orders-events-to-returns", "warehouse-events-to-returns", "dead-letters-of-returns",
                        "dead-letters-of-returns-inspections");
        assertThat(String.join("\n", added.get("jms-config/generated/addresses.xml")))
                .contains("eventshop.returns.events", "eventshop.returns.subscription", "eventshop.returns.dlq");
        assertThat(String.join("\n", added.get("server-config/21-topology.asadmin")))
                .contains("eventshop-jms-returns-pool", "jms/eventshop/returns/ConnectionFactory",
                        "jms/eventshop/returns/dead-letters", "jms/eventshop/returns/inspections");
        assertThat(String.join("\n", added.get("ejb-module/src/main/resources/META-INF/ejb-jar.xml")))
                .contains("eventshop.returns.boundary.ReturnsSubscription", "eventshop.returns.boundary.InspectionListener",
                        "_AMQ_ORIG_ADDRESS IN ('eventshop.orders.events', 'eventshop.warehouse.events') OR replayedTo = 'returns'");
        assertThat(String.join("\n", added.get("bin/eventshop.topology")))
                .contains("EVENTSHOP_BROKER_RETURNS_PASSWORD:=returns-secret");
        assertThat(String.join("\n", added.get("web-module/src/main/resources/META-INF/asyncapi.yaml")))
                .contains("eventshop.returns.subscription:", "returns-receives:", "returns-publishes:");
    }

    /** The lines of the new version that the old one does not have (a diff's "+" side, enough to read here). */
    private static List<String> addedLines(String before, String after) {
        List<String> old = before.lines().toList();
        return after.lines().filter(line -> !old.contains(line)).map(line -> "+" + line).toList();
    }
}

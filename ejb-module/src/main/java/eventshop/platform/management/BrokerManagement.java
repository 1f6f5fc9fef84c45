package eventshop.platform.management;

import eventshop.clients.BrokerConsole;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the broker's own management API: the Jolokia endpoint of the Artemis web console, as the broker's
 * operator user (role amq), whose credentials come from configuration (system properties rendered from
 * bin/eventshop.defaults by server-config/10-domain.asadmin). Used by the Operator API's overview and by
 * the queue-depth gauges. The client is the project's one broker-management client ({@link BrokerConsole}, in the
 * EAR's lib/), the one the load generator, the chaos driver and the tests use: this bean gives it its settings
 * and turns its failures into {@link BrokerUnreadable} (a 503 to the operator). A broker pair's two consoles are
 * both given (eventshop.broker.console.port lists their ports); the client reads the live broker's.
 *
 * <p>Why Jolokia and not management messages to activemq.management: those need a plain (non-XA) Artemis
 * client inside the EAR, i.e. a second copy of the client classes beside the resource adapter's, and a
 * broker user allowed to manage; the application's XA pool must not be used for it (a management request
 * and its reply inside one transaction never meet). Jolokia is plain HTTP and JSON, which the server reads
 * with the JDK's HTTP client and JSON-P, and one pattern read returns every queue's counters at once, the
 * same numbers the Artemis console shows.
 */
@ApplicationScoped
public class BrokerManagement {

    @Inject
    @ConfigProperty(name = "eventshop.broker.console.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "eventshop.broker.console.port", defaultValue = "8161")
    String ports;

    @Inject
    @ConfigProperty(name = "eventshop.broker.management.user", defaultValue = "admin")
    String user;

    /**
     * The password alias eventshop-broker-management (bin/eventshop), which Payara's password config source serves
     * to MicroProfile Config under its name: the password is in no system property and no domain.xml line.
     */
    @Inject
    @ConfigProperty(name = "eventshop-broker-management", defaultValue = "")
    String password;

    private BrokerConsole console;

    @PostConstruct
    void connect() {
        List<URI> consoles = Arrays.stream(ports.split(",")).map(String::trim).filter(port -> !port.isEmpty())
                .map(port -> URI.create("http://" + host + ":" + port + "/")).toList();
        console = new BrokerConsole(consoles, user, password);
    }

    /** Every queue of the broker, keyed by MBean name: each with the attributes asked for. */
    public Map<String, JsonValue> queues(List<String> attributes) {
        return read(BrokerConsole.ALL_QUEUES, attributes);
    }

    /** Every address of the broker, keyed by MBean name. */
    public Map<String, JsonValue> addresses(List<String> attributes) {
        return read(BrokerConsole.ALL_ADDRESSES, attributes);
    }

    /** Every divert of the broker, keyed by MBean name. */
    public Map<String, JsonValue> diverts(List<String> attributes) {
        return read(BrokerConsole.ALL_DIVERTS, attributes);
    }

    /**
     * Whether the (live) broker's console answers and says the broker is active (started, not a waiting backup): a quick look before work on a pooled JMS connection that an
     * operator or a health probe waits for. While the broker is down its console refuses at once, whereas a pooled
     * connection reconnects (server-config/20-artemis.asadmin) and holds a call for the failover wait and the call
     * timeout (35 s measured) before it fails.
     */
    public boolean answers() {
        try {
            return JsonValue.TRUE.equals(console.attribute(BrokerConsole.BROKER, "Active"));
        } catch (BrokerConsole.Unreadable e) {
            return false;
        }
    }

    private Map<String, JsonValue> read(String mbeanPattern, List<String> attributes) {
        try {
            return console.read(mbeanPattern, attributes);
        } catch (BrokerConsole.Unreadable e) {
            throw new BrokerUnreadable(e.getMessage());
        }
    }
}

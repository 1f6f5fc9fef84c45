package eventshop.platform.metrics;

import eventshop.platform.management.BrokerManagement;
import eventshop.platform.messaging.MessagingTopology;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * How many messages wait in each service's queues, read from the broker's own management API (its
 * Jolokia endpoint, as the broker's admin user from the settings) every few seconds, and shown as gauges:
 * {@code eventshop_subscription_depth} per consuming queue and {@code eventshop_dead_letters_waiting} per
 * dead-letter queue. One read of every queue's MessageCount per refresh; the gauges return the last
 * value read, or NaN while the broker's management does not answer. The application's XA pool is not
 * used: management needs the admin role, which the services' broker user must not have.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BrokerDepths {

    private static final Logger LOG = Logger.getLogger(BrokerDepths.class.getName());

    /** The queues each service consumes: its subscription, and its command queues (topology/topology.yaml). */
    static final List<String> CONSUMED_QUEUES = MessagingTopology.get().consumedQueues();
    static final List<String> SERVICES = MessagingTopology.get().serviceNames();

    private static final Metadata DEPTH = Metadata.builder().withName("eventshop_subscription_depth")
            .withDescription("Messages waiting in a service's subscription (or command) queue on the broker").build();
    private static final Metadata DEAD_LETTERS = Metadata.builder().withName("eventshop_dead_letters_waiting")
            .withDescription("Messages waiting in a service's dead-letter queue for an operator").build();

    @Inject
    MetricRegistry registry;

    @Inject
    BrokerManagement broker;

    /** Queue name → messages waiting, as last read; replaced whole at each refresh. */
    private volatile Map<String, Long> depths = Map.of();

    @PostConstruct
    void registerGauges() {
        for (String queue : CONSUMED_QUEUES) {
            registry.gauge(DEPTH, () -> depthOf(queue),
                    new Tag("service", MessagingMetrics.serviceOf(queue)), new Tag("queue", queue));
        }
        for (String service : SERVICES) {
            String queue = "eventshop." + service + ".dlq";
            registry.gauge(DEAD_LETTERS, () -> depthOf(queue), new Tag("service", service), new Tag("queue", queue));
        }
    }

    private double depthOf(String queue) {
        Long depth = depths.get(queue);
        return depth == null ? Double.NaN : depth;
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void refresh() {
        try {
            depths = read();
        } catch (RuntimeException e) {
            // A metric, not a transaction: the gauges show NaN until the broker's management answers again.
            depths = Map.of();
            LOG.log(Level.WARNING, "Cannot read queue depths from the broker: {0}", String.valueOf(e));
        }
    }

    private Map<String, Long> read() {
        Map<String, Long> read = new HashMap<>();
        for (JsonValue queue : broker.queues(List.of("Name", "MessageCount")).values()) {
            JsonObject attributes = queue.asJsonObject();
            read.put(attributes.getString("Name"), attributes.getJsonNumber("MessageCount").longValue());
        }
        return read;
    }
}

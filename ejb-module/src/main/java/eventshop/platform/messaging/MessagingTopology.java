package eventshop.platform.messaging;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The messaging topology as the application sees it at run time: the services, the producers each one's
 * subscription listens to, the queues each consumes, and the parties that send. Read from
 * META-INF/eventshop-topology.json, which is generated from topology/topology.yaml with every other copy of it
 * (the broker's configuration, the listeners' activation config), so the metrics, the operator API and the
 * replays name exactly what the broker and the listeners were configured with.
 */
public final class MessagingTopology {

    static final String RESOURCE = "META-INF/eventshop-topology.json";

    /** One service: its name, which is also its subscription's, the producers it listens to, the queues it consumes. */
    public record Service(String name, List<String> listensTo, List<String> publishes, List<Queue> queues) {
    }

    /** A command or work queue a service consumes, and the message types sent to it. */
    public record Queue(String address, List<String> carries) {
    }

    /**
     * A message-driven bean: the queue it consumes (a subscription is named after its service), the system property
     * holding its number of consumers on an instance (its activation's maxSession), and that property's default.
     */
    public record Listener(String service, String queue, String consumersProperty, int defaultConsumers) {

        /**
         * The consumers this listener has on the instance running this code: its property as Payara resolves it into
         * the activation config. The Artemis resource adapter makes any value below 1 one session (AMQ153004).
         */
        public int consumersHere() {
            String value = System.getProperty(consumersProperty);
            try {
                return value == null ? defaultConsumers : Math.max(1, Integer.parseInt(value.trim()));
            } catch (NumberFormatException notANumber) {
                return defaultConsumers;
            }
        }
    }

    private static final MessagingTopology INSTANCE = read();

    private final Map<String, Service> services;
    private final List<Listener> listeners;
    private final List<String> senders;

    private MessagingTopology(Map<String, Service> services, List<Listener> listeners, List<String> senders) {
        this.services = services;
        this.listeners = listeners;
        this.senders = senders;
    }

    /** Every message-driven bean: the subscriptions, then the queues' listeners. */
    public List<Listener> listeners() {
        return listeners;
    }

    public static MessagingTopology get() {
        return INSTANCE;
    }

    /** Every service, in the order of topology.yaml. */
    public List<Service> services() {
        return List.copyOf(services.values());
    }

    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public Optional<Service> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Every queue a service consumes: each subscription (named after its service), then the command and work queues. */
    public List<String> consumedQueues() {
        return Stream.concat(services.keySet().stream(),
                services.values().stream().flatMap(s -> s.queues().stream()).map(Queue::address)).toList();
    }

    /** The queue a service consumes messages of this type from, if they are sent to a queue rather than a topic. */
    public Optional<String> queueCarrying(String type) {
        return services.values().stream().flatMap(s -> s.queues().stream())
                .filter(queue -> queue.carries().contains(type)).map(Queue::address).findFirst();
    }

    /** The parties with a connection factory of their own: every service, and the operator API. */
    public List<String> senders() {
        return senders;
    }

    static MessagingTopology read() {
        try (InputStream in = MessagingTopology.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the EJB module (bin/eventshop generate)");
            }
            try (JsonReader reader = Json.createReader(in)) {
                JsonObject json = reader.readObject();
                Map<String, Service> services = new LinkedHashMap<>();
                for (JsonValue value : json.getJsonArray("services")) {
                    JsonObject service = value.asJsonObject();
                    services.put(service.getString("name"), new Service(service.getString("name"),
                            strings(service, "listensTo"), strings(service, "publishes"), queues(service)));
                }
                List<Listener> listeners = json.getJsonArray("listeners").getValuesAs(JsonObject.class).stream()
                        .map(l -> new Listener(l.getString("service"), l.getString("queue"),
                                l.getString("consumersProperty"), l.getInt("consumers"))).toList();
                return new MessagingTopology(services, listeners, strings(json, "senders"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Queue> queues(JsonObject service) {
        return service.getJsonArray("queues").getValuesAs(JsonObject.class).stream()
                .map(queue -> new Queue(queue.getString("address"), strings(queue, "carries"))).toList();
    }

    private static List<String> strings(JsonObject json, String field) {
        return json.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}

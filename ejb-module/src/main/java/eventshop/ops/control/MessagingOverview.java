package eventshop.ops.control;

import eventshop.platform.management.BrokerManagement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the operator sees first: every EventShop topic, and every queue on EventShop addresses (the five
 * subscriptions, the command and work queues, the dead-letter queues) with the broker's own counters,
 * plus the dead letters waiting per service, and which Payara instance consumes what.
 */
@ApplicationScoped
public class MessagingOverview {

    private static final Pattern SERVICE_DEAD_LETTERS = Pattern.compile("eventshop\\.([a-z_]+)\\.dlq");
    private static final Pattern TOPIC = Pattern.compile("eventshop\\.([a-z_]+)\\.events");

    @Inject
    BrokerManagement broker;

    @Inject
    ConsumersPerInstance consumersPerInstance;

    /** One queue: depth = messages waiting (MessageCount, delivering ones included). */
    public record QueueCounters(String address, String queue, String kind, String service, String routingType,
                                long depth, long consumers, long messagesAdded, long delivering, String filter) {
    }

    /**
     * A topic: how many messages its address routed since the broker started, and the queues that receive
     * them: the subscriptions its diverts feed (no queue lives on a topic itself, see jms-config/broker.xml),
     * and any queue a client attached to the topic directly.
     */
    public record TopicCounters(String address, String producer, long routedMessages, List<String> queues) {
    }

    /**
     * One Payara instance ("server" in the one-server mode): its consumers per queue it consumes (a subscription is
     * named after its service), as it reported them last (ops.consumer_instance, {@link ConsumerRegistry}); whether it
     * reported within the last 45 s (running); and the messages each service handled on it in the last five minutes,
     * counted from the services' processed-message records, which name the instance ({@link ConsumersPerInstance}).
     */
    public record InstanceConsumers(String instance, boolean running, OffsetDateTime seenAt, Map<String, Integer> consumers,
                                    Map<String, Long> handledLastFiveMinutes) {
    }

    public record Overview(List<TopicCounters> topics, List<QueueCounters> queues, Map<String, Long> deadLetters,
                           List<InstanceConsumers> instances) {
    }

    public Overview read() {
        List<QueueCounters> queues = broker.queues(List.of("Address", "Name", "RoutingType", "MessageCount",
                        "ConsumerCount", "MessagesAdded", "DeliveringCount", "Filter")).values().stream()
                .map(JsonValue::asJsonObject)
                .filter(queue -> queue.getString("Address").startsWith("eventshop."))
                .map(MessagingOverview::queue)
                .sorted(Comparator.comparing(QueueCounters::kind).thenComparing(QueueCounters::queue))
                .toList();
        List<JsonObject> addresses = broker.addresses(List.of("Address", "RoutedMessageCount", "QueueNames")).values()
                .stream().map(JsonValue::asJsonObject).toList();
        Map<String, List<String>> queuesOf = new HashMap<>();
        addresses.forEach(address -> queuesOf.put(address.getString("Address"),
                address.getJsonArray("QueueNames").getValuesAs(JsonString::getString)));
        Map<String, List<String>> forwardedTo = new HashMap<>();
        broker.diverts(List.of("Address", "ForwardingAddress")).values().stream()
                .map(JsonValue::asJsonObject)
                .forEach(divert -> forwardedTo.computeIfAbsent(divert.getString("Address"), topic -> new ArrayList<>())
                        .add(divert.getString("ForwardingAddress")));
        List<TopicCounters> topics = addresses.stream()
                .filter(address -> TOPIC.matcher(address.getString("Address")).matches())
                .map(address -> topic(address, receivers(address.getString("Address"), queuesOf, forwardedTo)))
                .sorted(Comparator.comparing(TopicCounters::address))
                .toList();
        Map<String, Long> deadLetters = new LinkedHashMap<>();
        ReplayTargets.services().forEach(service -> deadLetters.put(service, 0L));
        queues.stream().filter(queue -> queue.kind().equals("dead-letters") && queue.service() != null)
                .forEach(queue -> deadLetters.put(queue.service(), queue.depth()));
        return new Overview(topics, queues, deadLetters, consumersPerInstance.read());
    }

    private static QueueCounters queue(JsonObject queue) {
        String address = queue.getString("Address");
        String name = queue.getString("Name");
        String kind;
        String service = null;
        Matcher deadLetters = SERVICE_DEAD_LETTERS.matcher(address);
        if (deadLetters.matches()) {
            kind = "dead-letters";
            service = deadLetters.group(1);
        } else if (address.equals("eventshop.dlq")) {
            kind = "dead-letters";
        } else if (ReplayTargets.services().contains(name)) {
            kind = "subscription";
            service = name;
        } else if ("ANYCAST".equalsIgnoreCase(queue.getString("RoutingType"))) {
            kind = "queue";
            service = address.split("\\.")[1];
        } else {
            kind = "subscriber";
        }
        JsonValue filter = queue.get("Filter");
        return new QueueCounters(address, name, kind, service, queue.getString("RoutingType"),
                number(queue, "MessageCount"), number(queue, "ConsumerCount"), number(queue, "MessagesAdded"),
                number(queue, "DeliveringCount"), filter instanceof JsonString text ? text.getString() : null);
    }

    private static TopicCounters topic(JsonObject address, List<String> receivers) {
        Matcher topic = TOPIC.matcher(address.getString("Address"));
        topic.matches();
        return new TopicCounters(address.getString("Address"), topic.group(1), number(address, "RoutedMessageCount"),
                receivers);
    }

    /** The queues on the topic itself and on every address its diverts forward to, sorted. */
    private static List<String> receivers(String topic, Map<String, List<String>> queuesOf,
                                          Map<String, List<String>> forwardedTo) {
        return Stream.concat(Stream.of(topic), forwardedTo.getOrDefault(topic, List.of()).stream())
                .flatMap(address -> queuesOf.getOrDefault(address, List.of()).stream())
                .sorted()
                .toList();
    }

    private static long number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber number ? number.longValue() : 0;
    }
}

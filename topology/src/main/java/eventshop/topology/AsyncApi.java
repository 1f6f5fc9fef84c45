package eventshop.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import eventshop.events.Contract;
import eventshop.events.Event;
import eventshop.events.EventCodec;
import eventshop.events.Until;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AsyncAPI 3.0 document of EventShop, from the topology and the contracts' records: every channel (topics,
 * subscription addresses, command and work queues, dead-letter queues), every operation (who sends, who
 * receives), every message at each of its versions with its JSON Schema, the envelope and the JMS properties.
 * Served by the running system at /asyncapi; the build checks it with the AsyncAPI parser.
 */
final class AsyncApi {

    private final Topology topology;
    private final Map<String, Object> channels = new LinkedHashMap<>();
    private final Map<String, Object> operations = new LinkedHashMap<>();
    private final Map<String, Object> messages = new LinkedHashMap<>();
    private final Map<String, Object> schemas = new LinkedHashMap<>();

    AsyncApi(Topology topology) {
        this.topology = topology;
    }

    String document() {
        Topology.contracts().values().forEach(this::describeContract);
        schemas.put("Envelope", envelope());
        messages.put("DeadLetter", deadLetter());
        for (Topology.Service producer : topology.producers()) {
            channel(producer.topic(), "The " + producer.name() + " service's events (a topic: diverts copy each event to "
                    + "the subscription of every service that listens to it).", messageKeys(producer.publishes()));
            operation(producer.name() + "-publishes", "send", producer.topic(),
                    "The " + producer.name() + " service publishes its events, each in the transaction that decided it.");
        }
        for (Topology.Service service : topology.services()) {
            List<String> received = new ArrayList<>();
            service.listensTo().forEach(p -> received.addAll(messageKeys(topology.service(p).publishes())));
            channel(service.subscriptionAddress(), "The " + service.name() + " service's subscription: one shared durable "
                    + "subscription named " + service.name() + ", fed by diverts from " + String.join(", ", service.listensTo())
                    + "; selector `" + service.selector() + "`. Replays and retried dead letters are sent here directly "
                    + "(property replayedTo).", distinct(received));
            operation(service.name() + "-receives", "receive", service.subscriptionAddress(),
                    "The " + service.name() + " service consumes its subscription (maxSession " + service.maxSession()
                            + " per server instance, one order's events in order: JMSXGroupID).");
            operation("ops-replays-to-" + service.name(), "send", service.subscriptionAddress(),
                    "The operator API sends journaled events again, or a retried dead letter, to this one subscription.");
        }
        for (Topology.Queue queue : topology.queues()) {
            channel(queue.address(), queue.description() + ".", messageKeys(queue.carries()));
            for (String sender : queue.sentBy()) {
                operation(sender + "-sends-" + queue.service() + "-" + queue.name(), "send", queue.address(),
                        queue.description() + ": sent by " + sender + ".");
            }
            operation(queue.consumedBy() + "-receives-" + queue.service() + "-" + queue.name(), "receive", queue.address(),
                    queue.description() + ": consumed by " + queue.consumedBy() + " (competing consumers).");
        }
        channel(Topology.DEAD_LETTER_ADDRESS, "The broker's dead-letter address: what failed every redelivery, handed by "
                + "diverts to the dead-letter queue of the service that failed it.", List.of("DeadLetter"));
        for (Topology.Service service : topology.services()) {
            channel(service.deadLetterQueue(), "Dead letters of the " + service.name() + " service: a message it can never "
                    + "process, with the reason, or one that failed every redelivery. Waits for an operator.",
                    List.of("DeadLetter"));
            operation(service.name() + "-dead-letters", "send", service.deadLetterQueue(),
                    "The " + service.name() + " service puts a message that can never succeed here, with the reason.");
            operation("ops-takes-dead-letters-of-" + service.name(), "receive", service.deadLetterQueue(),
                    "The operator API browses, retries and discards the dead letters.");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("info", info());
        document.put("defaultContentType", "application/json");
        document.put("servers", Ordered.map("artemis", server()));
        document.put("channels", channels);
        document.put("operations", operations);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("messages", messages);
        components.put("schemas", schemas);
        components.put("securitySchemes", Ordered.map("brokerUser", Ordered.map("type", "userPassword",
                "description", "One broker user per service and party (jms-config/users.properties); what each may do: "
                        + "jms-config/generated/security-settings.xml.")));
        document.put("components", components);
        try {
            return "# GENERATED from topology/topology.yaml and the records of events/ by "
                    + "bin/eventshop generate: do not edit (the build compares).\n" + yaml().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    }

    private static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "EventShop");
        info.put("version", "1.0.0");
        info.put("description", "The messages EventShop's services exchange on Apache Artemis. Each producing service "
                + "publishes on its topic eventshop.<service>.events; each consuming service reads every topic it needs "
                + "through one shared durable subscription on its own address eventshop.<service>.subscription (fed by "
                + "the broker's diverts); commands and work go through queues; what a service cannot process goes to its "
                + "dead-letter queue eventshop.<service>.dlq. Every message is a JSON envelope (eventId, type, version, "
                + "occurredAt, correlationId, causationId, producer, payload) whose type, version, correlation id and "
                + "producer are also JMS properties; JMSXGroupID keeps one order's messages in order and _AMQ_DUPL_ID (the "
                + "event id) lets the broker drop a duplicate. Generated from topology/topology.yaml and the records of "
                + "events/.");
        return info;
    }

    private static Map<String, Object> server() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("host", "127.0.0.1:61616");
        server.put("protocol", "jms");
        server.put("description", "Apache Artemis, CORE protocol only, login required (bin/eventshop start, profile dev; "
                + "EVENTSHOP_BROKER_PORT moves it).");
        server.put("security", List.of(Ordered.map("$ref", "#/components/securitySchemes/brokerUser")));
        return server;
    }

    /** One message per version of the contract (OrderPlaced.v1, OrderPlaced.v2), each with its payload schema. */
    private void describeContract(Class<? extends Event> record) {
        Contract contract = EventCodec.contractOf(record);
        for (int version = 1; version <= contract.version(); version++) {
            String key = key(contract.type(), version);
            schemas.put(key, JsonSchemas.of(record, version));
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("name", contract.type());
            message.put("title", contract.type() + " version " + version
                    + (version < contract.version() ? " (still read: upcast to version " + contract.version() + ")" : ""));
            String removed = removedBy(record, version);
            if (!removed.isEmpty()) {
                message.put("description", "Version " + version + " removed " + removed
                        + ": its producers never write it, and its schema refuses it.");
            }
            message.put("contentType", "application/json");
            message.put("correlationId", Ordered.map("description", "The order id (the customer id, the sku for the events "
                    + "about those), also the JMS property correlationId", "location", "$message.header#/correlationId"));
            message.put("headers", headers(contract.type(), version));
            message.put("payload", envelopeOf(contract.type(), version, key));
            messages.put(key, message);
        }
    }

    /** The components the record's {@code @Until} says the version removed (their last version is the one before). */
    private static String removedBy(Class<?> record, int version) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(Until.class)
                        && component.getAnnotation(Until.class).value() == version - 1)
                .map(RecordComponent::getName)
                .collect(Collectors.joining(", "));
    }

    private static String key(String type, int version) {
        return type + ".v" + version;
    }

    private List<String> messageKeys(List<String> types) {
        List<String> keys = new ArrayList<>();
        for (String type : types) {
            int current = EventCodec.contractOf(topology.contract(type)).version();
            for (int version = 1; version <= current; version++) {
                keys.add(key(type, version));
            }
        }
        return keys;
    }

    private static List<String> distinct(List<String> keys) {
        Set<String> seen = new LinkedHashSet<>(keys);
        return new ArrayList<>(seen);
    }

    private static Map<String, Object> headers(String type, int version) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Ordered.map("type", "string", "const", type, "description", "The envelope's type"));
        properties.put("version", Ordered.map("type", "integer", "const", version, "description", "The envelope's version"));
        properties.put("correlationId", Ordered.map("type", "string", "description", "The envelope's correlation id"));
        properties.put("producer", Ordered.map("type", "string", "description", "The envelope's producer"));
        properties.put("JMSXGroupID", Ordered.map("type", "string", "description", "The message group: the correlation key "
                + "(the order id), so that the broker hands one order's messages to one consumer, in order"));
        properties.put("_AMQ_DUPL_ID", Ordered.map("type", "string", "description", "The event id: the broker drops a second "
                + "message with the same id on an address (absent on replayed copies)"));
        properties.put("replayedTo", Ordered.map("type", "string", "description", "On a copy an operator sent again: the one "
                + "subscription it was sent to"));
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("type", "object");
        headers.put("description", "JMS message properties");
        headers.put("properties", properties);
        headers.put("required", List.of("type", "version", "producer"));
        return headers;
    }

    private static Map<String, Object> envelopeOf(String type, int version, String payloadSchema) {
        Map<String, Object> specific = new LinkedHashMap<>();
        specific.put("type", Ordered.map("const", type));
        specific.put("version", Ordered.map("const", version));
        specific.put("payload", Ordered.map("$ref", "#/components/schemas/" + payloadSchema));
        return Ordered.map("allOf", List.of(Ordered.map("$ref", "#/components/schemas/Envelope"),
                Ordered.map("type", "object", "properties", specific)));
    }

    private static Map<String, Object> envelope() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("eventId", Ordered.map("type", "string", "format", "uuid"));
        properties.put("type", Ordered.map("type", "string", "description", "The contract's name"));
        properties.put("version", Ordered.map("type", "integer", "minimum", 1));
        properties.put("occurredAt", Ordered.map("type", "string", "format", "date-time"));
        properties.put("correlationId", Ordered.map("type", "string", "description", "The order id (or customer id, sku)"));
        properties.put("causationId", Ordered.map("type", "string", "description", "The event id of the message that caused this one"));
        properties.put("producer", Ordered.map("type", "string", "description", "The service (or external party) that sent it"));
        properties.put("payload", Ordered.map("type", "object"));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "object");
        envelope.put("description", "The JSON envelope every EventShop message travels in (events/Envelope.java)");
        envelope.put("properties", properties);
        envelope.put("required", List.of("eventId", "type", "version", "occurredAt", "producer", "payload"));
        return envelope;
    }

    private static Map<String, Object> deadLetter() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("deadLetterReason", Ordered.map("type", "string", "description", "Why it was dead-lettered"));
        properties.put("deadLetterOrigin", Ordered.map("type", "string", "description", "The subscription or queue that failed it"));
        properties.put("originalDestination", Ordered.map("type", "string", "description", "Where it had been sent"));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", "DeadLetter");
        message.put("title", "A dead letter: the message as it was received (any envelope, or what was not one)");
        message.put("headers", Ordered.map("type", "object", "properties", properties));
        message.put("payload", Ordered.map("description", "The original body, unchanged"));
        return message;
    }

    private void channel(String address, String description, List<String> messageKeys) {
        Map<String, Object> refs = new LinkedHashMap<>();
        messageKeys.forEach(key -> refs.put(key, Ordered.map("$ref", "#/components/messages/" + key)));
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("address", address);
        channel.put("description", description);
        channel.put("messages", refs);
        channels.put(address, channel);
    }

    @SuppressWarnings("unchecked")
    private void operation(String id, String action, String address, String description) {
        Map<String, Object> channel = (Map<String, Object>) channels.get(address);
        List<Object> refs = new ArrayList<>();
        ((Map<String, Object>) channel.get("messages")).keySet().forEach(key ->
                refs.add(Ordered.map("$ref", "#/channels/" + escape(address) + "/messages/" + key)));
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("action", action);
        operation.put("channel", Ordered.map("$ref", "#/channels/" + escape(address)));
        operation.put("description", description);
        operation.put("messages", refs);
        operations.put(id, operation);
    }

    /** A JSON pointer segment: '/' and '~' are escaped (addresses have neither today, but a pointer must be one). */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}

package eventshop.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eventshop.events.Contracts;
import eventshop.events.Event;
import eventshop.events.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * EventShop's messaging topology, read from topology.yaml and checked: the services, their topics,
 * subscriptions, queues and dead-letter queues, the broker users, and what each may do. The generators
 * ({@link Generated}) write every copy from this one model.
 */
public final class Topology {

    public static final String PREFIX = "eventshop.";
    /** The broker's dead-letter address: its diverts hand each dead letter to the service that failed it. */
    public static final String DEAD_LETTER_ADDRESS = "eventshop.dlq";
    /** The operators' role: everything, on every address. */
    public static final String ADMIN_ROLE = "amq";
    /** The operator API's party: it sends replays and retried dead letters, reads the dead-letter queues. */
    public static final String OPS = "ops";

    private static final Map<String, Class<? extends Event>> CONTRACTS = Contracts.ALL.stream()
            .collect(Collectors.toMap(type -> EventCodec.contractOf(type).type(), Function.identity(),
                    (a, b) -> a, LinkedHashMap::new));

    private final Spec.Defaults defaults;
    private final List<Service> services;
    private final List<Party> parties;

    private Topology(Spec.File spec) {
        this.defaults = Objects.requireNonNull(spec.defaults(), "defaults");
        this.services = spec.services().entrySet().stream()
                .map(entry -> new Service(entry.getKey(), entry.getValue(), defaults)).toList();
        this.parties = spec.parties().entrySet().stream()
                .map(entry -> new Party(entry.getKey(), entry.getValue())).toList();
        check();
    }

    /** Reads topology.yaml, then each overlay in turn: an overlay adds services and parties (e.g. a test's). */
    public static Topology load(Path file, Path... overlays) {
        Spec.File spec = read(file);
        for (Path overlay : overlays) {
            Spec.File more = read(overlay);
            spec.services().putAll(more.services());
            if (more.parties() != null) {
                spec.parties().putAll(more.parties());
            }
        }
        return new Topology(spec);
    }

    private static Spec.File read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            String text = Files.readString(file);
            return yaml.readValue(text, Spec.File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the topology " + file + ": " + e.getMessage(), e);
        }
    }

    public List<Service> services() {
        return services;
    }

    public List<Party> parties() {
        return parties;
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The services that publish events, each on its own topic. */
    public List<Service> producers() {
        return services.stream().filter(Service::publishesEvents).toList();
    }

    /** Every command and work queue, in the order of their services. */
    public List<Queue> queues() {
        return services.stream().flatMap(s -> s.queues().stream()).toList();
    }

    /** Every broker user but the operators': the services, then the other parties. */
    public List<String> users() {
        return Stream.concat(services.stream().map(Service::name), parties.stream().map(Party::name)).toList();
    }

    /** The parties with an XA connection factory on Payara: every service, and the parties that are not external. */
    public List<Sender> senders() {
        List<Sender> senders = new ArrayList<>();
        services.forEach(s -> senders.add(new Sender(s.name(), "the " + s.name() + " service", s.pool())));
        parties.stream().filter(p -> !p.external())
                .forEach(p -> senders.add(new Sender(p.name(), p.description(), p.pool())));
        return senders;
    }

    /** The MDBs: each service's subscription listener, then the queues' listeners. */
    public List<Listener> listeners() {
        List<Listener> listeners = new ArrayList<>();
        services.forEach(s -> listeners.add(s.subscriptionListener()));
        queues().stream().filter(Queue::consumedByAService).forEach(q -> listeners.add(q.listener(service(q.consumedBy()))));
        return listeners;
    }

    public Class<? extends Event> contract(String type) {
        Class<? extends Event> contract = CONTRACTS.get(type);
        if (contract == null) {
            throw new IllegalStateException("topology.yaml names '" + type + "', which is no contract of events/ ("
                    + CONTRACTS.keySet() + ")");
        }
        return contract;
    }

    /** Every contract of events/, in the order of {@link Contracts#ALL}. */
    public static Map<String, Class<? extends Event>> contracts() {
        return CONTRACTS;
    }

    private void check() {
        Set<String> names = new LinkedHashSet<>();
        for (String user : users()) {
            if (!user.matches("[a-z][a-z_]*") || !names.add(user)) {
                throw new IllegalStateException("broker user '" + user + "' is not a lower-case name or not unique");
            }
        }
        Set<String> producers = producers().stream().map(Service::name).collect(Collectors.toSet());
        for (Service service : services) {
            service.publishes().forEach(this::contract);
            for (String producer : service.listensTo()) {
                if (!producers.contains(producer)) {
                    throw new IllegalStateException(service.name() + " listens to '" + producer
                            + "', which publishes no events; the producers are " + producers);
                }
            }
            for (Queue queue : service.queues()) {
                queue.carries().forEach(this::contract);
                Stream.concat(queue.sentBy().stream(), Stream.of(queue.consumedBy())).forEach(user -> {
                    if (!names.contains(user)) {
                        throw new IllegalStateException("queue " + queue.address() + " names the unknown user '" + user + "'");
                    }
                });
                if (queue.consumedByAService() && !queue.consumedBy().equals(service.name())) {
                    throw new IllegalStateException("queue " + queue.address() + " is consumed by another service ("
                            + queue.consumedBy() + "): a service consumes its own queues only");
                }
            }
        }
    }

    /** A service: its topic (when it publishes), its subscription, its queues, its dead-letter queue. */
    public final class Service {
        private final String name;
        private final Spec.Service spec;
        private final Spec.Defaults defaults;
        private final List<Queue> queues;

        Service(String name, Spec.Service spec, Spec.Defaults defaults) {
            this.name = name;
            this.spec = spec;
            this.defaults = defaults;
            this.queues = spec.queues() == null ? List.of() : spec.queues().entrySet().stream()
                    .map(entry -> new Queue(name, entry.getKey(), entry.getValue())).toList();
        }

        public String name() {
            return name;
        }

        public String description() {
            return spec.description();
        }

        public List<String> publishes() {
            return spec.publishes() == null ? List.of() : spec.publishes();
        }

        public boolean publishesEvents() {
            return !publishes().isEmpty();
        }

        /** The producers whose topics feed this service's subscription, in the order written. */
        public List<String> listensTo() {
            return spec.listensTo() == null ? List.of() : spec.listensTo();
        }

        public String topic() {
            return PREFIX + name + ".events";
        }

        public String subscriptionAddress() {
            return PREFIX + name + ".subscription";
        }

        public String deadLetterQueue() {
            return PREFIX + name + ".dlq";
        }

        public List<Queue> queues() {
            return queues;
        }

        public int maxSession() {
            return spec.maxSession() != null ? spec.maxSession() : defaults.maxSession();
        }

        public Spec.Redelivery redelivery() {
            return spec.redelivery() != null ? spec.redelivery() : defaults.redelivery();
        }

        /** Whether this service's subscription is retried otherwise than every other subscription. */
        public boolean ownRedelivery() {
            return spec.redelivery() != null;
        }

        public Spec.Pool pool() {
            return spec.pool() != null ? spec.pool() : defaults.pool();
        }

        /** The subscription's selector: the topics it listens to, and the copies an operator replays to it. */
        public String selector() {
            return "_AMQ_ORIG_ADDRESS IN ("
                    + listensTo().stream().map(p -> "'" + PREFIX + p + ".events'").collect(Collectors.joining(", "))
                    + ") OR replayedTo = '" + name + "'";
        }

        Listener subscriptionListener() {
            String simpleName = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Subscription";
            return new Listener(this, "eventshop." + name + ".boundary." + simpleName, name, subscriptionAddress(),
                    true, selector(), maxSession(), null);
        }
    }

    /** A command or work queue: eventshop.&lt;service&gt;.&lt;name&gt;, a queue of the same name on its own address. */
    public final class Queue {
        private final String service;
        private final String name;
        private final Spec.Queue spec;

        Queue(String service, String name, Spec.Queue spec) {
            this.service = service;
            this.name = name;
            this.spec = spec;
        }

        public String service() {
            return service;
        }

        public String name() {
            return name;
        }

        public String address() {
            return PREFIX + service + "." + name;
        }

        public String description() {
            return spec.description();
        }

        public List<String> carries() {
            return spec.carries();
        }

        public List<String> sentBy() {
            return spec.sentBy();
        }

        public String consumedBy() {
            return spec.consumedBy();
        }

        /** Consumed by one of EventShop's services (not an external party): its dead letters are that service's. */
        public boolean consumedByAService() {
            return services.stream().anyMatch(s -> s.name().equals(spec.consumedBy()));
        }

        public Spec.Redelivery redelivery() {
            return spec.redelivery() != null ? spec.redelivery() : defaults.redelivery();
        }

        /** Whether the queue is retried otherwise than EventShop's addresses in general. */
        public boolean consumedWithRedelivery() {
            return consumedByAService();
        }

        Listener listener(Service owner) {
            if (spec.listener() == null) {
                throw new IllegalStateException("queue " + address() + " is consumed by " + owner.name()
                        + " but names no listener");
            }
            int sessions = spec.maxSession() != null ? spec.maxSession() : owner.maxSession();
            return new Listener(owner, "eventshop." + owner.name() + ".boundary." + spec.listener(), address(),
                    address(), false, null, sessions, spec.consumerWindowSize());
        }
    }

    /** A broker user that is not a service: the operator API, or an external system. */
    public record Party(String name, Spec.Party spec) {
        public String description() {
            return spec.description();
        }

        public boolean external() {
            return Boolean.TRUE.equals(spec.external());
        }

        public Spec.Pool pool() {
            return spec.pool();
        }
    }

    /** A party with an XA connection factory of its own on Payara. */
    public record Sender(String name, String description, Spec.Pool pool) {
    }

    /**
     * A message-driven bean: a service's subscription (a shared durable subscription on its subscription address)
     * or a queue's competing consumer.
     *
     * @param name the subscription's name, or the queue's address: the origin written on its dead letters
     * @param consumerWindowSize its consumers' window (bytes the broker hands each in advance), or null for the
     *                           Artemis client's default
     */
    public record Listener(Service service, String className, String name, String destination, boolean subscription,
                           String selector, int maxSession, Integer consumerWindowSize) {
        public String ejbName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }

        /**
         * The Payara system property holding this listener's number of consumers (its activation's maxSession) on an
         * instance: eventshop.&lt;service&gt;.consumers for a subscription, eventshop.&lt;service&gt;.&lt;queue&gt;.consumers
         * for a queue. Its default (maxSession of topology.yaml) is set on the config; an operator overrides it per
         * instance (asadmin create-system-properties --target &lt;instance&gt;).
         */
        public String consumersProperty() {
            return (subscription ? PREFIX + name : name) + ".consumers";
        }
    }
}

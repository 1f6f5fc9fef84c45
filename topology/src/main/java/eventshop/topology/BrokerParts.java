package eventshop.topology;

import static eventshop.topology.Topology.ADMIN_ROLE;
import static eventshop.topology.Topology.DEAD_LETTER_ADDRESS;
import static eventshop.topology.Topology.OPS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The parts of jms-config/broker.xml that name services, each a file that broker.xml includes with
 * XInclude (Artemis reads an included file whose root element is the section, in the urn:activemq:core
 * namespace): who may do what, how each destination is retried, every address and queue, and the diverts.
 */
final class BrokerParts {

    static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!-- GENERATED from topology/topology.yaml by bin/eventshop generate: do not edit (the build compares). -->\n";

    /** Every permission Artemis knows, in the order each setting lists them: settings are not merged. */
    private static final List<String> PERMISSIONS = List.of("send", "consume", "browse", "createAddress",
            "deleteAddress", "createDurableQueue", "deleteDurableQueue", "createNonDurableQueue",
            "deleteNonDurableQueue", "manage");

    private final Topology topology;

    BrokerParts(Topology topology) {
        this.topology = topology;
    }

    String securitySettings() {
        Xml xml = new Xml().line("<security-settings xmlns=\"urn:activemq:core\">");
        setting(xml, "#", "Everything not named below (the broker's own DLQ and ExpiryQueue, management, temporary "
                + "queues): operators only.", Map.of());
        setting(xml, "eventshop.#", "Any EventShop address not named below: operators only.", Map.of());
        xml.comment("Topics: only their producer sends; nobody consumes a topic itself (the diverts copy each "
                + "event to the subscriptions that listen to it).");
        for (Topology.Service producer : topology.producers()) {
            setting(xml, producer.topic(), null, Map.of("send", List.of(producer.name())));
        }
        xml.comment("Subscriptions: only their service consumes (its MDBs create the shared durable subscription "
                + "queue, named after the service, on first deployment; Artemis asks for createAddress too, though the "
                + "address is declared); the operators' API sends replays and retried dead letters to one subscription.");
        for (Topology.Service service : topology.services()) {
            List<String> owner = List.of(service.name());
            setting(xml, service.subscriptionAddress(), null, Map.of("send", List.of(OPS), "consume", owner,
                    "createAddress", owner, "createDurableQueue", owner));
        }
        xml.comment("Dead letters: a service puts what it cannot process into its own queue; the operators' API "
                + "reads, takes (retry, discard) and counts them. The broker itself moves a message there through "
                + DEAD_LETTER_ADDRESS + " after its last delivery attempt (no user involved).");
        for (Topology.Service service : topology.services()) {
            setting(xml, service.deadLetterQueue(), null, Map.of("send", List.of(service.name()),
                    "consume", List.of(OPS), "browse", List.of(OPS)));
        }
        setting(xml, DEAD_LETTER_ADDRESS, "Dead letters no service's queue took: the readiness check browses it (as ops).",
                Map.of("browse", List.of(OPS)));
        for (Topology.Queue queue : topology.queues()) {
            // The operators' API sends a retried dead letter back to the queue a service failed it on.
            List<String> senders = queue.consumedByAService()
                    ? Stream.concat(queue.sentBy().stream(), Stream.of(OPS)).toList() : queue.sentBy();
            Map<String, List<String>> grants = new LinkedHashMap<>();
            grants.put("send", senders);
            grants.put("consume", List.of(queue.consumedBy()));
            if (!queue.consumedByAService()) {
                // An external consumer may look before it takes; a service's own queues are browsed by operators only.
                grants.put("browse", List.of(queue.consumedBy()));
            }
            setting(xml, queue.address(), queue.description() + ": sent by " + String.join(", ", senders)
                    + ", consumed by " + queue.consumedBy() + ".", grants);
        }
        return HEADER + xml.line("</security-settings>");
    }

    private static void setting(Xml xml, String match, String comment, Map<String, List<String>> grants) {
        if (comment != null) {
            xml.comment(comment);
        }
        xml.open("security-setting match=\"" + match + "\"");
        for (String permission : PERMISSIONS) {
            List<String> roles = new ArrayList<>(grants.getOrDefault(permission, List.of()));
            roles.add(ADMIN_ROLE);
            xml.line("<permission type=\"" + permission + "\" roles=\"" + String.join(",", roles) + "\"/>");
        }
        xml.close("security-setting");
    }

    String addressSettings() {
        Spec.Redelivery subscriptions = topology.services().stream().filter(s -> !s.ownRedelivery())
                .map(Topology.Service::redelivery).findFirst().orElseThrow();
        Xml xml = new Xml().line("<address-settings xmlns=\"urn:activemq:core\">");
        xml.comment("Every EventShop address: the dead-letter address, and 5 attempts 1 s, 2 s, 4 s, 8 s apart. Used as "
                + "it is by the queues an external system consumes.");
        xml.open("address-setting match=\"eventshop.#\"");
        redelivery(xml, new Spec.Redelivery(5, 1000, 2, 30000));
        xml.element("auto-create-addresses", true).element("auto-create-queues", false)
                .element("auto-delete-queues", false).element("auto-delete-addresses", false)
                .element("address-full-policy", "PAGE");
        xml.close("address-setting");
        xml.comment("The services' subscriptions (topology.yaml: defaults.redelivery).");
        xml.open("address-setting match=\"eventshop.*.subscription\"");
        redelivery(xml, subscriptions);
        xml.close("address-setting");
        for (Topology.Service service : topology.services()) {
            if (service.ownRedelivery()) {
                xml.comment("The " + service.name() + " subscription's own redelivery (topology.yaml).");
                xml.open("address-setting match=\"" + service.subscriptionAddress() + "\"");
                redelivery(xml, service.redelivery());
                xml.close("address-setting");
            }
        }
        for (Topology.Queue queue : topology.queues()) {
            if (queue.consumedByAService()) {
                xml.comment(queue.description() + " (topology.yaml).");
                xml.open("address-setting match=\"" + queue.address() + "\"");
                redelivery(xml, queue.redelivery());
                xml.close("address-setting");
            }
        }
        xml.comment("Dead letters stay until an operator acts: no further dead-lettering, no expiry.");
        xml.open("address-setting match=\"eventshop.*.dlq\"").element("max-delivery-attempts", -1)
                .element("address-full-policy", "PAGE").close("address-setting");
        xml.open("address-setting match=\"" + DEAD_LETTER_ADDRESS + "\"").element("max-delivery-attempts", -1)
                .element("address-full-policy", "PAGE").close("address-setting");
        xml.open("address-setting match=\"activemq.management.#\"").element("dead-letter-address", "DLQ")
                .element("expiry-address", "ExpiryQueue").element("auto-create-queues", true)
                .element("auto-create-addresses", true).close("address-setting");
        xml.open("address-setting match=\"#\"").element("dead-letter-address", "DLQ")
                .element("expiry-address", "ExpiryQueue").element("max-delivery-attempts", 5)
                .element("auto-create-queues", true).element("auto-create-addresses", true)
                .element("address-full-policy", "PAGE").close("address-setting");
        return HEADER + xml.line("</address-settings>");
    }

    private static void redelivery(Xml xml, Spec.Redelivery redelivery) {
        xml.element("dead-letter-address", DEAD_LETTER_ADDRESS)
                .element("max-delivery-attempts", redelivery.attempts())
                .element("redelivery-delay", redelivery.delayMs())
                .element("redelivery-delay-multiplier", redelivery.multiplier())
                .element("max-redelivery-delay", redelivery.maxDelayMs());
    }

    String addresses() {
        Xml xml = new Xml().line("<addresses xmlns=\"urn:activemq:core\">");
        xml.comment("One topic per producing service. No queue lives on a topic: the diverts copy each event to the "
                + "subscription address of every service that listens to its producer.");
        topology.producers().forEach(p -> xml.line("<address name=\"" + p.topic() + "\"><multicast/></address>"));
        xml.comment("One subscription address per consuming service, fed by the topics it listens to (diverts). On it, "
                + "the service's MDBs create ONE shared durable subscription named after the service: one queue, so one "
                + "order's events from several topics stay in one ordered stream (JMSXGroupID), and one dead-letter "
                + "queue. Replays and retried dead letters are sent to this address directly, so they reach this one "
                + "service only.");
        topology.services().forEach(s -> xml.line("<address name=\"" + s.subscriptionAddress() + "\"><multicast/></address>"));
        xml.comment("Commands and work: competing consumers.");
        topology.queues().forEach(q -> anycast(xml, q.address()));
        xml.comment("Dead letters. The broker sends what failed max-delivery-attempts times to " + DEAD_LETTER_ADDRESS
                + "; the diverts move each to the dead-letter queue of the service whose subscription or queue failed it.");
        anycast(xml, DEAD_LETTER_ADDRESS);
        topology.services().forEach(s -> anycast(xml, s.deadLetterQueue()));
        xml.comment("The broker's own.");
        anycast(xml, "DLQ");
        anycast(xml, "ExpiryQueue");
        return HEADER + xml.line("</addresses>");
    }

    private static void anycast(Xml xml, String address) {
        xml.line("<address name=\"" + address + "\"><anycast><queue name=\"" + address + "\"/></anycast></address>");
    }

    String diverts() {
        Xml xml = new Xml().line("<diverts xmlns=\"urn:activemq:core\">");
        xml.comment("Subscriptions: one divert per (producer, listening service). A divert copies each event sent to "
                + "the topic, in the sender's transaction, to the service's subscription address; the copy keeps the body, "
                + "the properties and the message group, its _AMQ_ORIG_ADDRESS is the topic (the MDBs' selectors read it).");
        for (Topology.Service service : topology.services()) {
            for (String producer : service.listensTo()) {
                xml.open("divert name=\"" + producer + "-events-to-" + service.name() + "\"")
                        .element("address", topology.service(producer).topic())
                        .element("forwarding-address", service.subscriptionAddress())
                        .element("routing-type", "PASS")
                        .element("exclusive", false)
                        .close("divert");
            }
        }
        xml.comment("Dead letters: one divert per queue a service consumes (see broker.xml).");
        for (Topology.Listener listener : topology.listeners()) {
            String origin = listener.name();
            String name = listener.subscription() ? listener.service().name()
                    : listener.service().name() + "-" + origin.substring(origin.lastIndexOf('.') + 1);
            xml.open("divert name=\"dead-letters-of-" + name + "\"")
                    .element("address", DEAD_LETTER_ADDRESS)
                    .element("forwarding-address", listener.service().deadLetterQueue())
                    .line("<filter string=\"_AMQ_ORIG_QUEUE = '" + origin + "'\"/>")
                    .open("transformer")
                    .element("class-name", "org.apache.activemq.artemis.core.server.transformer.AddHeadersTransformer")
                    .line("<property key=\"deadLetterOrigin\" value=\"" + origin + "\"/>")
                    .line("<property key=\"deadLetterReason\" value=\"still failing after the redeliveries of "
                            + "jms-config/broker.xml\"/>")
                    .close("transformer")
                    .element("routing-type", "ANYCAST")
                    .element("exclusive", true)
                    .close("divert");
        }
        return HEADER + xml.line("</diverts>");
    }
}

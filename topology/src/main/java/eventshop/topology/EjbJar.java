package eventshop.topology;

/**
 * ejb-module's META-INF/ejb-jar.xml: each message-driven bean's activation config (which overrides and completes
 * its annotations), and the names its {@code SubscriptionListener} base looks up: which service it belongs to,
 * the origin written on its dead letters, its dead-letter queue and its persistence unit.
 */
final class EjbJar {

    private final Topology topology;

    EjbJar(Topology topology) {
        this.topology = topology;
    }

    String document() {
        Xml xml = new Xml();
        xml.line("<ejb-jar xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
        xml.line("         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee "
                + "https://jakarta.ee/xml/ns/jakartaee/ejb-jar_4_0.xsd\" version=\"4.0\">");
        xml.open("enterprise-beans");
        for (Topology.Listener listener : topology.listeners()) {
            bean(xml, listener);
        }
        xml.close("enterprise-beans");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- GENERATED from topology/topology.yaml by bin/eventshop generate: do not edit (the build compares). -->\n"
                + xml.line("</ejb-jar>");
    }

    /**
     * META-INF/glassfish-ejb-jar.xml: Payara picks a message-driven bean's resource adapter from its
     * {@code resourceAdapter} activation property only when that is an annotation; from a deployment descriptor it
     * must be named here (without it the bean is given Payara's own JMS adapter, "JMS Broker is Disabled").
     */
    String payaraDocument() {
        Xml xml = new Xml();
        xml.open("glassfish-ejb-jar").open("enterprise-beans");
        for (Topology.Listener listener : topology.listeners()) {
            xml.open("ejb").element("ejb-name", listener.ejbName())
                    .open("mdb-resource-adapter").element("resource-adapter-mid", "artemis-rar").close("mdb-resource-adapter")
                    .close("ejb");
        }
        xml.close("enterprise-beans").close("glassfish-ejb-jar");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE glassfish-ejb-jar PUBLIC \"-//GlassFish.org//DTD GlassFish Application Server 3.1 EJB 3.1//EN\" "
                + "\"http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd\">\n"
                + "<!-- GENERATED from topology/topology.yaml by bin/eventshop generate: do not edit (the build compares). -->\n"
                + xml;
    }

    private static void bean(Xml xml, Topology.Listener listener) {
        String service = listener.service().name();
        xml.open("message-driven")
                .element("ejb-name", listener.ejbName())
                .element("ejb-class", listener.className())
                .element("messaging-type", "jakarta.jms.MessageListener")
                .element("transaction-type", "Container")
                .open("activation-config");
        // The resource adapter is named in glassfish-ejb-jar.xml: as an activation property from a descriptor, Payara
        // would hand "resourceAdapter" to the activation spec as a value ("Illegal type for environment properties").
        property(xml, "user", "${eventshop.broker." + service + ".user}");
        property(xml, "password", "${ALIAS=eventshop-broker-" + service + "}");
        property(xml, "useJNDI", "false");
        property(xml, "destinationType", listener.subscription() ? "jakarta.jms.Topic" : "jakarta.jms.Queue");
        property(xml, "destination", listener.destination());
        if (listener.subscription()) {
            property(xml, "messageSelector", listener.selector());
            property(xml, "subscriptionDurability", "Durable");
            property(xml, "subscriptionName", listener.name());
            property(xml, "shareSubscriptions", "true");
        }
        // The number of consumers on each instance: a system property, so that an operator changes it per instance
        // without a rebuild (its default, topology.yaml's maxSession, is set on the config by 21-topology.asadmin).
        property(xml, "maxSession", "${" + listener.consumersProperty() + "}");
        if (listener.consumerWindowSize() != null) {
            // Why a queue sets it is said beside it in topology.yaml.
            property(xml, "consumerWindowSize", listener.consumerWindowSize().toString());
        }
        // Keep trying to connect if the broker is not up yet when the application starts.
        property(xml, "setupAttempts", "-1");
        property(xml, "setupInterval", "2000");
        // After a broker crash each listener's own connection reconnects, every second, re-creating its sessions and
        // consumers on the restarted broker, where a commit retried on the same session then finds its prepared
        // transaction (docs/performance.md, "Recovery after a broker crash"). The adapter's default is the same
        // (server-config/20-artemis.asadmin), but it was 0 once, and then idle listeners, and those whose delivery
        // waited in Payara's commit retry, kept 0 consumers after the restart (RecoveryTests): a listener says it
        // itself. Every second, not the adapter's 2 s: a listener is what a restart waits for.
        property(xml, "reconnectAttempts", "-1");
        property(xml, "retryInterval", "1000");
        // Each listener's own client threads, not the Artemis client's global pool (8 per core: 16 here, shared by
        // every listener's deliveries AND by the connection-failure handling that reconnects their sessions). After a
        // broker restart the deliveries in flight block on their sessions until those reconnect, while the reconnects
        // wait for a free thread of the same pool: starved, the shop stood still for 60-100 s, freed only by the 5 s
        // and 10 s timeouts (docs/performance.md, "Recovery after a broker crash"). With pools of its own (unbounded:
        // at most one thread per session busy in a delivery), a listener's reconnect never waits for another's
        // deliveries, and the teardown of an activation shuts its pool down, with any thread a dead delivery left.
        property(xml, "useGlobalPools", "false");
        xml.close("activation-config");
        envEntry(xml, "eventshop/service", service);
        envEntry(xml, "eventshop/origin", listener.name());
        xml.open("resource-env-ref")
                .element("resource-env-ref-name", "eventshop/dead-letters")
                .element("resource-env-ref-type", "jakarta.jms.Queue")
                .element("lookup-name", PayaraParts.deadLetterJndiName(service))
                .close("resource-env-ref");
        xml.open("persistence-context-ref")
                .element("persistence-context-ref-name", "eventshop/processed")
                .element("persistence-unit-name", service)
                .close("persistence-context-ref");
        xml.close("message-driven");
    }

    private static void property(Xml xml, String name, String value) {
        xml.open("activation-config-property")
                .element("activation-config-property-name", name)
                .element("activation-config-property-value", value)
                .close("activation-config-property");
    }

    private static void envEntry(Xml xml, String name, String value) {
        xml.open("env-entry")
                .element("env-entry-name", name)
                .element("env-entry-type", "java.lang.String")
                .element("env-entry-value", value)
                .close("env-entry");
    }
}

package eventshop.topology;

import java.util.List;
import java.util.stream.Collectors;

/** The short copies: the broker's users, the launcher's lists, and what the application reads at run time. */
final class SmallParts {

    private final Topology topology;

    SmallParts(Topology topology) {
        this.topology = topology;
    }

    /** jms-config/users.properties: user=role, one role per user (bin/eventshop adds the passwords). */
    String brokerUsers() {
        StringBuilder out = new StringBuilder()
                .append("# GENERATED from topology/topology.yaml by bin/eventshop generate: do not edit (the build compares).\n")
                .append("# Broker users and their roles, one per line: user=role. Passwords are not here: bin/eventshop reads\n")
                .append("# EVENTSHOP_BROKER_<USER>_PASSWORD and stores them in the broker instance; Payara gets the same values as\n")
                .append("# password aliases (eventshop-broker-<user>). What each role may do: jms-config/generated/security-settings.xml.\n")
                .append("#   admin     operators: the web console and management (role amq)\n");
        topology.services().forEach(s -> out.append(String.format("#   %-13s the %s service: %s%n", s.name(), s.name(), s.description())));
        topology.parties().forEach(p -> out.append(String.format("#   %-13s %s%n", p.name(), p.description())));
        out.append("admin=").append(Topology.ADMIN_ROLE).append('\n');
        topology.users().forEach(user -> out.append(user).append('=').append(user).append('\n'));
        return out.toString();
    }

    /** bin/eventshop.topology, sourced by bin/eventshop after its settings. */
    String launcherLists() {
        StringBuilder out = new StringBuilder()
                .append("# GENERATED from topology/topology.yaml by bin/eventshop generate: do not edit (the build compares).\n")
                .append("# shellcheck shell=bash\n")
                .append("# The services: each has a subscription queue named after it, a broker user and a password alias.\n")
                .append("EVENTSHOP_SERVICES=\"").append(names(topology.services().stream().map(Topology.Service::name).toList()))
                .append("\"\n")
                .append("# Every party Payara logs in to the broker as (a password alias eventshop-broker-<party> each).\n")
                .append("EVENTSHOP_BROKER_SENDERS=\"").append(names(topology.senders().stream().map(Topology.Sender::name).toList()))
                .append("\"\n")
                .append("# Development passwords of the services' broker users, unless set (as the other defaults: bin/eventshop.defaults).\n");
        for (Topology.Service service : topology.services()) {
            out.append(": \"${EVENTSHOP_BROKER_").append(service.name().toUpperCase()).append("_PASSWORD:=")
                    .append(service.name()).append("-secret}\"\n");
        }
        return out.toString();
    }

    /** ejb-module's META-INF/eventshop-topology.json, read by eventshop.platform.messaging.MessagingTopology. */
    String runtimeTopology() {
        StringBuilder out = new StringBuilder("{\n  \"services\": [\n");
        List<Topology.Service> services = topology.services();
        for (int i = 0; i < services.size(); i++) {
            Topology.Service s = services.get(i);
            out.append("    {\"name\": \"").append(s.name()).append("\", \"listensTo\": ").append(array(s.listensTo()))
                    .append(", \"publishes\": ").append(array(s.publishes()))
                    .append(", \"queues\": ").append(s.queues().stream().filter(Topology.Queue::consumedByAService)
                            .map(q -> "{\"address\": \"" + q.address() + "\", \"carries\": " + array(q.carries()) + "}")
                            .collect(Collectors.joining(", ", "[", "]")))
                    .append(i < services.size() - 1 ? "},\n" : "}\n");
        }
        out.append("  ],\n  \"listeners\": [\n");
        List<Topology.Listener> listeners = topology.listeners();
        for (int i = 0; i < listeners.size(); i++) {
            Topology.Listener l = listeners.get(i);
            String queue = l.subscription() ? l.name() : l.destination();
            out.append("    {\"service\": \"").append(l.service().name()).append("\", \"queue\": \"").append(queue)
                    .append("\", \"consumersProperty\": \"").append(l.consumersProperty())
                    .append("\", \"consumers\": ").append(l.maxSession()).append(i < listeners.size() - 1 ? "},\n" : "}\n");
        }
        out.append("  ],\n  \"senders\": ").append(array(topology.senders().stream().map(Topology.Sender::name).toList()))
                .append("\n}\n");
        return out.toString();
    }

    private static String names(List<String> names) {
        return String.join(" ", names);
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}

package eventshop.topology;

import java.util.stream.Collectors;

/**
 * server-config/21-topology.asadmin: the broker users' names as system properties (the listeners' activation
 * config names them), one XA connection pool and factory per party that sends, and every topic and queue as an
 * admin object under its portable JNDI name.
 */
final class PayaraParts {

    private static final String POOL = "create-connector-connection-pool --raname artemis-rar --connectiondefinition "
            + "org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory --transactionsupport XATransaction";
    private static final String ADMIN_OBJECT = "create-admin-object --raname artemis-rar --restype ";

    private final Topology topology;

    PayaraParts(Topology topology) {
        this.topology = topology;
    }

    String commands() {
        StringBuilder out = new StringBuilder();
        out.append("# GENERATED from topology/topology.yaml by bin/eventshop generate: do not edit (the build compares).\n")
                .append("# Applied after 20-artemis.asadmin, which deploys the resource adapter these resources use.\n\n");
        out.append("# Each service's MDBs connect as the service's own broker user: their activation config (META-INF/ejb-jar.xml)\n")
                .append("# names the user with ${eventshop.broker.<service>.user} and the password with ${ALIAS=eventshop-broker-<service>}.\n");
        out.append("create-system-properties ").append(topology.services().stream()
                .map(s -> "eventshop.broker." + s.name() + ".user=" + s.name()).collect(Collectors.joining(":"))).append("\n\n");
        out.append("# Each listener's number of consumers on an instance (its activation's maxSession, ${eventshop.<service>.consumers}\n")
                .append("# or ${eventshop.<service>.<queue>.consumers} in ejb-jar.xml): topology.yaml's maxSession, on the config. An operator\n")
                .append("# overrides one on one instance with create-system-properties --target <instance> (README, \"One service scaled alone\").\n");
        out.append("create-system-properties ").append(topology.listeners().stream()
                .map(l -> l.consumersProperty() + "=" + l.maxSession()).collect(Collectors.joining(":"))).append("\n\n");
        out.append("# One XA connection factory per party that sends (eventshop.platform.messaging.BrokerLogins), each logging in as\n")
                .append("# its own broker user. UserName/Password sit on each pool: without them the container passes an empty identity\n")
                .append("# and every send fails with AMQ229031. Passwords are password aliases (bin/eventshop creates them).\n");
        for (Topology.Sender sender : topology.senders()) {
            String pool = "eventshop-jms-" + sender.name() + "-pool";
            out.append(POOL).append(" --steadypoolsize ").append(sender.pool().steady())
                    .append(" --maxpoolsize ").append(sender.pool().max())
                    .append(" --ping true --description \"XA sessions to the Artemis broker as ").append(sender.description())
                    .append("\" --property UserName=").append(sender.name()).append(":Password=${ALIAS\\\\=eventshop-broker-")
                    .append(sender.name()).append("} ").append(pool).append('\n');
            out.append("create-connector-resource --poolname ").append(pool).append(" --description \"")
                    .append(possessive(sender.description())).append(" XA connection factory (broker user ").append(sender.name())
                    .append(")\" jms/eventshop/").append(sender.name()).append("/ConnectionFactory\n");
        }
        out.append("\n# Topics: one per producing service.\n");
        for (Topology.Service producer : topology.producers()) {
            adminObject(out, "jakarta.jms.Topic", "Events of the " + producer.name() + " service", producer.topic(),
                    "jms/eventshop/" + producer.name() + "/events");
        }
        out.append("\n# Queues for commands and work.\n");
        for (Topology.Queue queue : topology.queues()) {
            adminObject(out, "jakarta.jms.Queue", queue.description(), queue.address(),
                    "jms/eventshop/" + queue.service() + "/" + queue.name());
        }
        out.append("\n# Dead-letter queues: the broker's dead-letter address, whose diverts hand each dead letter to the\n")
                .append("# queue of the service that failed it, and those queues, one per consuming service.\n");
        adminObject(out, "jakarta.jms.Queue", "Dead letters no service queue took (should stay empty)",
                Topology.DEAD_LETTER_ADDRESS, "jms/eventshop/dead-letters");
        for (Topology.Service service : topology.services()) {
            adminObject(out, "jakarta.jms.Queue", "Dead letters of the " + service.name() + " service",
                    service.deadLetterQueue(), deadLetterJndiName(service.name()));
        }
        return out.toString();
    }

    static String deadLetterJndiName(String service) {
        return "jms/eventshop/" + service + "/dead-letters";
    }

    private static void adminObject(StringBuilder out, String type, String description, String address, String jndiName) {
        out.append(ADMIN_OBJECT).append(type).append(" --description \"").append(description)
                .append("\" --property Address=").append(address).append(' ').append(jndiName).append('\n');
    }

    /** "the orders service" → "The orders service's"; "the operator API (...)" → "The operator API's (...)". */
    private static String possessive(String description) {
        int paren = description.indexOf(" (");
        String head = paren < 0 ? description : description.substring(0, paren);
        String capital = Character.toUpperCase(head.charAt(0)) + head.substring(1);
        return capital + "'s";
    }
}

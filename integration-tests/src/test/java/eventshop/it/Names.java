package eventshop.it;

import eventshop.topology.Topology;
import java.nio.file.Path;
import java.util.List;

/**
 * The names the tests expect on the broker, in Payara and on the operator page: the topology's own
 * (topology/topology.yaml, read as the generator reads it), not a list of the tests' that could drift from it.
 */
final class Names {

    private static final Topology TOPOLOGY = Topology.load(Path.of("..", "topology", "topology.yaml"));

    /** Every service: each has a subscription named after it, a dead-letter queue, a broker user. */
    static final List<String> SERVICES = TOPOLOGY.services().stream().map(Topology.Service::name).toList();
    /** The services that publish events on a topic of their own. */
    static final List<String> PRODUCERS = TOPOLOGY.producers().stream().map(Topology.Service::name).toList();
    /** Every party with an XA connection factory of its own: the services and the operator API. */
    static final List<String> SENDERS = TOPOLOGY.senders().stream().map(Topology.Sender::name).toList();

    private Names() {
    }
}

package eventshop.ops.control;

import eventshop.platform.messaging.MessagingTopology;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The subscriptions a replay can be sent to, and the producers whose journals feed each: the topology's
 * (topology/topology.yaml, from which the subscriptions' selectors and the broker's diverts are generated too),
 * so a replay reads exactly the journals of the topics a subscription listens to.
 */
public final class ReplayTargets {

    private ReplayTargets() {
    }

    /** The producers the service's subscription receives events from; empty for an unknown service. */
    public static Optional<List<String>> producersOf(String service) {
        return MessagingTopology.get().service(service).map(MessagingTopology.Service::listensTo);
    }

    public static Set<String> services() {
        return MessagingTopology.get().serviceNames().stream().collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}

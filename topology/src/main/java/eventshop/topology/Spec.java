package eventshop.topology;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * topology.yaml as it is written, bound by Jackson: an unknown key fails the load, so a typo is not
 * silently ignored. {@link Topology} derives everything else from it.
 */
final class Spec {

    private Spec() {
    }

    record File(Defaults defaults, LinkedHashMap<String, Service> services, LinkedHashMap<String, Party> parties) {
    }

    record Defaults(int maxSession, Redelivery redelivery, Pool pool) {
    }

    /** The broker's redelivery of a message whose transaction rolled back, then its dead-letter queue. */
    record Redelivery(int attempts, long delayMs, int multiplier, long maxDelayMs) {
    }

    /** A party's XA connection pool on Payara. */
    record Pool(int steady, int max) {
    }

    record Service(String description, List<String> publishes, List<String> listensTo, Integer maxSession,
                   Redelivery redelivery, Pool pool, LinkedHashMap<String, Queue> queues) {
    }

    /**
     * A command or work queue of the service it is named after (eventshop.&lt;service&gt;.&lt;name&gt;).
     * consumerWindowSize: the bytes of messages the broker hands each of its consumers in advance (the Artemis
     * client's default, 1 MiB, when absent); 0 hands a consumer only what it asks for.
     */
    record Queue(String description, List<String> carries, List<String> sentBy, String consumedBy, String listener,
                 Integer maxSession, Redelivery redelivery, Integer consumerWindowSize) {
    }

    record Party(String description, Pool pool, Boolean external) {
    }
}

package eventshop.platform.messaging;

import eventshop.platform.management.BrokerManagement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Who the application is to the broker when it sends: each service publishes, sends its commands and
 * puts its dead letters as ITSELF, through its own XA connection factory, jms/eventshop/&lt;party&gt;/ConnectionFactory
 * (server-config/21-topology.asadmin), whose pool logs in as that service's broker user. The broker lets a
 * user send only to its own topic and queues (jms-config/broker.xml), so a service cannot publish another's
 * events, however its code is wrong. The operator API is a party of its own, {@link #OPS}.
 *
 * <p>The factories are looked up by name, once each: one small table instead of one injection point per
 * service in every class that sends. A connection taken from one inside a transaction is enlisted in it,
 * as with an injected one.
 */
@ApplicationScoped
public class BrokerLogins {

    /** The operator API's login: replays and dead letters sent back, the dead-letter queues read. */
    public static final String OPS = "ops";

    /**
     * Every party with a connection factory of its own (topology/topology.yaml, whose generated
     * server-config/21-topology.asadmin creates them); a name outside these is a bug, not a new pool.
     */
    static final Set<String> PARTIES = Set.copyOf(MessagingTopology.get().senders());

    private final Map<String, ConnectionFactory> factories = new ConcurrentHashMap<>();

    @Inject
    BrokerManagement management;

    /** The XA connection factory that logs in as the party (a service's name, or {@link #OPS}). */
    public ConnectionFactory of(String party) {
        if (!PARTIES.contains(party)) {
            throw new IllegalArgumentException("No broker login for '" + party + "'; there is one for each of " + PARTIES);
        }
        return factories.computeIfAbsent(party, BrokerLogins::lookup);
    }

    /**
     * A context of the operator API's login ({@link #OPS}) for work someone waits for (the operator's requests, the
     * readiness check), taken only when the broker answers: otherwise a JMSRuntimeException at once (a 503 to the
     * operator, "broker DOWN" in the health), not after a pooled connection's failover wait.
     */
    public JMSContext operatorContext() {
        if (!management.answers()) {
            throw new JMSRuntimeException("The broker does not answer: its management console cannot be reached");
        }
        return of(OPS).createContext();
    }

    static String jndiName(String party) {
        return "jms/eventshop/" + party + "/ConnectionFactory";
    }

    private static ConnectionFactory lookup(String party) {
        try {
            return InitialContext.doLookup(jndiName(party));
        } catch (NamingException e) {
            throw new IllegalStateException("The connection factory " + jndiName(party) + " is missing; "
                    + "server-config/21-topology.asadmin creates it", e);
        }
    }
}

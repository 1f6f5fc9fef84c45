package eventshop.platform.messaging;

/**
 * JNDI names of the messaging resources that server-config/ creates, and the name under which
 * the Artemis resource adapter is deployed. Each service's own destinations are named beside the
 * code that uses them; the connection factories, one per party, in {@link BrokerLogins}.
 */
public final class Jms {

    /** The resource adapter every MDB must name; without it Payara binds MDBs to its built-in OpenMQ. */
    public static final String RESOURCE_ADAPTER = "artemis-rar";

    /** eventshop.dlq: dead letters the broker could not hand to a service's own dead-letter queue. */
    public static final String UNROUTED_DEAD_LETTERS = "jms/eventshop/dead-letters";

    private Jms() {
    }
}

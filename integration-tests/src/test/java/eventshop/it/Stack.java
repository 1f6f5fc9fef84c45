package eventshop.it;

import eventshop.clients.CardGateway;
import eventshop.clients.RestClient;
import jakarta.jms.JMSException;
import java.net.URI;
import java.time.Duration;

/**
 * The running system the tests talk to, shared by every test group of the suite: the public API, the
 * broker (as the operator user) and the PostgreSQL database, all over real connections. Addresses come
 * from the build (integration-tests/pom.xml), which started the servers with bin/eventshop.
 */
final class Stack {

    /** How long an eventually consistent outcome may take before a test gives up. */
    static final Duration EVENTUAL = Duration.ofSeconds(30);
    /**
     * How long the broker takes to dead-letter a message that fails every delivery of a subscription: ten attempts,
     * 1 s doubling up to 60 s apart (243 s, topology.yaml's defaults.redelivery), and room for a loaded machine.
     */
    static final Duration DEAD_LETTERED = Duration.ofSeconds(243).plus(Duration.ofSeconds(90));

    static final URI BASE = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/");
    static final RestClient API = new RestClient(BASE);
    /** The operator API's user (bin/eventshop.defaults: EVENTSHOP_OPERATOR_USER/PASSWORD). */
    static final RestClient OPERATOR = API.as("operator", "operator-secret");
    /** A user of the operators' realm without the role operator (EVENTSHOP_CLERK_USER/PASSWORD). */
    static final RestClient CLERK = API.as("clerk", "clerk-secret");
    /** The card gateway simulator's HTTP API (its tokens), where a storefront sends the card number. */
    static final CardGateway GATEWAY = new CardGateway(new RestClient(
            URI.create("http://127.0.0.1:" + System.getProperty("it.gateway.port") + "/payment-gateway/")));
    static final Database DB = new Database(System.getProperty("it.pg.url"));
    private static Broker broker;

    private Stack() {
    }

    static synchronized Broker broker() throws JMSException {
        if (broker == null) {
            broker = newBroker();
        }
        return broker;
    }

    /** A connection of its own (the caller closes it), e.g. to poll a broker that is coming back. */
    static Broker newBroker() throws JMSException {
        return new Broker(System.getProperty("it.broker.url"),
                URI.create("http://127.0.0.1:" + System.getProperty("it.broker.console.port") + "/"),
                System.getProperty("it.broker.admin.user"), System.getProperty("it.broker.admin.password"));
    }

    /** After the broker died: drops the shared connection (closing it may fail), the next broker() connects again. */
    static synchronized void forgetBroker() {
        if (broker != null) {
            try {
                broker.close();
            } catch (JMSException | RuntimeException deadAlready) {
                // nothing to release on a broker that is gone
            }
            broker = null;
        }
    }

    static synchronized void close() throws JMSException {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}

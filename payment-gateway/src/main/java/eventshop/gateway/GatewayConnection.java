package eventshop.gateway;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.Config;

/**
 * The gateway's own connection to the broker, opened when the application starts.
 *
 * <p>A plain Artemis client rather than the resource adapter: an external system has no share in
 * the shop's application server or its transactions, only access to the two queues. The client
 * waits for a broker that is not up yet and reconnects after a broker restart by itself.
 */
@ApplicationScoped
public class GatewayConnection {

    static final String REQUESTS = "eventshop.payments.gateway-requests";
    static final String REPLIES = "eventshop.payments.gateway-replies";

    private static final Logger LOG = Logger.getLogger(GatewayConnection.class.getName());

    @Inject
    Config config;

    @Inject
    CardVault vault;

    @Resource
    ManagedExecutorService executor;

    private GatewaySettings settings;
    private ActiveMQConnectionFactory factory;
    private Connection connection;

    /**
     * Connects on a managed thread, so that deployment does not hang while the broker is down and
     * the first connection attempt keeps being retried.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        settings = GatewaySettings.from(config);
        ActiveMQConnectionFactory created = newFactory();
        synchronized (this) {
            factory = created;
        }
        executor.execute(() -> connect(created));
    }

    private ActiveMQConnectionFactory newFactory() {
        ActiveMQConnectionFactory created = new ActiveMQConnectionFactory(
                settings.brokerUrl(), settings.user(), settings.password());
        // Every second, as the shop's listeners do (their activation config): a card gateway is always connected, and
        // with a doubling interval (up to 30 s) the simulator came back up to half a minute after a restarted broker,
        // while the payments it could not answer meanwhile ran into the shop's gateway timeout (BrokerOutageTests).
        created.setInitialConnectAttempts(-1);
        created.setReconnectAttempts(-1);
        created.setRetryInterval(1_000);
        return created;
    }

    private void connect(ActiveMQConnectionFactory from) {
        LOG.info(() -> "Payment gateway connecting to " + settings);
        try {
            Connection opened = openListening(from);
            synchronized (this) {
                if (factory != from) {
                    opened.close(); // stopped while connecting
                    return;
                }
                connection = opened;
            }
            LOG.info(() -> "Payment gateway answering " + REQUESTS + " on " + REPLIES);
        } catch (JMSException | RuntimeException e) {
            if (isRunning(from)) {
                LOG.log(Level.SEVERE, "Payment gateway could not start listening on " + REQUESTS, e);
            }
        }
    }

    private synchronized boolean isRunning(ActiveMQConnectionFactory from) {
        return factory == from;
    }

    private Connection openListening(ActiveMQConnectionFactory from) throws JMSException {
        Connection opened = from.createConnection();
        try {
            // Called when the broker goes away; the client itself keeps reconnecting (reconnectAttempts -1).
            opened.setExceptionListener(e -> LOG.warning(() -> "Lost the broker connection, reconnecting: " + e.getMessage()));
            var handler = new RequestHandler(new GatewayRules(settings.refuseRefunds()), vault);
            // A card gateway answers many shops' requests at once; one session would answer them one after the other,
            // each after the simulated latency, and make the simulator the queue every payment waits in under load.
            // Each session has its own thread, consumer and producer (a session is single-threaded); the vault is
            // thread-safe, and a refund is only ever asked after its authorization was answered.
            for (int i = 0; i < settings.sessions(); i++) {
                Session session = opened.createSession(true, Session.SESSION_TRANSACTED);
                session.createConsumer(session.createQueue(REQUESTS)).setMessageListener(new GatewayListener(session,
                        session.createProducer(session.createQueue(REPLIES)), handler, settings.latencyMillis()));
            }
            opened.start();
            return opened;
        } catch (JMSException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    @PreDestroy
    synchronized void stop() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "Could not close the broker connection", e);
        } finally {
            if (factory != null) {
                factory.close(); // also ends a connection attempt still retrying
            }
            // The client's thread pools are static in this WAR's copy of Artemis: stop them with it.
            ActiveMQClient.clearThreadPools();
            connection = null;
            factory = null;
            LOG.info("Payment gateway disconnected from the broker");
        }
    }
}

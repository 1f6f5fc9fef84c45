package eventshop.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guard on a real (embedded, in-VM) Artemis broker: what the broker does with an XA session's
 * acknowledgement sent while no transaction is started, without the guard and with it.
 */
class XaAcknowledgementGuardTest {

    private static final String QUEUE = "work";

    private EmbeddedActiveMQ broker;
    private ServerLocator locator;
    private ClientSessionFactory factory;

    @AfterEach
    void stop() throws Exception {
        if (locator != null) {
            locator.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void withoutTheGuardTheBrokerCommitsAnAcknowledgementOutsideTheTransaction() throws Exception {
        start(null);
        send("order placed");

        acknowledgeOnXaSessionWithoutTransaction();

        assertThat(messagesInQueue()).as("the message is gone: this is the loss the guard exists for").isZero();
    }

    @Test
    void theGuardSendsTheMessageBackToTheQueueForAnotherDelivery() throws Exception {
        XaAcknowledgementGuard guard = new XaAcknowledgementGuard();
        start(guard);
        send("order placed");

        acknowledgeOnXaSessionWithoutTransaction();

        assertThat(guard.refused()).isEqualTo(1);
        assertThat(messagesInQueue()).isEqualTo(1);
        ClientMessage again = receiveOnPlainSession();
        assertThat(again.getBodyBuffer().readString()).isEqualTo("order placed");
        assertThat(again.getDeliveryCount()).as("the refused delivery counts, so a message that keeps failing is dead-lettered")
                .isGreaterThan(1);
    }

    @Test
    void anAcknowledgementInsideAnXaTransactionCommitsWithIt() throws Exception {
        XaAcknowledgementGuard guard = new XaAcknowledgementGuard();
        start(guard);
        send("order placed");

        try (ClientSession xa = factory.createSession(true, false, false)) {
            xa.start();
            Xid xid = new XidImpl("eventshop".getBytes(StandardCharsets.UTF_8), 1,
                    UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            xa.start(xid, XAResource.TMNOFLAGS);
            try (ClientConsumer consumer = xa.createConsumer(QUEUE)) {
                consumer.receive(5_000).individualAcknowledge();
            }
            xa.end(xid, XAResource.TMSUCCESS);
            xa.prepare(xid);
            xa.commit(xid, false);
        }

        assertThat(guard.refused()).isZero();
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void sessionsWithoutXaAreLeftAlone() throws Exception {
        XaAcknowledgementGuard guard = new XaAcknowledgementGuard();
        start(guard);
        send("order placed");

        receiveOnPlainSession();

        assertThat(guard.refused()).isZero();
        assertThat(messagesInQueue()).isZero();
    }

    private void start(XaAcknowledgementGuard guard) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0");
        if (guard != null) {
            configuration.registerBrokerPlugin(guard);
        }
        broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        broker.getActiveMQServer().createQueue(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST));
        locator = ActiveMQClient.createServerLocator("vm://0").setBlockOnAcknowledge(true);
        factory = locator.createSessionFactory();
    }

    private void send(String text) throws Exception {
        try (ClientSession session = factory.createSession(); ClientProducer producer = session.createProducer(QUEUE)) {
            ClientMessage message = session.createMessage(true);
            message.getBodyBuffer().writeString(text);
            producer.send(message);
        }
    }

    /**
     * What the resource adapter does when the container failed to enlist its session: acknowledge on an XA
     * session with no transaction started, then roll the session back as after any failed delivery.
     */
    private void acknowledgeOnXaSessionWithoutTransaction() throws Exception {
        try (ClientSession xa = factory.createSession(true, false, false)) {
            xa.start();
            try (ClientConsumer consumer = xa.createConsumer(QUEUE)) {
                ClientMessage message = consumer.receive(5_000);
                assertThat(message).isNotNull();
                try {
                    message.individualAcknowledge();
                } catch (Exception refusedByTheBroker) {
                    // blockOnAcknowledge lets the test see the refusal at once; the adapter's ack does not wait.
                }
            }
            xa.rollback(false);
        }
    }

    private long messagesInQueue() {
        return broker.getActiveMQServer().locateQueue(QUEUE).getMessageCount();
    }

    private ClientMessage receiveOnPlainSession() throws Exception {
        try (ClientSession plain = factory.createSession(false, true, true)) {
            plain.start();
            try (ClientConsumer consumer = plain.createConsumer(QUEUE)) {
                ClientMessage message = consumer.receive(5_000);
                assertThat(message).isNotNull();
                message.acknowledge();
                return message;
            }
        }
    }
}

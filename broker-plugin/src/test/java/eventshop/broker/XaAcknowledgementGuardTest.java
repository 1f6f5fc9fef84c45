package eventshop.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
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
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guard on a real (embedded, in-VM) Artemis broker: what the broker does with an XA session's
 * acknowledgement sent while no transaction is started, without the guard and with it.
 */
class XaAcknowledgementGuardTest {

    private static final String QUEUE = "work";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final int MAX_ATTEMPTS = 3;

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
        assertThat(again.getDeliveryCount()).as("the refused delivery is not counted").isEqualTo(1);
    }

    /**
     * Issue 19: refused more often than the queue allows deliveries (a client thread left with a dead transaction
     * fails every delivery it runs, before the bean), the message must still be there, not in the dead-letter
     * address: nothing ever failed it in a handler.
     */
    @Test
    void refusalsNeverExhaustTheDeliveryAttempts() throws Exception {
        XaAcknowledgementGuard guard = new XaAcknowledgementGuard();
        start(guard);
        broker.getActiveMQServer().getAddressSettingsRepository().addMatch(QUEUE,
                new AddressSettings().setMaxDeliveryAttempts(MAX_ATTEMPTS).setDeadLetterAddress(SimpleString.of(DEAD_LETTERS)));
        broker.getActiveMQServer().createQueue(QueueConfiguration.of(DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST));
        send("order placed");

        for (int refusal = 0; refusal < 2 * MAX_ATTEMPTS; refusal++) {
            acknowledgeOnXaSessionWithoutTransaction();
        }

        assertThat(guard.refused()).isEqualTo(2 * MAX_ATTEMPTS);
        assertThat(broker.getActiveMQServer().locateQueue(DEAD_LETTERS).getMessageCount()).as("dead-lettered").isZero();
        ClientMessage again = receiveOnPlainSession();
        assertThat(again.getBodyBuffer().readString()).isEqualTo("order placed");
        assertThat(again.getDeliveryCount()).isEqualTo(1);
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

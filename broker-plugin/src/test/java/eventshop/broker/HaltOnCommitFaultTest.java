package eventshop.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-only fault on an embedded broker: it fires on the commit of an XA acknowledgement of a marked message. */
class HaltOnCommitFaultTest {

    private static final String QUEUE = "work";

    private final AtomicInteger halts = new AtomicInteger();
    /** The broker's data folder: the fault remembers there what fired. */
    @TempDir
    Path data;
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
    void haltsOnTheCommitOfAnXaAcknowledgementOfAMarkedMessageNotBefore() throws Exception {
        start(true);
        send(HaltOnCommitFault.HALT_ON_COMMIT);
        assertThat(acknowledgeUnderXa(false)).as("halts after prepare").isZero();
        start(true);
        send(HaltOnCommitFault.HALT_ON_COMMIT);
        assertThat(acknowledgeUnderXa(true)).as("halts on commit").isEqualTo(1);
    }

    @Test
    void haltsOncePerEventWhateverTheCopiesAndRestarts() throws Exception {
        start(true);
        send(HaltOnCommitFault.HALT_ON_COMMIT, "order-1");
        send(HaltOnCommitFault.HALT_ON_COMMIT, "order-1"); // another subscriber's copy of the same event
        assertThat(acknowledgeUnderXa(true)).as("the first copy halts").isEqualTo(1);
        assertThat(acknowledgeUnderXa(true)).as("the other copy does not").isEqualTo(1);
        start(true);
        send(HaltOnCommitFault.HALT_ON_COMMIT, "order-1");
        assertThat(acknowledgeUnderXa(true)).as("nor does a copy delivered after the restart").isZero();
        send(HaltOnCommitFault.HALT_ON_COMMIT, "order-2");
        assertThat(acknowledgeUnderXa(true)).as("another event halts").isEqualTo(1);
    }

    @Test
    void leavesUnmarkedMessagesAlone() throws Exception {
        start(true);
        send(null);
        assertThat(acknowledgeUnderXa(true)).isZero();
    }

    @Test
    void isInertUnlessSwitchedOn() throws Exception {
        start(false);
        send(HaltOnCommitFault.HALT_ON_COMMIT);
        assertThat(acknowledgeUnderXa(true)).isZero();
    }

    private void start(boolean enabled) throws Exception {
        stop();
        halts.set(0);
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false).setSecurityEnabled(false).addAcceptorConfiguration("in-vm", "vm://0")
                .setJournalDirectory(data.resolve("journal").toString());
        configuration.registerBrokerPlugin(new HaltOnCommitFault(enabled, halts::incrementAndGet));
        broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        broker.getActiveMQServer().createQueue(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST));
        locator = ActiveMQClient.createServerLocator("vm://0").setBlockOnAcknowledge(true);
        factory = locator.createSessionFactory();
    }

    private void send(String fault) throws Exception {
        send(fault, null);
    }

    private void send(String fault, String correlationId) throws Exception {
        try (ClientSession session = factory.createSession(); ClientProducer producer = session.createProducer(QUEUE)) {
            ClientMessage message = session.createMessage(true);
            if (fault != null) {
                message.putStringProperty(HaltOnCommitFault.FAULT, fault);
            }
            if (correlationId != null) {
                message.putStringProperty(HaltOnCommitFault.CORRELATION_ID, correlationId);
            }
            producer.send(message);
        }
    }

    /** Receives and acknowledges under XA, prepares, commits if asked; answers how often the fault fired. */
    private int acknowledgeUnderXa(boolean commit) throws Exception {
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
            if (commit) {
                xa.commit(xid, false);
            }
        }
        return halts.get();
    }
}

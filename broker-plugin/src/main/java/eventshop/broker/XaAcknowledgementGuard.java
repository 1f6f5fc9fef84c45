package eventshop.broker;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQIllegalStateException;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.persistence.OperationContext;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.protocol.SessionCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses an acknowledgement that arrives on an XA session while no XA transaction is started on it.
 *
 * <p>Why: a message-driven bean's delivery is acknowledged by the resource adapter inside the container's
 * transaction, on the session the container enlisted in it. When that enlistment fails (the broker answered
 * too slowly after a restart, the connection was being replaced), Payara's message-bean container records the
 * failure and returns normally, the adapter acknowledges, and the bean is then never called. The broker sees an
 * acknowledgement on an XA session with no transaction started and, as for any session without one, commits it
 * at once: the message is consumed and nothing handled it (a chaos run lost 277 orders' payments that way).
 *
 * <p>Refused, the acknowledgement's own transaction rolls back and the message returns to its queue for another
 * delivery, after the redelivery delay. <b>The refused delivery is not counted</b> against the message's delivery
 * attempts: a refusal proves that no transaction of the consumer held the message, so whatever failed was the
 * consumer's side (an enlistment that timed out, or, seen in a full chaos run after a broker restart, an Artemis
 * client thread left holding a dead transaction by the resource adapter's reconnect, on which every later delivery
 * of every listener failed before its bean ran), never the message. Counted, those refusals dead-lettered messages
 * that no handler had ever seen (issue 19: 60 notifications and 4 orders' payments). The broker's attempts and its
 * dead-letter queue are for messages that fail in their handler; those still count as before. Nothing a correct
 * client does is refused: an XA client acknowledges between start and end of a transaction, other sessions always
 * have one.
 */
public class XaAcknowledgementGuard implements ActiveMQServerPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(XaAcknowledgementGuard.class);

    /** Names of the open XA sessions: a consumer names its session, a session does not say whether it is XA. */
    private final Set<String> xaSessions = ConcurrentHashMap.newKeySet();

    private final AtomicLong refused = new AtomicLong();

    @Override
    public void init(Map<String, String> properties) {
        LOG.info("EventShop XA acknowledgement guard active: acknowledgements outside an XA session's transaction are refused");
    }

    @Override
    public void beforeCreateSession(String name, String username, int minLargeMessageSize, RemotingConnection connection,
                                    boolean autoCommitSends, boolean autoCommitAcks, boolean preAcknowledge, boolean xa,
                                    String defaultAddress, SessionCallback callback, boolean autoCreateQueues,
                                    OperationContext context, Map<SimpleString, RoutingType> prefixes) {
        if (xa) {
            xaSessions.add(name);
        }
    }

    @Override
    public void afterCloseSession(ServerSession session, boolean failed) {
        xaSessions.remove(session.getName());
    }

    @Override
    public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason, ServerConsumer consumer)
            throws ActiveMQException {
        if (reason != AckReason.NORMAL || consumer == null || !xaSessions.contains(consumer.getSessionID())) {
            return;
        }
        if (tx == null || tx.getXid() == null) {
            // Counted when the broker handed the message to the consumer; taken back before the rollback below
            // decides between another delivery and the dead-letter address (QueueImpl.checkRedelivery).
            ref.decrementDeliveryCount();
            long count = refused.incrementAndGet();
            String queue = String.valueOf(ref.getQueue().getName());
            LOG.warn("Refused acknowledgement #{} of message {} on queue {}: session {} is XA but has no transaction "
                    + "started; the message goes back to the queue for another delivery, this one not counted",
                    count, ref.getMessageID(), queue, consumer.getSessionID());
            throw new ActiveMQIllegalStateException("acknowledgement of message " + ref.getMessageID() + " on " + queue
                    + " refused: the XA session has no transaction started (it would commit outside the transaction)");
        }
    }

    /** How many acknowledgements were refused since the broker started. */
    public long refused() {
        return refused.get();
    }
}

package eventshop.broker;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.core.transaction.TransactionOperationAbstract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEST ONLY: the broker dies (its JVM halts, as with kill -9) when the commit of an XA transaction arrives that
 * acknowledges a message marked {@value #FAULT} = {@value #HALT_ON_COMMIT}, on that message's first delivery. Send the
 * marked message to one queue (a subscription's fully qualified name), not to a topic: another subscriber's copy, not
 * yet acknowledged when the broker halted, is a first delivery after the restart too, and would halt it again.
 *
 * <p>Why: the crash that stalled the shop after a restart lands between a delivery's prepare and its commit
 * (Payara has decided to commit, the database branch may be committed, the broker's is prepared). Hoping to hit
 * that instant with a kill from outside is not a test; this plugin puts the crash exactly there. The broker's
 * prepared branch survives in its journal, as after any crash at that point.
 *
 * <p>Inert unless the broker runs with {@code -D}{@value #SWITCH}{@code =true}, which only the test profile
 * sets (bin/eventshop.defaults: EVENTSHOP_FAULT_INJECTION; bin/eventshop passes it to the broker).
 */
public class HaltOnCommitFault implements ActiveMQServerPlugin {

    static final String SWITCH = "eventshop.test.fault-injection";
    static final String FAULT = "eventshopFault";
    static final String HALT_ON_COMMIT = "halt-broker-on-commit";

    private static final Logger LOG = LoggerFactory.getLogger(HaltOnCommitFault.class);
    private static final SimpleString FAULT_PROPERTY = SimpleString.of(FAULT);

    private final boolean enabled;
    private final Runnable halt;

    public HaltOnCommitFault() {
        this(Boolean.getBoolean(SWITCH), () -> Runtime.getRuntime().halt(137));
    }

    HaltOnCommitFault(boolean enabled, Runnable halt) {
        this.enabled = enabled;
        this.halt = halt;
        if (enabled) {
            LOG.warn("TEST FAULT INJECTION ON: the broker halts on the commit of an XA transaction acknowledging a message "
                    + "marked {}={}", FAULT, HALT_ON_COMMIT);
        }
    }

    @Override
    public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason, ServerConsumer consumer) {
        if (!enabled || tx == null || tx.getXid() == null || reason != AckReason.NORMAL || ref.getDeliveryCount() > 1
                || !HALT_ON_COMMIT.equals(String.valueOf(ref.getMessage().getObjectProperty(FAULT_PROPERTY)))) {
            return;
        }
        long messageId = ref.getMessageID();
        tx.addOperation(new TransactionOperationAbstract() {
            @Override
            public void beforeCommit(Transaction committing) {
                LOG.warn("TEST FAULT: halting the broker on the commit of XA transaction {} (it acknowledges message {})",
                        committing.getXid(), messageId);
                halt.run();
            }
        });
    }
}

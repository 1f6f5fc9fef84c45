package eventshop.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
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
 * acknowledges a message marked {@value #FAULT} = {@value #HALT_ON_COMMIT}, on that message's first delivery, once per
 * event: a topic gives each subscriber its own copy (a divert's copy, a message of its own), and a copy not yet
 * acknowledged when the broker halted is a first delivery after the restart, which would halt it again (CI saw it:
 * the recovery test's broker halted a second time, 1 s after its restart). So the fault, before it halts, leaves a
 * file named after the event's {@value #CORRELATION_ID} in {@code <data>/halted-on-commit/}, and does not fire again
 * for that event.
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
    static final String CORRELATION_ID = "correlationId";

    private static final Logger LOG = LoggerFactory.getLogger(HaltOnCommitFault.class);
    private static final SimpleString FAULT_PROPERTY = SimpleString.of(FAULT);
    private static final SimpleString CORRELATION_ID_PROPERTY = SimpleString.of(CORRELATION_ID);

    private final boolean enabled;
    private final Runnable halt;
    /** Where the faults that fired are remembered: beside the journal, so that they outlive the halt. */
    private volatile Path fired;

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
    public void registered(ActiveMQServer server) {
        fired = server.getConfiguration().getJournalLocation().toPath().resolveSibling("halted-on-commit");
    }

    @Override
    public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason, ServerConsumer consumer) {
        if (!enabled || tx == null || tx.getXid() == null || reason != AckReason.NORMAL || ref.getDeliveryCount() > 1
                || !HALT_ON_COMMIT.equals(String.valueOf(ref.getMessage().getObjectProperty(FAULT_PROPERTY)))) {
            return;
        }
        long messageId = ref.getMessageID();
        Object correlationId = ref.getMessage().getObjectProperty(CORRELATION_ID_PROPERTY);
        Path marker = fired.resolve(String.valueOf(correlationId == null ? messageId : correlationId).replaceAll("[^A-Za-z0-9._-]", "_"));
        if (Files.exists(marker)) {
            return; // this event's fault fired already, on another copy or before a restart
        }
        tx.addOperation(new TransactionOperationAbstract() {
            @Override
            public void beforeCommit(Transaction committing) {
                LOG.warn("TEST FAULT: halting the broker on the commit of XA transaction {} (it acknowledges message {})",
                        committing.getXid(), messageId);
                remember(marker);
                halt.run();
            }
        });
    }

    private static void remember(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            Files.write(marker, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember the fault in " + marker, e);
        }
    }
}

package eventshop.platform.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.transaction.TransactionManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.transaction.xa.XAResource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A test-only fault that fails a subscription's transaction AFTER the handler ran, its rows written
 * and its events sent, and before the commit: the integration tests prove with it that all of that
 * rolls back together, that the broker redelivers with back-off, and that the redelivery has exactly
 * one effect (or that a message that keeps failing ends in the dead-letter queue).
 *
 * <p>Off unless the server has {@value #SWITCH}=true, which bin/eventshop sets for the test profile
 * only. Even then it fires only for a message that asks for it: property {@value #FAULT} =
 * {@value #AFTER_HANDLING}, failing its first {@value #FAILING_DELIVERIES} deliveries (1 when absent).
 *
 * <p>{@value #FAULT} = {@value #HALT_INSTANCE_ON_COMMIT} (issue 18) halts the server that takes the message's first
 * delivery in the commit phase of that delivery's transaction ({@link HaltOnCommit}): the instance dies with the
 * transaction's branches prepared and its decision to commit in its log, as in a crash nobody could time from outside.
 */
final class FaultInjection {

    static final String SWITCH = "eventshop.test.fault-injection";
    static final String FAULT = "eventshopFault";
    static final String AFTER_HANDLING = "after-handling";
    static final String FAILING_DELIVERIES = "eventshopFaultDeliveries";
    static final String HALT_INSTANCE_ON_COMMIT = "halt-instance-on-commit";
    /** Payara's own name for its transaction manager (TransactionNamingProxy). */
    private static final String TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    private final boolean enabled;

    FaultInjection(boolean enabled) {
        this.enabled = enabled;
    }

    /** The switch as the server's MicroProfile Config has it. */
    static FaultInjection configured() {
        return new FaultInjection(ConfigProvider.getConfig().getOptionalValue(SWITCH, Boolean.class).orElse(false));
    }

    /** @throws InjectedFault when the switch is on and the message asks to fail this delivery */
    void afterHandling(String subscription, Message message, int deliveryCount) {
        if (!enabled) {
            return;
        }
        try {
            if (fails(message.getStringProperty(FAULT), message.getObjectProperty(FAILING_DELIVERIES), deliveryCount)) {
                throw new InjectedFault(subscription + " fails delivery " + deliveryCount + " of message "
                        + message.getJMSMessageID() + " after handling it, as the message asked (" + FAULT + ")");
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the fault properties of a message", e);
        }
    }

    /**
     * Before the handler touches anything: when the switch is on and the message asks for it on its first delivery,
     * enlists {@link HaltOnCommit} in the delivery's transaction, right after the broker's branch that the container
     * enlisted and before the database's. (Payara commits the branches in the order they were enlisted.)
     */
    void beforeHandling(String subscription, Message message, int deliveryCount) {
        if (!enabled) {
            return;
        }
        try {
            if (halts(message.getStringProperty(FAULT), deliveryCount)) {
                enlist(new HaltOnCommit(subscription + " delivers message " + message.getJMSMessageID() + ", marked "
                        + FAULT + "=" + HALT_INSTANCE_ON_COMMIT, () -> Runtime.getRuntime().halt(137)));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the fault properties of a message", e);
        }
    }

    /** Only the first delivery: a redelivery after the crash, on another instance, must pass. */
    static boolean halts(String fault, int deliveryCount) {
        return HALT_INSTANCE_ON_COMMIT.equals(fault) && deliveryCount == 1;
    }

    private static void enlist(XAResource participant) {
        try {
            TransactionManager transactions = (TransactionManager) new InitialContext().lookup(TRANSACTION_MANAGER);
            transactions.getTransaction().enlistResource(participant);
        } catch (NamingException | jakarta.transaction.RollbackException | jakarta.transaction.SystemException e) {
            throw new IllegalStateException("cannot enlist the test fault in the delivery's transaction", e);
        }
    }

    static boolean fails(String fault, Object failingDeliveries, int deliveryCount) {
        if (!AFTER_HANDLING.equals(fault)) {
            return false;
        }
        int failing = failingDeliveries == null ? 1 : Integer.parseInt(failingDeliveries.toString());
        return deliveryCount <= failing;
    }

    /** Rolls the transaction back like any unexpected failure would. */
    static final class InjectedFault extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }
}

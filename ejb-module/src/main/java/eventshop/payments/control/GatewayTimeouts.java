package eventshop.payments.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.payments.entity.PaymentStatus;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Declines the payments the gateway has not answered within {@code payments.gateway.timeout.ms}
 * (default 10 s), checked every second.
 *
 * <p>The timer is not persistent: every server instance scans, and a payment two instances decline at
 * once is declined once (the payment's version; the loser's transaction rolls back).
 */
@Stateless
public class GatewayTimeouts {

    /** Enough for a second's work; what is left waits for the next scan. */
    private static final int BATCH = 100;

    private static final Logger LOG = MessageLog.logger(GatewayTimeouts.class);

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    @Inject
    GatewayReplies replies;

    @Inject
    @ConfigProperty(name = "payments.gateway.timeout.ms", defaultValue = "10000")
    long timeoutMillis;

    @Schedule(second = "*/1", minute = "*", hour = "*", persistent = false, info = "payments gateway timeouts")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void declineOverduePayments() {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        List<String> overdue = em.createQuery("select p.id from Payment p where p.status = :pending"
                        + " and p.requestedAt <= :cutoff order by p.requestedAt", String.class)
                .setParameter("pending", PaymentStatus.PENDING)
                .setParameter("cutoff", Payments.now().minus(timeout))
                .setMaxResults(BATCH)
                .getResultList();
        for (String paymentId : overdue) {
            try {
                replies.timeOutIfOverdue(paymentId, timeout);
            } catch (EJBException e) {
                // That payment's own transaction is rolled back (a concurrent reply or instance won the
                // version race, or the broker failed): the next scan sees it again if it is still pending.
                LOG.log(Level.WARNING, "Could not decline overdue payment " + paymentId + "; retried at the next scan", e);
            }
        }
    }
}

package eventshop.payments.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.events.Envelope;
import eventshop.events.PaymentAuthorizationResult;
import eventshop.events.RefundResult;
import eventshop.payments.entity.GatewayOutcome;
import eventshop.payments.entity.Payment;
import eventshop.payments.entity.Refund;
import eventshop.platform.messaging.AwaitsOperator;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the gateway's answers, and its silence, do to payments and refunds. */
@Stateless
public class GatewayReplies {

    static final String DECLINED_WITHOUT_REASON = "declined by the gateway";

    private static final Logger LOG = MessageLog.logger(GatewayReplies.class);

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    @Inject
    Payments payments;

    @Inject
    PaymentsEvents events;

    @Inject
    PaymentGateway gateway;

    public void authorizationResult(PaymentAuthorizationResult result, Envelope envelope) {
        Payment payment = repliedTo(envelope, result.paymentId(), result.orderId());
        GatewayOutcome outcome = result.approved()
                ? payment.authorized(result.gatewayReference(), Payments.now())
                : payment.declined(result.reason() == null ? DECLINED_WITHOUT_REASON : result.reason(), Payments.now());
        String causationId = envelope.eventId().toString();
        switch (outcome) {
            case TAKEN -> events.taken(payment, causationId);
            case DECLINED -> events.declined(payment, causationId);
            case REFUND_AT_ONCE -> payments.refund(payment, payment.reason(), causationId);
            case IGNORED -> LOG.log(result.approved() ? Level.WARNING : Level.INFO,
                    "Late {0} for payment {1} of order {2}, already {3}, ignored (gateway reference {4})",
                    new Object[] {result.approved() ? "approval" : "decline", payment.id(), payment.orderId(),
                            payment.status(), result.gatewayReference()});
        }
    }

    public void refundResult(RefundResult result, Envelope envelope) {
        Payment payment = repliedTo(envelope, result.paymentId(), result.orderId());
        Refund refund = payment.refund().orElseThrow(() -> notYetVisible(envelope, "refund " + result.refundId()));
        if (!refund.id().equals(result.refundId())) {
            throw new UnmatchedReply("RefundResult for refund " + result.refundId() + ", but payment "
                    + payment.id() + " has only refund " + refund.id());
        }
        String causationId = envelope.eventId().toString();
        if (result.approved()) {
            if (payment.refundApproved(refund.id(), Payments.now())) {
                events.refunded(payment, refund, causationId);
            }
        } else if (payment.refundRefused(refund.id(), result.reason(), Payments.now())) {
            refundFailed(payment, refund, causationId);
        } else if (payment.retryRefund(refund.id(), Payments.now())) {
            // The refusal came back from the dead-letter queue: an operator retries the refund.
            LOG.log(Level.INFO, "Refund {0} of payment {1} for order {2} is retried: asking the gateway again",
                    new Object[] {refund.id(), payment.id(), payment.orderId()});
            gateway.refund(payment, refund, causationId);
        } else {
            LOG.log(Level.INFO, "Refusal {0} for refund {1}, which is {2}: ignored",
                    new Object[] {envelope.eventId(), refund.id(), refund.status()});
        }
    }

    /**
     * A compensation that failed for good: the money stays taken. The orders service learns it from
     * CompensationFailed (the order needs attention); this reply waits in the dead-letter queue, where an
     * operator's retry sends it back here, and the refund is asked for again.
     */
    private void refundFailed(Payment payment, Refund refund, String causationId) {
        String reason = "refund of " + refund.amount().toPlainString() + " " + payment.currency()
                + " refused by the gateway: " + (refund.refusalReason() == null ? "no reason given" : refund.refusalReason());
        LOG.log(Level.WARNING, "Refund {0} of payment {1} for order {2}: {3}",
                new Object[] {refund.id(), payment.id(), payment.orderId(), reason});
        events.refundFailed(payment, reason, causationId);
        throw new AwaitsOperator("refund " + refund.id() + " of payment " + payment.id() + " for order "
                + payment.orderId() + ": " + reason + " (retry this message to ask the gateway again)");
    }

    /**
     * Declines the payment with reason "gateway timeout" if it is still pending after the timeout, in a
     * transaction of its own: one payment that fails does not hold back the others.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void timeOutIfOverdue(String paymentId, Duration timeout) {
        // Not locked: in a timer's REQUIRES_NEW transaction the lock made Payara lose the XA connection (see
        // warehouse.control.ProductCatalogue.lockedProductsOf); a race with a reply fails on the version here.
        Payment payment = em.find(Payment.class, paymentId);
        if (payment != null && payment.timeOut(Payments.now(), timeout) == GatewayOutcome.DECLINED) {
            LOG.log(Level.INFO, "Payment {0} of order {1} declined: no gateway answer within {2} ms",
                    new Object[] {payment.id(), payment.orderId(), timeout.toMillis()});
            events.declined(payment, null);
        }
    }

    /**
     * The payment a gateway reply is about. A reply from anyone but the gateway, or one whose order is not
     * the payment's, can never be applied: it goes to the dead letters with the reason.
     */
    private Payment repliedTo(Envelope envelope, String paymentId, String orderId) {
        if (!PaymentGateway.GATEWAY_PRODUCER.equals(envelope.producer())) {
            throw new UnmatchedReply("gateway replies come from producer '" + PaymentGateway.GATEWAY_PRODUCER
                    + "', not '" + envelope.producer() + "'");
        }
        // Locked: a cancellation of the order may change the payment at the same moment (Payments.lockedOfOrder).
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw notYetVisible(envelope, "payment " + paymentId);
        }
        if (!payment.orderId().equals(orderId)) {
            throw new UnmatchedReply(envelope.type() + " for payment " + paymentId + " names order " + orderId
                    + ", but the payment is for order " + payment.orderId());
        }
        return payment;
    }

    /**
     * A reply about a row this service does not see (yet). The request and its row commit together, but
     * the two XA branches become visible one after the other, so a fast reply may overtake the row: roll
     * back and let the broker redeliver; a reply that matches nothing ends in the dead letters after the
     * redeliveries.
     */
    private static IllegalStateException notYetVisible(Envelope envelope, String what) {
        return new IllegalStateException(envelope.type() + " " + envelope.eventId() + " is about " + what
                + ", which this service does not know (yet)");
    }
}

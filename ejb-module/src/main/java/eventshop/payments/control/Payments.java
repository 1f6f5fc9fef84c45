package eventshop.payments.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.events.Envelope;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.StockUnavailable;
import eventshop.payments.entity.Payment;
import eventshop.platform.gateway.CardTokens;
import eventshop.platform.messaging.ContradictsState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The payments service's side of the order flows: an order placed is paid through the gateway; an
 * order the warehouse cannot serve, or the customer cancels, has its money given back.
 */
@Stateless
public class Payments {

    private static final String OF_ORDER = "select p from Payment p where p.orderId = :orderId order by p.requestedAt";

    static final String CANCELLED_BY_CUSTOMER = "cancelled by the customer";

    private static final Logger LOG = MessageLog.logger(Payments.class);

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    @Inject
    PaymentGateway gateway;

    @Inject
    CardTokens cardTokens;

    @Inject
    PaymentsEvents events;

    /** The reason of a payment whose old OrderPlaced held a number the gateway does not take (e.g. masked). */
    static final String NO_CARD = "no card to charge: the order's card number is no longer available";

    /** A new PENDING payment, and the request to authorize it, in one transaction. */
    public void orderPlaced(OrderPlaced event, Envelope envelope) {
        Optional<Payment> existing = ofOrder(event.orderId());
        if (existing.isPresent()) {
            // The same order placed again under another event id (a replay keeps the id, and the same id is
            // skipped as processed): one payment per order, never a second charge.
            throw new ContradictsState("OrderPlaced " + envelope.eventId() + " for order " + event.orderId()
                    + ", which has payment " + existing.get().id() + " already");
        }
        Payment payment = new Payment(UUID.randomUUID().toString(), event.orderId(), event.total(), event.currency(),
                event.cardLast4(), now());
        em.persist(payment);
        String token = event.paymentToken();
        if (token == null) {
            // An OrderPlaced of version 2 or older, still in circulation, holds the card number: exchanged for a
            // token at once, so that the number goes no further (not into the gateway request, nor a table).
            Optional<CardTokens.Card> card = cardTokens.exchange(event.cardNumber());
            if (card.isEmpty()) {
                // e.g. a number the orders V3 migration masked in a journal that was then replayed
                declineUnpayable(payment, envelope);
                return;
            }
            token = card.get().token();
        }
        gateway.authorize(payment, token, envelope.eventId().toString());
    }

    private void declineUnpayable(Payment payment, Envelope envelope) {
        payment.declined(NO_CARD, now());
        events.declined(payment, envelope.eventId().toString());
    }

    /** The warehouse has no stock for a paid order: the compensation starts with the refund. */
    public void stockUnavailable(StockUnavailable event, Envelope envelope) {
        Optional<Payment> payment = lockedOfOrder(event.orderId());
        if (payment.isEmpty()) {
            LOG.log(Level.WARNING, "StockUnavailable {0} for order {1}, which has no payment: nothing to refund",
                    new Object[] {envelope.eventId(), event.orderId()});
            return;
        }
        refund(payment.get(), event.reason(), envelope.eventId().toString());
    }

    /**
     * A cancellation by the customer: a pending payment is marked so that no PaymentTaken follows (and a
     * late approval is refunded), a taken one is refunded. A cancellation because of stock needs nothing:
     * its refund was started by the StockUnavailable that caused it.
     */
    public void orderCancelled(OrderCancelled event, Envelope envelope) {
        if (OrderCancelled.BY_STOCK.equals(event.cancelledBy())) {
            return;
        }
        // Every order gets its payment from its OrderPlaced, which comes first in the order's message group;
        // a payment not found is one not visible yet (its OrderPlaced is being redelivered): retry later.
        Payment payment = lockedOfOrder(event.orderId()).orElseThrow(() -> new IllegalStateException("OrderCancelled "
                + envelope.eventId() + " for order " + event.orderId() + ", whose payment this service does not know (yet)"));
        String reason = event.reason() == null || event.reason().isBlank() ? CANCELLED_BY_CUSTOMER : event.reason();
        if (!payment.cancelWhilePending(reason, now())) {
            refund(payment, reason, envelope.eventId().toString());
        }
    }

    /** Asks the gateway for the money back, unless the payment holds none or already has its one refund. */
    public void refund(Payment payment, String reason, String causationId) {
        payment.startRefund(UUID.randomUUID().toString(), reason, now()).ifPresentOrElse(
                refund -> {
                    em.persist(refund);
                    gateway.refund(payment, refund, causationId);
                },
                () -> LOG.log(Level.INFO, "Payment {0} of order {1} ({2}) is not refunded for \"{3}\": {4}",
                        new Object[] {payment.id(), payment.orderId(), payment.status(), reason,
                                payment.refund().isPresent() ? "it has a refund already" : "no money was taken"}));
    }

    public Optional<Payment> ofOrder(String orderId) {
        return forOrder(orderId).stream().findFirst();
    }

    /**
     * The order's payment, locked for this transaction because the caller changes it. A cancellation and
     * the gateway's reply about the same payment arrive on different queues, so nothing else keeps them
     * apart: unlocked, the second to commit failed on the version and came back a second later with the
     * broker's redelivery (docs/performance.md). Locked, it waits for the first and reads its outcome.
     */
    Optional<Payment> lockedOfOrder(String orderId) {
        return em.createQuery(OF_ORDER, Payment.class)
                .setParameter("orderId", orderId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** The order's payments (at most one today; a list so that a retry with a new card fits later). */
    public List<Payment> forOrder(String orderId) {
        return em.createQuery(OF_ORDER, Payment.class)
                .setParameter("orderId", orderId)
                .getResultList();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package eventshop.customers.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.customers.entity.HistoryEntry;
import eventshop.customers.entity.HistoryStatus;
import eventshop.events.Envelope;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.events.PaymentTaken;
import eventshop.platform.messaging.ContradictsState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Each customer's order history, kept from the events of orders, payments and the warehouse. */
@Stateless
public class OrderHistory {

    private static final Logger LOG = MessageLog.logger(OrderHistory.class);

    @PersistenceContext(unitName = "customers")
    EntityManager em;

    @Inject
    CustomerRegistry customers;

    /** The customer's orders, the most recent first. */
    public List<HistoryEntry> of(String customerId) {
        return em.createQuery("select h from HistoryEntry h where h.customerId = :customerId "
                        + "order by h.placedAt desc, h.orderId", HistoryEntry.class)
                .setParameter("customerId", customerId)
                .getResultList();
    }

    public void orderPlaced(OrderPlaced event, Envelope envelope) {
        if (em.find(HistoryEntry.class, event.orderId()) != null) {
            // The same order placed again under another event id (the same id is skipped as processed).
            throw new ContradictsState(envelope.type() + " " + envelope.eventId() + " for order " + event.orderId()
                    + ", which is in the customer's history already");
        }
        customers.knownOrLearnt(event.customerId(), event.customerName(), event.customerEmail(), envelope.occurredAt());
        em.persist(new HistoryEntry(event.orderId(), event.customerId(), event.total(), envelope.occurredAt()));
    }

    public void paymentTaken(PaymentTaken event, Envelope envelope) {
        move(event.orderId(), HistoryStatus.PAID, envelope);
    }

    public void paymentDeclined(PaymentDeclined event, Envelope envelope) {
        move(event.orderId(), HistoryStatus.REJECTED, envelope);
    }

    public void orderShipped(OrderShipped event, Envelope envelope) {
        move(event.orderId(), HistoryStatus.SHIPPED, envelope);
    }

    public void orderCancelled(OrderCancelled event, Envelope envelope) {
        move(event.orderId(), HistoryStatus.CANCELLED, envelope);
    }

    /*
     * An order's events share one message group, so its OrderPlaced normally comes first. It can come
     * later when its first delivery failed and waits for redelivery; failing here sends this event
     * back too, to be retried after it (and dead-lettered with this reason if the order never shows up).
     */
    private void move(String orderId, HistoryStatus next, Envelope envelope) {
        HistoryEntry entry = em.find(HistoryEntry.class, orderId);
        if (entry == null) {
            throw new IllegalStateException("No history entry for order " + orderId + " (its OrderPlaced has not "
                    + "been processed); " + envelope.type() + " " + envelope.eventId() + " will be retried");
        }
        if (entry.status() == next) {
            // Each status is reached once: a second event for it, under a new event id, contradicts the history.
            throw new ContradictsState(envelope.type() + " " + envelope.eventId() + " for order " + orderId
                    + ", which is " + next + " in the customer's history already");
        }
        if (!entry.moveTo(next, envelope.occurredAt())) {
            LOG.log(Level.INFO, "Order {0} stays {1} in its history: {2} {3} came after it",
                    new Object[] {orderId, entry.status(), envelope.type(), envelope.eventId()});
        }
    }
}

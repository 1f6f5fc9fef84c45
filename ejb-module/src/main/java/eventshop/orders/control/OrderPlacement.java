package eventshop.orders.control;

import eventshop.events.Envelope;
import eventshop.events.OrderPlaced;
import eventshop.orders.entity.CustomerCopy;
import eventshop.orders.entity.IdempotencyKey;
import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.UUID;

/**
 * Places an order (flow 1): prices it from the catalogue copy, stores it PLACED with its lines and
 * first timeline entry, and journals OrderPlaced for the outbox, all in one transaction (committed in the
 * database alone; the event is sent right after: OrderEvents.publishAfterCommit).
 */
@Stateless
public class OrderPlacement {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    CatalogueCopy catalogue;

    @Inject
    CustomerCopies customers;

    @Inject
    OrderEvents events;

    /** The order a request placed; {@code replayed} when an earlier request with the same key placed it. */
    public record Placement(Order order, boolean replayed) {
    }

    /**
     * @param idempotencyKey the client's Idempotency-Key, or null
     * @throws OrderRejected for a repeated or unknown sku, or a key used before with another request
     */
    public Placement place(String customerId, List<RequestedItem> items, String cardNumber, String idempotencyKey) {
        String fingerprint = null;
        if (idempotencyKey != null) {
            fingerprint = RequestFingerprint.of(customerId, items, cardNumber);
            IdempotencyKey earlier = em.find(IdempotencyKey.class, idempotencyKey);
            if (earlier != null) {
                return new Placement(sameRequestOrReject(earlier, fingerprint), true);
            }
        }
        PricedOrder priced = new Pricing(catalogue::find).price(items);
        Order order = new Order(UUID.randomUUID().toString(), customerId, priced.total(), priced.currency(), cardNumber);
        priced.lines().forEach(line -> order.addLine(line.sku(), line.name(), line.quantity(), line.unitPrice()));
        em.persist(order);
        if (idempotencyKey != null) {
            claim(new IdempotencyKey(idempotencyKey, fingerprint, order));
        }
        Envelope placed = events.publishAfterCommit(orderPlaced(order, priced, cardNumber));
        order.note(OrderEvent.of(placed, null));
        return new Placement(order, false);
    }

    private static Order sameRequestOrReject(IdempotencyKey earlier, String fingerprint) {
        if (!earlier.sameRequest(fingerprint)) {
            throw new OrderRejected(OrderRejected.Reason.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used before with a different request body.",
                    List.of(new OrderRejected.Field("Idempotency-Key", "was used before with a different request body")));
        }
        return earlier.order();
    }

    /*
     * Two requests with the same new key at the same moment both miss it above; the database lets one
     * insert it. Flushing here makes the other fail now, as a clear answer (retry, and get the order the
     * first placed), before it publishes anything. The order is flushed first, outside the catch, so
     * that only the key's insert can be the failure reported as a key in use.
     */
    private void claim(IdempotencyKey key) {
        em.flush();
        em.persist(key);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new OrderRejected(OrderRejected.Reason.IDEMPOTENCY_KEY_IN_USE,
                    "Another request with this Idempotency-Key is being processed; retry to get its order.");
        }
    }

    private OrderPlaced orderPlaced(Order order, PricedOrder priced, String cardNumber) {
        CustomerCopy customer = customers.find(order.customerId()).orElse(null);
        List<eventshop.events.PlacedLine> lines = priced.lines().stream()
                .map(line -> new eventshop.events.PlacedLine(line.sku(), line.name(), line.quantity(), line.unitPrice(),
                        priced.currency()))
                .toList();
        return new OrderPlaced(order.id(), order.customerId(),
                customer == null ? null : customer.name(), customer == null ? null : customer.email(),
                lines, priced.total(), priced.currency(), cardNumber);
    }
}

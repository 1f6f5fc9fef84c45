package eventshop.orders.control;

import eventshop.events.Envelope;
import eventshop.events.OrderPlaced;
import eventshop.orders.entity.CustomerCopy;
import eventshop.orders.entity.IdempotencyKey;
import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderEvent;
import eventshop.platform.gateway.CardTokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Places an order (flow 1): prices it from the catalogue copy, stores it PLACED with its lines and
 * first timeline entry, and journals OrderPlaced for the outbox, all in one transaction (committed in the
 * database alone; the event is sent right after: OrderEvents.publishAfterCommit).
 *
 * <p>The payment is the card gateway's token. Before anything is stored, the gateway is asked (synchronously,
 * so that the client hears of it at once with a 422 rather than later as a REJECTED order) whether the
 * client's token is one it issued and no payment used yet, and a card number an older client still sends is
 * exchanged for a token: that number then never reaches a table, an event or a log. A gateway that does not
 * answer refuses the order (GatewayUnavailable: 503), nothing stored. Two orders racing with one unused token
 * both pass this check; the gateway declines the second authorization (the order ends REJECTED).
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

    @Inject
    CardTokens cardTokens;

    /**
     * The key of the idempotency fingerprint: Payara's password alias eventshop-fingerprint (its password config
     * source serves every alias to MicroProfile Config under its name), set by bin/eventshop from
     * EVENTSHOP_FINGERPRINT_SECRET. No default: a secret in the code would be no secret.
     */
    @Inject
    @ConfigProperty(name = "eventshop-fingerprint")
    Provider<String> fingerprintSecret;

    /** The order a request placed; {@code replayed} when an earlier request with the same key placed it. */
    public record Placement(Order order, boolean replayed) {
    }

    /**
     * @param idempotencyKey the client's Idempotency-Key, or null
     * @throws OrderRejected for a repeated or unknown sku, a key used before with another request, or a payment
     *     the card gateway refuses
     * @throws eventshop.platform.gateway.GatewayUnavailable when the gateway does not answer in time
     */
    public Placement place(String customerId, List<RequestedItem> items, PaymentMethod payment, String idempotencyKey) {
        String fingerprint = null;
        if (idempotencyKey != null) {
            fingerprint = RequestFingerprint.of(fingerprintSecret.get(), customerId, items, payment);
            IdempotencyKey earlier = em.find(IdempotencyKey.class, idempotencyKey);
            if (earlier != null) {
                return new Placement(sameRequestOrReject(earlier, fingerprint), true);
            }
        }
        PricedOrder priced = new Pricing(catalogue::find).price(items);
        CardTokens.Card card = cardOf(payment);
        Order order = new Order(UUID.randomUUID().toString(), customerId, priced.total(), priced.currency(), card.last4());
        priced.lines().forEach(line -> order.addLine(line.sku(), line.name(), line.quantity(), line.unitPrice()));
        em.persist(order);
        if (idempotencyKey != null) {
            claim(new IdempotencyKey(idempotencyKey, fingerprint, order));
        }
        Envelope placed = events.publishAfterCommit(orderPlaced(order, priced, card));
        order.note(OrderEvent.of(placed, null));
        return new Placement(order, false);
    }

    private CardTokens.Card cardOf(PaymentMethod payment) {
        if (payment.token() != null) {
            CardTokens.TokenCheck check = cardTokens.check(payment.token());
            if (check.card() == null) {
                throw refused("payment.token", check.refusal());
            }
            return check.card();
        }
        return cardTokens.exchange(payment.cardNumber())
                .orElseThrow(() -> refused("payment.cardNumber", "is not a card number the card gateway accepts"));
    }

    private static OrderRejected refused(String field, String why) {
        return new OrderRejected(OrderRejected.Reason.PAYMENT_REFUSED, "The card gateway refuses the payment: " + field
                + " " + why + ". Nothing was stored.", List.of(new OrderRejected.Field(field, why)));
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

    private OrderPlaced orderPlaced(Order order, PricedOrder priced, CardTokens.Card card) {
        CustomerCopy customer = customers.find(order.customerId()).orElse(null);
        List<eventshop.events.PlacedLine> lines = priced.lines().stream()
                .map(line -> new eventshop.events.PlacedLine(line.sku(), line.name(), line.quantity(), line.unitPrice(),
                        priced.currency()))
                .toList();
        return OrderPlaced.paidByToken(order.id(), order.customerId(),
                customer == null ? null : customer.name(), customer == null ? null : customer.email(),
                lines, priced.total(), priced.currency(), card.token(), card.last4());
    }
}

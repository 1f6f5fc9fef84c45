package eventshop.warehouse.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.events.Envelope;
import eventshop.events.OrderCancelled;
import eventshop.events.PlacedLine;
import eventshop.events.OrderPlaced;
import eventshop.events.PaymentTaken;
import eventshop.platform.messaging.AwaitsOperator;
import eventshop.platform.messaging.ContradictsState;
import eventshop.warehouse.entity.PendingOrder;
import eventshop.warehouse.entity.Product;
import eventshop.warehouse.entity.Shipment;
import eventshop.warehouse.entity.ShipmentStatus;
import eventshop.warehouse.entity.StockLine;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The warehouse's side of the order flows: remember a placed order, reserve its stock once it is paid
 * (or report the stock unavailable), release the reservation when the order is cancelled.
 *
 * <p>Two paid orders racing for the last unit: the first locks the product ({@link ProductCatalogue#lockedProductsOf}),
 * the second waits for its commit and then finds no stock: StockUnavailable.
 */
@Stateless
public class Fulfilment {

    private static final Logger LOG = MessageLog.logger(Fulfilment.class);

    @PersistenceContext(unitName = "warehouse")
    EntityManager em;

    @Inject
    ProductCatalogue catalogue;

    @Inject
    Shipping shipping;

    @Inject
    WarehouseEvents events;

    /** How long a reservation waits before it ships; 0 ships in the transaction that reserves. */
    @Inject
    @ConfigProperty(name = "warehouse.shipping.delay.ms", defaultValue = "2000")
    long shippingDelayMillis;

    public void orderPlaced(OrderPlaced event, Envelope envelope) {
        List<StockLine> lines = linesOf(event);
        PendingOrder known = em.find(PendingOrder.class, event.orderId());
        if (known == null) {
            em.persist(PendingOrder.placed(event.orderId(), lines, now()));
        } else if (!known.placedAgain(lines, now())) {
            // Placed before under another event id (the same id is skipped as processed).
            throw new ContradictsState("OrderPlaced " + envelope.eventId() + " for order " + event.orderId()
                    + ", which the warehouse has had placed already");
        }
    }

    /** Reserves every line, or none: a line short of stock makes the whole order StockUnavailable. */
    public void paymentTaken(PaymentTaken event, Envelope envelope) {
        PendingOrder order = em.find(PendingOrder.class, event.orderId());
        if (order == null) {
            // The OrderPlaced is behind (being redelivered): roll back and let the broker retry this later.
            throw new IllegalStateException("PaymentTaken " + envelope.eventId() + " for order " + event.orderId()
                    + " came before its OrderPlaced");
        }
        if (order.status() == PendingOrder.Status.PAID) {
            // A second payment for the order under another event id: reserving again would ship twice.
            throw new ContradictsState("PaymentTaken " + envelope.eventId() + " for order " + event.orderId()
                    + ", whose payment the warehouse has had already");
        }
        if (!order.paymentTaken()) {
            // Cancelled before its payment: a late PaymentTaken the flows produce (payments refunds it).
            LOG.log(Level.INFO, "Order {0} is {1}: PaymentTaken {2} reserves nothing",
                    new Object[] {order.orderId(), order.status(), envelope.eventId()});
            return;
        }
        String causationId = envelope.eventId().toString();
        Map<String, Product> products = catalogue.lockedProductsOf(order.lines());
        List<String> shortOf = Shipment.skusShortOfStock(order.lines(), products);
        if (!shortOf.isEmpty()) {
            LOG.log(Level.INFO, "Order {0} is short of {1}", new Object[] {order.orderId(), shortOf});
            events.stockUnavailable(order.orderId(), shortOf, causationId);
            return;
        }
        OffsetDateTime now = now();
        Shipment shipment = Shipment.reserve(UUID.randomUUID().toString(), order.orderId(), order.lines(), products,
                now, now.plus(Duration.ofMillis(Math.max(0, shippingDelayMillis))));
        em.persist(shipment);
        if (shipment.isDue(now)) {
            shipping.ship(shipment, products, causationId);
        } else {
            events.productsUpdated(products.values(), order.orderId(), causationId);
        }
        // Write now: a change made without the lock (an operator's update of the product) still fails on the
        // version here, inside the handler.
        em.flush();
    }

    /**
     * Gives a not yet shipped reservation back to sale; before the payment is taken, remembers the
     * cancellation so that a later PaymentTaken reserves nothing.
     */
    public void orderCancelled(OrderCancelled event, Envelope envelope) {
        Optional<Shipment> found = shipmentOf(event.orderId());
        if (found.isPresent()) {
            release(found.get(), event, envelope.eventId().toString());
            return;
        }
        PendingOrder order = em.find(PendingOrder.class, event.orderId());
        if (order == null) {
            em.persist(PendingOrder.cancelledBeforePlaced(event.orderId(), now()));
        } else if (!order.cancel(now())) {
            LOG.log(Level.INFO, "Order {0} is {1} without a reservation: OrderCancelled {2} has nothing to release",
                    new Object[] {order.orderId(), order.status(), envelope.eventId()});
        }
    }

    private void release(Shipment shipment, OrderCancelled event, String causationId) {
        if (shipment.status() == ShipmentStatus.SHIPPED) {
            releaseImpossible(shipment, event, causationId);
        }
        if (shipment.status() != ShipmentStatus.RESERVED) {
            LOG.log(Level.INFO, "Order {0} was cancelled but its shipment {1} is {2} already: nothing to release",
                    new Object[] {shipment.orderId(), shipment.id(), shipment.status()});
            return;
        }
        Map<String, Product> products = catalogue.lockedProductsOf(shipment.lines());
        shipment.cancel(products, now());
        events.productsUpdated(products.values(), shipment.orderId(), causationId);
    }

    /**
     * The cancellation came after the shipment left (the customer cancelled while the orders service had not
     * yet heard of the shipment): the stock is with the customer and cannot go back to sale. A compensation
     * that failed for good: CompensationFailed tells the orders service (the order needs attention), and
     * the OrderCancelled waits in the dead-letter queue. An operator's retry runs this again: while the
     * shipment has left it fails the same way; the goods coming back is a person's business.
     */
    private void releaseImpossible(Shipment shipment, OrderCancelled event, String causationId) {
        String reason = "order cancelled (" + event.reason() + ") after shipment " + shipment.id() + " left on "
                + shipment.shippedAt() + ": its stock cannot be released";
        LOG.log(Level.WARNING, "Order {0}: {1}", new Object[] {shipment.orderId(), reason});
        events.compensationFailed(shipment.orderId(), reason, causationId);
        throw new AwaitsOperator("OrderCancelled for order " + shipment.orderId() + ": " + reason);
    }

    private Optional<Shipment> shipmentOf(String orderId) {
        return em.createQuery("select s from Shipment s where s.orderId = :orderId", Shipment.class)
                .setParameter("orderId", orderId)
                .getResultStream()
                .findFirst();
    }

    /** The order's lines, one per sku; an order line without a positive quantity can never be served. */
    private static List<StockLine> linesOf(OrderPlaced event) {
        if (event.lines().stream().anyMatch(line -> line.sku() == null || line.quantity() < 1)) {
            throw new UnservableOrder("OrderPlaced " + event.orderId()
                    + " has a line without a sku or with a quantity below 1: " + event.lines());
        }
        return StockLine.perSku(event.lines(), PlacedLine::sku, PlacedLine::quantity);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

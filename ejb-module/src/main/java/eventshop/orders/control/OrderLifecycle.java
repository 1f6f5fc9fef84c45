package eventshop.orders.control;

import eventshop.events.CompensationFailed;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.events.PaymentRefunded;
import eventshop.events.PaymentTaken;
import eventshop.events.StockUnavailable;
import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderEvent;
import eventshop.orders.entity.OrderStatus;
import eventshop.platform.messaging.ContradictsState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;

/**
 * Moves orders through their states (flow 4): on the events of payments and the warehouse, and on the
 * customer's cancel. Which move is allowed is the business of {@link OrderStatus}; an event the state
 * machine does not allow (a late one, for an order already terminal) only goes on the timeline.
 */
@Stateless
public class OrderLifecycle {

    static final String CANCELLED_BY_CUSTOMER = "cancelled by the customer";
    private static final String STOCK_UNAVAILABLE = EventCodec.contractOf(StockUnavailable.class).type();
    private static final String ORDER_CANCELLED = EventCodec.contractOf(OrderCancelled.class).type();
    private static final String PAYMENT_TAKEN = EventCodec.contractOf(PaymentTaken.class).type();
    private static final String PAYMENT_DECLINED = EventCodec.contractOf(PaymentDeclined.class).type();
    private static final String PAYMENT_REFUNDED = EventCodec.contractOf(PaymentRefunded.class).type();
    private static final String ORDER_SHIPPED = EventCodec.contractOf(OrderShipped.class).type();

    /*
     * The events that happen at most once in an order's life, and the events already on its timeline that
     * rule them out: the payment is taken or declined, once; the stock is shipped or found missing, once, and
     * neither for a declined payment (the warehouse acts only on PaymentTaken); the one refund is made once.
     * Such an event arriving again under a new event id (the same id is skipped as processed) contradicts the
     * order: it is dead-lettered before it changes anything (no second timeline entry, no second
     * OrderCancelled). Late events the flows do produce (a shipment that overtook the customer's cancel, a
     * refund of a payment approved after its timeout) rule nothing out here and still go on the timeline.
     */
    private static final Map<String, Set<String>> RULED_OUT_BY = Map.of(
            PAYMENT_TAKEN, Set.of(PAYMENT_TAKEN, PAYMENT_DECLINED),
            PAYMENT_DECLINED, Set.of(PAYMENT_DECLINED, PAYMENT_TAKEN),
            ORDER_SHIPPED, Set.of(ORDER_SHIPPED, STOCK_UNAVAILABLE, PAYMENT_DECLINED),
            STOCK_UNAVAILABLE, Set.of(STOCK_UNAVAILABLE, ORDER_SHIPPED, PAYMENT_DECLINED),
            PAYMENT_REFUNDED, Set.of(PAYMENT_REFUNDED));

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    OrderEvents events;

    public void paymentTaken(PaymentTaken event, Envelope envelope) {
        orderFor(envelope, event.orderId()).advance(OrderStatus.PAID, OrderEvent.of(envelope, null));
    }

    public void paymentDeclined(PaymentDeclined event, Envelope envelope) {
        orderFor(envelope, event.orderId()).advance(OrderStatus.REJECTED, OrderEvent.of(envelope, event.reason()));
    }

    public void orderShipped(OrderShipped event, Envelope envelope) {
        orderFor(envelope, event.orderId())
                .advance(OrderStatus.SHIPPED, OrderEvent.of(envelope, "shipment " + event.shipmentId()));
    }

    /** The order stays PAID: it is cancelled when payments reports the refund that follows. */
    public void stockUnavailable(StockUnavailable event, Envelope envelope) {
        orderFor(envelope, event.orderId())
                .note(OrderEvent.of(envelope, event.reason() + ": " + String.join(", ", event.skus())));
    }

    /**
     * A refund cancels the order. The customer's cancel has made the order CANCELLED before payments
     * refunds, so a refund that still cancels it is the compensation for missing stock: orders then
     * tells the others with OrderCancelled by "stock" (customers and notifications wait for it; payments
     * and the warehouse have nothing left to do). Deciding by the status rather than by a StockUnavailable
     * entry keeps this right if the refund overtakes the StockUnavailable on a redelivery.
     */
    public void paymentRefunded(PaymentRefunded event, Envelope envelope) {
        Order order = orderFor(envelope, event.orderId());
        // A refund retried after it had failed settles an order that needed attention: only when the
        // customer had not cancelled it is this refund the compensation for missing stock.
        boolean cancelledByCustomer = order.hasSeen(ORDER_CANCELLED);
        if (order.refunded(OrderEvent.of(envelope, event.reason())) && !cancelledByCustomer) {
            String reason = order.detailOf(STOCK_UNAVAILABLE).orElse(event.reason());
            events.publish(new OrderCancelled(order.id(), order.customerId(), reason, OrderCancelled.BY_STOCK),
                    envelope.eventId().toString());
        }
    }

    /**
     * A compensation failed for good (the gateway refused the refund, the stock could not be released):
     * the order needs attention, with the reason on the order and its timeline, even if it was CANCELLED.
     */
    public void compensationFailed(CompensationFailed event, Envelope envelope) {
        Order order = orderFor(envelope, event.orderId());
        OrderEvent failure = OrderEvent.of(envelope, event.reason());
        if (CompensationFailed.REFUND.equals(event.compensation())) {
            order.refundFailed(event.reason(), failure);
        } else {
            order.compensationFailed(event.reason(), failure);
        }
    }

    /**
     * The customer cancels (POST /api/orders/{id}/cancel): allowed in PLACED and PAID; payments refunds
     * and the warehouse releases on the OrderCancelled published here.
     *
     * @throws OrderRejected UNKNOWN_ORDER, WRONG_STATUS, or CHANGED_MEANWHILE when an event changed the
     *     order at the same moment
     */
    public Order cancelByCustomer(String orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (order == null) {
            throw new OrderRejected(OrderRejected.Reason.UNKNOWN_ORDER, "No order with id " + orderId + ".");
        }
        if (!order.status().cancellableByCustomer()) {
            throw new OrderRejected(OrderRejected.Reason.WRONG_STATUS, "Order " + orderId + " is " + order.status()
                    + " and can no longer be cancelled.");
        }
        Envelope cancelled = events.publishAfterCommit(
                new OrderCancelled(order.id(), order.customerId(), CANCELLED_BY_CUSTOMER, OrderCancelled.BY_CUSTOMER));
        order.advance(OrderStatus.CANCELLED, OrderEvent.of(cancelled, CANCELLED_BY_CUSTOMER));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new OrderRejected(OrderRejected.Reason.CHANGED_MEANWHILE,
                    "Order " + orderId + " changed while it was being cancelled; look at it again and retry.");
        }
        OrderLookup.loadDetails(order);
        return order;
    }

    /*
     * The order's row is locked (and its version incremented) for the whole transaction: a message and a
     * customer's cancel for one order, or two messages, are applied one after the other instead of one
     * failing on an optimistic lock. A rolled-back message would be redelivered only after the broker's
     * back-off, behind the order's later events, and they would be applied out of order.
     */
    private Order orderFor(Envelope envelope, String orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (order == null) {
            throw new UnknownOrder(envelope.type(), orderId);
        }
        for (String earlier : RULED_OUT_BY.getOrDefault(envelope.type(), Set.of())) {
            if (order.hasSeen(earlier)) {
                throw new ContradictsState(envelope.type() + " " + envelope.eventId() + " for order " + orderId + ", which is "
                        + order.status() + " and has had its " + earlier + " already");
            }
        }
        return order;
    }
}

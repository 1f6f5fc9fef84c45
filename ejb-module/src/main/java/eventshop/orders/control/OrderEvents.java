package eventshop.orders.control;

import eventshop.events.Envelope;
import eventshop.events.OrderMessage;
import eventshop.platform.messaging.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Topic;

/**
 * The orders service's way to publish: onto its topic (Artemis address eventshop.orders.events), correlated
 * by the order id; in the listener's transaction for what a message caused, through the outbox for what a
 * request caused.
 */
@ApplicationScoped
public class OrderEvents {

    public static final String PRODUCER = "orders";
    public static final String JNDI_NAME = "jms/eventshop/orders/events";

    @Resource(lookup = JNDI_NAME)
    Topic topic;

    @Inject
    EventPublisher publisher;

    /**
     * For an event caused by a consumed message: sent in the listener's XA transaction, which commits the
     * consumption, the service's rows and the event together (the mission's atomicity guarantee).
     *
     * @param causationId the event id of the message being handled
     * @return the envelope sent, whose event id the order's timeline records
     */
    public Envelope publish(OrderMessage event, String causationId) {
        return publisher.publish(topic, event, PRODUCER, event.orderId(), causationId);
    }

    /**
     * For an event caused by a REST request (an order placed, a customer's cancel): journaled with a row in
     * the service's outbox (orders.outbox) in the request's transaction, which so commits in the database
     * alone, and sent by the relay right after that commit (EventPublisher.publishAfterCommit). The request
     * answers without a two-phase commit with the broker, and keeps working while the broker is down.
     *
     * <p>Order per order still holds: the relay sends in journal order; an order's first event (OrderPlaced)
     * is the request's, and every event this service publishes from a message about the order follows a
     * message caused by that first event, so it cannot overtake it. The only other event a request publishes,
     * the customer's OrderCancelled, and the one a message publishes, OrderCancelled by stock, exclude each
     * other (OrderLifecycle: the order's row is locked, and a refund after the customer's cancel publishes nothing).
     *
     * @return the envelope to be sent, whose event id the order's timeline records
     */
    public Envelope publishAfterCommit(OrderMessage event) {
        return publisher.publishAfterCommit(topic, event, PRODUCER, event.orderId(), null);
    }
}

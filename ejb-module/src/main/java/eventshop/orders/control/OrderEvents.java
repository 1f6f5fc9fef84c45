package eventshop.orders.control;

import eventshop.events.Envelope;
import eventshop.events.OrderMessage;
import eventshop.platform.messaging.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Topic;

/**
 * The orders service's one way to publish: onto its topic (Artemis address eventshop.orders.events),
 * in the caller's transaction, correlated by the order id.
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
     * @param causationId the event id of the message being handled; null when a REST call caused it
     * @return the envelope sent, whose event id the order's timeline records
     */
    public Envelope publish(OrderMessage event, String causationId) {
        return publisher.publish(topic, event, PRODUCER, event.orderId(), causationId);
    }
}

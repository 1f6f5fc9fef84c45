package eventshop.payments.control;

import eventshop.events.CompensationFailed;
import eventshop.events.PaymentDeclined;
import eventshop.events.PaymentRefunded;
import eventshop.events.PaymentTaken;
import eventshop.payments.entity.Payment;
import eventshop.payments.entity.Refund;
import eventshop.platform.messaging.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Topic;

/**
 * The payments service's one way to publish its events (topic eventshop.payments.events), in the
 * caller's transaction, correlated by the order id.
 */
@ApplicationScoped
public class PaymentsEvents {

    public static final String PRODUCER = "payments";
    public static final String TOPIC = "jms/eventshop/payments/events";

    @Resource(lookup = TOPIC)
    Topic topic;

    @Inject
    EventPublisher publisher;

    /** @param causationId the event id of the message that caused it, or null (a timer, a REST call) */
    public void taken(Payment payment, String causationId) {
        publisher.publish(topic, new PaymentTaken(payment.orderId(), payment.id(), payment.amount(), payment.currency()),
                PRODUCER, payment.orderId(), causationId);
    }

    public void declined(Payment payment, String causationId) {
        publisher.publish(topic, new PaymentDeclined(payment.orderId(), payment.id(), payment.reason()),
                PRODUCER, payment.orderId(), causationId);
    }

    public void refunded(Payment payment, Refund refund, String causationId) {
        publisher.publish(topic, new PaymentRefunded(payment.orderId(), payment.id(), refund.id(), refund.amount(),
                payment.currency(), refund.reason()), PRODUCER, payment.orderId(), causationId);
    }

    /** The refund of the payment failed for good: the orders service puts the order in NEEDS_ATTENTION. */
    public void refundFailed(Payment payment, String reason, String causationId) {
        publisher.publish(topic, new CompensationFailed(payment.orderId(), CompensationFailed.REFUND, reason),
                PRODUCER, payment.orderId(), causationId);
    }
}

package eventshop.payments.control;

import eventshop.events.AuthorizePayment;
import eventshop.events.RefundPayment;
import eventshop.payments.entity.Payment;
import eventshop.payments.entity.Refund;
import eventshop.platform.messaging.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;

/**
 * Requests to the card gateway, an external system reached only through its request queue; it answers
 * on its reply queue (topology/topology.yaml), copying each request's JMSCorrelationID (the payment or refund id) to
 * its reply. Sent in the caller's transaction: no request leaves unless the payment row commits.
 */
@ApplicationScoped
public class PaymentGateway {

    public static final String REQUESTS = "jms/eventshop/payments/gateway-requests";
    /** The producer the gateway writes on its replies. */
    public static final String GATEWAY_PRODUCER = "payment-gateway";

    @Resource(lookup = REQUESTS)
    Queue requests;

    @Inject
    EventPublisher publisher;

    /** By the gateway's token for the card: a card number never goes on the request queue. */
    public void authorize(Payment payment, String paymentToken, String causationId) {
        publisher.command(requests,
                AuthorizePayment.byToken(payment.id(), payment.orderId(), payment.amount(), payment.currency(), paymentToken),
                PaymentsEvents.PRODUCER, payment.orderId(), causationId, payment.id());
    }

    public void refund(Payment payment, Refund refund, String causationId) {
        publisher.command(requests,
                new RefundPayment(refund.id(), payment.id(), payment.orderId(), refund.amount(), payment.currency(),
                        payment.gatewayReference()),
                PaymentsEvents.PRODUCER, payment.orderId(), causationId, refund.id());
    }
}

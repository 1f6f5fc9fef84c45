package eventshop.payments.boundary;

import eventshop.events.PaymentAuthorizationResult;
import eventshop.events.RefundResult;
import eventshop.payments.control.GatewayReplies;
import eventshop.payments.control.PaymentGateway;
import eventshop.platform.messaging.DeadLetters;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.ProcessedMessages;
import eventshop.platform.messaging.Subscription;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The payment gateway's answers (authorizations and refunds), from its reply queue; competing
 * consumers across server instances. Replies are matched to requests by the ids in their payload,
 * which the gateway also carries as JMSCorrelationID (the payment or refund id).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
    // The service's own broker user (jms-config/broker.xml): its name from a system property, its password
    // from a password alias (server-config/20-artemis.asadmin), both filled in by Payara: no password in code.
    @ActivationConfigProperty(propertyName = "user", propertyValue = "${eventshop.broker.payments.user}"),
    @ActivationConfigProperty(propertyName = "password", propertyValue = "${ALIAS=eventshop-broker-payments}"),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = PaymentGateway.REPLIES_ADDRESS),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
    // Keep trying to connect if the broker is not up yet when the application starts.
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
public class GatewayRepliesListener implements MessageListener {

    @Resource(lookup = "jms/eventshop/payments/dead-letters")
    Queue deadLetterQueue;

    @Inject
    DeadLetters deadLetters;

    @Inject
    GatewayReplies replies;

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    private Subscription subscription;

    @PostConstruct
    void handlers() {
        subscription = new Subscription(PaymentGateway.REPLIES_ADDRESS, deadLetterQueue, deadLetters,
                new ProcessedMessages(em, "payments"), List.of(
                        Handler.on(PaymentAuthorizationResult.class, replies::authorizationResult),
                        Handler.on(RefundResult.class, replies::refundResult)));
    }

    @Override
    public void onMessage(Message message) {
        subscription.deliver(message);
    }
}

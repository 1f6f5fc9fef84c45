package eventshop.payments.boundary;

import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.StockUnavailable;
import eventshop.payments.control.Payments;
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
 * The payments service's shared durable subscription "payments": the orders topic (orders placed and
 * cancelled) and the warehouse topic (stock that is not there), through one queue on the broker.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
    // The service's own broker user (jms-config/broker.xml): its name from a system property, its password
    // from a password alias (server-config/20-artemis.asadmin), both filled in by Payara: no password in code.
    @ActivationConfigProperty(propertyName = "user", propertyValue = "${eventshop.broker.payments.user}"),
    @ActivationConfigProperty(propertyName = "password", propertyValue = "${ALIAS=eventshop-broker-payments}"),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "eventshop.payments.subscription"),
    // The producers this service listens to, and the copies an operator replays to this subscription only
    // (sent to its subscription address, marked replayedTo, see EventPublisher.replay and ops.control.ReplayTargets).
    @ActivationConfigProperty(propertyName = "messageSelector",
            propertyValue = "_AMQ_ORIG_ADDRESS IN ('eventshop.orders.events', 'eventshop.warehouse.events')"
                    + " OR replayedTo = 'payments'"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "payments"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    // Concurrent deliveries (one order's events stay in order: they share a message group). Sized with the
    // load generator: docs/performance.md.
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
    // Keep trying to connect if the broker is not up yet when the application starts.
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
public class PaymentsSubscription implements MessageListener {

    public static final String NAME = "payments";

    @Resource(lookup = "jms/eventshop/payments/dead-letters")
    Queue deadLetterQueue;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Payments payments;

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    private Subscription subscription;

    @PostConstruct
    void handlers() {
        subscription = new Subscription(NAME, deadLetterQueue, deadLetters, new ProcessedMessages(em, "payments"), List.of(
                Handler.on(OrderPlaced.class, payments::orderPlaced),
                Handler.on(StockUnavailable.class, payments::stockUnavailable),
                Handler.on(OrderCancelled.class, payments::orderCancelled)));
    }

    @Override
    public void onMessage(Message message) {
        subscription.deliver(message);
    }
}

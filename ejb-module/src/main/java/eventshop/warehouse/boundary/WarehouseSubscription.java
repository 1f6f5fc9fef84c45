package eventshop.warehouse.boundary;

import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.PaymentTaken;
import eventshop.platform.messaging.DeadLetters;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.ProcessedMessages;
import eventshop.platform.messaging.Subscription;
import eventshop.warehouse.control.Fulfilment;
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
 * The warehouse's shared durable subscription "warehouse": the orders topic (orders placed and
 * cancelled) and the payments topic (payments taken), through one queue on the broker, so that one
 * order's events (one message group) arrive in the order they were published.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
    // The service's own broker user (jms-config/broker.xml): its name from a system property, its password
    // from a password alias (server-config/20-artemis.asadmin), both filled in by Payara: no password in code.
    @ActivationConfigProperty(propertyName = "user", propertyValue = "${eventshop.broker.warehouse.user}"),
    @ActivationConfigProperty(propertyName = "password", propertyValue = "${ALIAS=eventshop-broker-warehouse}"),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "eventshop.warehouse.subscription"),
    // The producers this service listens to, and the copies an operator replays to this subscription only
    // (sent to its subscription address, marked replayedTo, see EventPublisher.replay and ops.control.ReplayTargets).
    @ActivationConfigProperty(propertyName = "messageSelector",
            propertyValue = "_AMQ_ORIG_ADDRESS IN ('eventshop.orders.events', 'eventshop.payments.events')"
                    + " OR replayedTo = 'warehouse'"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "warehouse"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    // Concurrent deliveries (one order's events stay in order: they share a message group). Sized with the
    // load generator: docs/performance.md.
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
    // Keep trying to connect if the broker is not up yet when the application starts.
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
public class WarehouseSubscription implements MessageListener {

    public static final String NAME = "warehouse";

    @Resource(lookup = "jms/eventshop/warehouse/dead-letters")
    Queue deadLetterQueue;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Fulfilment fulfilment;

    @PersistenceContext(unitName = "warehouse")
    EntityManager em;

    private Subscription subscription;

    @PostConstruct
    void handlers() {
        subscription = new Subscription(NAME, deadLetterQueue, deadLetters, new ProcessedMessages(em, "warehouse"), List.of(
                Handler.on(OrderPlaced.class, fulfilment::orderPlaced),
                Handler.on(PaymentTaken.class, fulfilment::paymentTaken),
                Handler.on(OrderCancelled.class, fulfilment::orderCancelled)));
    }

    @Override
    public void onMessage(Message message) {
        subscription.deliver(message);
    }
}

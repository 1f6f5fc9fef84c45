package eventshop.notifications.boundary;

import eventshop.events.CustomerRegistered;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.notifications.control.Notifier;
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
 * The notifications service's shared durable subscription "notifications": the order events a
 * customer is told about, and the registrations that give a customer's name and address.
 *
 * <p>Same shape as the orders service's subscription: its own address {@code eventshop.notifications.subscription},
 * fed by diverts from the topics it listens to, which its selector names too.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
    // The service's own broker user (jms-config/broker.xml): its name from a system property, its password
    // from a password alias (server-config/20-artemis.asadmin), both filled in by Payara: no password in code.
    @ActivationConfigProperty(propertyName = "user", propertyValue = "${eventshop.broker.notifications.user}"),
    @ActivationConfigProperty(propertyName = "password", propertyValue = "${ALIAS=eventshop-broker-notifications}"),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "eventshop.notifications.subscription"),
    // The producers this service listens to, and the copies an operator replays to this subscription only
    // (sent to its subscription address, marked replayedTo, see EventPublisher.replay and ops.control.ReplayTargets).
    @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "_AMQ_ORIG_ADDRESS IN ("
            + "'eventshop.orders.events', 'eventshop.customers.events', 'eventshop.warehouse.events', "
            + "'eventshop.payments.events') OR replayedTo = 'notifications'"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "notifications"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    // Concurrent deliveries (one order's events stay in order: they share a message group). Sized with the
    // load generator: docs/performance.md.
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
    // Keep trying to connect if the broker is not up yet when the application starts.
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
public class NotificationsSubscription implements MessageListener {

    public static final String NAME = "notifications";

    @Resource(lookup = "jms/eventshop/notifications/dead-letters")
    Queue deadLetterQueue;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Notifier notifier;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    private Subscription subscription;

    @PostConstruct
    void handlers() {
        subscription = new Subscription(NAME, deadLetterQueue, deadLetters, new ProcessedMessages(em, "notifications"),
                List.of(
                        Handler.on(CustomerRegistered.class, notifier::customerRegistered),
                        Handler.on(OrderPlaced.class, notifier::orderPlaced),
                        Handler.on(PaymentDeclined.class, notifier::paymentDeclined),
                        Handler.on(OrderShipped.class, notifier::orderShipped),
                        Handler.on(OrderCancelled.class, notifier::orderCancelled)));
    }

    @Override
    public void onMessage(Message message) {
        subscription.deliver(message);
    }
}

package eventshop.orders.boundary;

import eventshop.events.CompensationFailed;
import eventshop.events.CustomerRegistered;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.events.PaymentRefunded;
import eventshop.events.PaymentTaken;
import eventshop.events.ProductUpdated;
import eventshop.events.StockUnavailable;
import eventshop.orders.control.CatalogueCopy;
import eventshop.orders.control.CustomerCopies;
import eventshop.orders.control.OrderLifecycle;
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
 * The orders service's shared durable subscription "orders": one queue on the broker that every
 * server instance consumes from, fed by the topics of the services orders listens to.
 *
 * <p>The destination is the service's own address {@code eventshop.orders.subscription}, which the broker's
 * diverts feed from the topics orders listens to (jms-config/broker.xml): only the orders user may consume
 * there. The selector names the same topics ({@code _AMQ_ORIG_ADDRESS}, the topic a diverted copy was
 * published on), which the operator API's replays read. One queue per service keeps one order's events in
 * one ordered stream and gives one dead-letter queue.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
    // The service's own broker user (jms-config/broker.xml): its name from a system property, its password
    // from a password alias (server-config/20-artemis.asadmin), both filled in by Payara: no password in code.
    @ActivationConfigProperty(propertyName = "user", propertyValue = "${eventshop.broker.orders.user}"),
    @ActivationConfigProperty(propertyName = "password", propertyValue = "${ALIAS=eventshop-broker-orders}"),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "eventshop.orders.subscription"),
    // The producers this service listens to, and the copies an operator replays to this subscription only
    // (sent to its subscription address, marked replayedTo, see EventPublisher.replay and ops.control.ReplayTargets).
    @ActivationConfigProperty(propertyName = "messageSelector",
            propertyValue = "_AMQ_ORIG_ADDRESS IN ('eventshop.warehouse.events', 'eventshop.payments.events', "
                    + "'eventshop.customers.events')"
                    + " OR replayedTo = 'orders'"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "orders"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    // Concurrent deliveries (one order's events stay in order: they share a message group). Sized with the
    // load generator: docs/performance.md.
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
    // Keep trying to connect if the broker is not up yet when the application starts.
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
public class OrdersSubscription implements MessageListener {

    public static final String NAME = "orders";

    @Resource(lookup = "jms/eventshop/orders/dead-letters")
    Queue deadLetterQueue;

    @Inject
    DeadLetters deadLetters;

    @Inject
    CatalogueCopy catalogue;

    @Inject
    CustomerCopies customers;

    @Inject
    OrderLifecycle orders;

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    private Subscription subscription;

    @PostConstruct
    void handlers() {
        subscription = new Subscription(NAME, deadLetterQueue, deadLetters, new ProcessedMessages(em, "orders"), List.of(
                Handler.on(ProductUpdated.class, catalogue::apply),
                Handler.on(CustomerRegistered.class, customers::apply),
                Handler.on(PaymentTaken.class, orders::paymentTaken),
                Handler.on(PaymentDeclined.class, orders::paymentDeclined),
                Handler.on(StockUnavailable.class, orders::stockUnavailable),
                Handler.on(OrderShipped.class, orders::orderShipped),
                Handler.on(PaymentRefunded.class, orders::paymentRefunded),
                Handler.on(CompensationFailed.class, orders::compensationFailed)));
    }

    @Override
    public void onMessage(Message message) {
        subscription.deliver(message);
    }
}

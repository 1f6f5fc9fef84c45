package eventshop.notifications.boundary;

import eventshop.events.SendNotification;
import eventshop.notifications.control.Mailer;
import eventshop.notifications.control.NotificationsOutbox;
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
 * The outbox's consumers: competing for the SendNotification work items (four sessions per server
 * instance, and every instance alike), each mailing one notification in its own transaction. The
 * processed-message record makes a redelivered or duplicated work item a no-op: one e-mail each.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
    // The service's own broker user (jms-config/broker.xml): its name from a system property, its password
    // from a password alias (server-config/20-artemis.asadmin), both filled in by Payara: no password in code.
    @ActivationConfigProperty(propertyName = "user", propertyValue = "${eventshop.broker.notifications.user}"),
    @ActivationConfigProperty(propertyName = "password", propertyValue = "${ALIAS=eventshop-broker-notifications}"),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = NotificationsOutbox.ADDRESS),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
    // Keep trying to connect if the broker is not up yet when the application starts.
    @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
    @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
})
public class OutboxListener implements MessageListener {

    @Resource(lookup = "jms/eventshop/notifications/dead-letters")
    Queue deadLetterQueue;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Mailer mailer;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    private Subscription subscription;

    @PostConstruct
    void handlers() {
        subscription = new Subscription(NotificationsOutbox.ADDRESS, deadLetterQueue, deadLetters,
                new ProcessedMessages(em, "notifications"), List.of(Handler.on(SendNotification.class, mailer::send)));
    }

    @Override
    public void onMessage(Message message) {
        subscription.deliver(message);
    }
}

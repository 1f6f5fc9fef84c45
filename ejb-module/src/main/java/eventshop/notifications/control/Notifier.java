package eventshop.notifications.control;

import eventshop.events.CustomerRegistered;
import eventshop.events.Envelope;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.events.SendNotification;
import eventshop.notifications.entity.Notification;
import eventshop.notifications.entity.Recipient;
import eventshop.platform.messaging.ContradictsState;
import eventshop.platform.messaging.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Turns order events into notifications: one row per event, and, when the customer's address is
 * known, a SendNotification on the outbox queue in the same transaction. The mail itself is sent
 * by the outbox's consumers ({@link Mailer}), so a slow or absent mail server never holds up this
 * subscription.
 */
@Stateless
public class Notifier {

    public static final String PRODUCER = "notifications";

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Resource(lookup = NotificationsOutbox.JNDI_NAME)
    Queue outbox;

    @Inject
    EventPublisher publisher;

    /** The customer's notifications, the most recent first. */
    public List<Notification> forCustomer(String customerId) {
        return em.createQuery("select n from Notification n where n.customerId = :customerId "
                        + "order by n.queuedAt desc, n.id", Notification.class)
                .setParameter("customerId", customerId)
                .getResultList();
    }

    public void customerRegistered(CustomerRegistered event, Envelope envelope) {
        learn(event.customerId(), event.name(), event.email());
    }

    public void orderPlaced(OrderPlaced event, Envelope envelope) {
        requireFirstOfItsKind(event.orderId(), envelope);
        Recipient recipient = learn(event.customerId(), event.customerName(), event.customerEmail());
        notify(recipient, event.orderId(), NotificationText.of(event, recipient.name()), envelope);
    }

    public void paymentDeclined(PaymentDeclined event, Envelope envelope) {
        notifyAboutOrder(event.orderId(), name -> NotificationText.of(event, name), envelope);
    }

    public void orderShipped(OrderShipped event, Envelope envelope) {
        notifyAboutOrder(event.orderId(), name -> NotificationText.of(event, name), envelope);
    }

    public void orderCancelled(OrderCancelled event, Envelope envelope) {
        notifyAboutOrder(event.orderId(), name -> NotificationText.of(event, name), envelope);
    }

    private Recipient learn(String customerId, String name, String email) {
        Recipient recipient = recipient(customerId);
        recipient.learn(name, email);
        return recipient;
    }

    private Recipient recipient(String customerId) {
        Recipient recipient = em.find(Recipient.class, customerId);
        if (recipient == null) {
            recipient = new Recipient(customerId);
            em.persist(recipient);
        }
        return recipient;
    }

    /*
     * Only OrderPlaced names the customer; the order's later events are mailed to whoever its
     * OrderPlaced notification went to. An order's events share one message group, so OrderPlaced
     * normally comes first; it can come later when its first delivery failed and waits for
     * redelivery. Failing here sends this event back too, to be retried after it (and dead-lettered
     * with this reason if the order never shows up).
     */
    private void notifyAboutOrder(String orderId, Function<String, NotificationText> text, Envelope envelope) {
        requireFirstOfItsKind(orderId, envelope);
        String customerId = em.createQuery("select n.customerId from Notification n where n.orderId = :orderId",
                        String.class)
                .setParameter("orderId", orderId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No customer known for order " + orderId
                        + " (its OrderPlaced has not been processed); " + envelope.type() + " "
                        + envelope.eventId() + " will be retried"));
        Recipient recipient = recipient(customerId);
        notify(recipient, orderId, text.apply(recipient.name()), envelope);
    }

    /*
     * Each step of an order (placed, declined, shipped, cancelled) happens once, so it is mailed once: another
     * event of the same type for the order under a new event id (the same id is skipped as processed)
     * contradicts what was sent, and is dead-lettered before anything changes, no second e-mail queued. A
     * notification's kind is its event's type (NotificationText).
     */
    private void requireFirstOfItsKind(String orderId, Envelope envelope) {
        boolean notifiedBefore = !em.createQuery("select n.id from Notification n where n.orderId = :orderId "
                        + "and n.kind = :kind", String.class)
                .setParameter("orderId", orderId)
                .setParameter("kind", envelope.type())
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (notifiedBefore) {
            throw new ContradictsState(envelope.type() + " " + envelope.eventId() + " for order " + orderId
                    + ": the customer was notified of this step already");
        }
    }

    private void notify(Recipient recipient, String orderId, NotificationText text, Envelope cause) {
        boolean mailedBefore = !em.createQuery("select n.id from Notification n where n.orderId = :orderId and n.kind = :kind",
                        String.class)
                .setParameter("orderId", orderId)
                .setParameter("kind", text.kind())
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (mailedBefore) {
            throw new ContradictsState(cause.type() + " " + cause.eventId() + " for order " + orderId
                    + ": the customer was notified of this step (" + text.kind() + ") already");
        }
        Notification notification = new Notification(recipient.customerId(), orderId, text.kind(),
                recipient.email(), text.subject(), Instant.now());
        em.persist(notification);
        if (notification.isQueued()) {
            publisher.command(outbox, new SendNotification(notification.id(), orderId, recipient.customerId(),
                            recipient.email(), text.kind(), text.subject(), text.body()),
                    PRODUCER, orderId, cause.eventId().toString(), null);
        }
    }
}

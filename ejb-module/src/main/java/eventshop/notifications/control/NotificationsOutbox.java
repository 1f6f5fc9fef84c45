package eventshop.notifications.control;

/** The work queue of e-mails to send (Artemis address eventshop.notifications.outbox). */
public final class NotificationsOutbox {

    public static final String JNDI_NAME = "jms/eventshop/notifications/outbox";

    private NotificationsOutbox() {
    }
}

package eventshop.notifications.control;

/**
 * The mail server did not take a notification. Unchecked, so that the transaction rolls back and
 * the broker redelivers the SendNotification with back-off (then dead-letters it).
 */
public class MailNotSent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailNotSent(String notificationId, String email, Throwable cause) {
        super("notification " + notificationId + " to " + email + " not sent: " + cause.getMessage(), cause);
    }
}

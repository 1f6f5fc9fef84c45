package eventshop.notifications.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.events.Envelope;
import eventshop.events.SendNotification;
import eventshop.notifications.entity.Notification;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mails a queued notification through the server's mail session and marks it SENT, in the outbox
 * consumer's transaction.
 *
 * <p>A mail server cannot join a transaction, so the database work is done first and flushed: a
 * second copy of the same send (competing consumers) blocks on the row and then fails on its version,
 * before it mails anything. Only a commit failing after the mail server took the message can still
 * lead to a second e-mail on redelivery.
 */
@Stateless
public class Mailer {

    /** Lets a reader (or a test's SMTP sink) tie an e-mail to its notification. */
    public static final String NOTIFICATION_HEADER = "X-EventShop-Notification";

    private static final Logger LOG = MessageLog.logger(Mailer.class);

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Resource(lookup = "mail/eventshop")
    Session mail;

    public void send(SendNotification command, Envelope envelope) {
        Notification notification = em.find(Notification.class, command.notificationId());
        if (notification == null) {
            // The row commits with the command: a command without one did not come from this service.
            throw new IllegalStateException("No notification " + command.notificationId() + " for "
                    + envelope.type() + " " + envelope.eventId());
        }
        if (!notification.isQueued()) {
            LOG.log(Level.INFO, "Notification {0} is {1}: not mailed again",
                    new Object[] {notification.id(), notification.status()});
            return;
        }
        notification.sent(Instant.now());
        em.flush();
        try {
            Transport.send(message(command));
        } catch (MessagingException e) {
            throw new MailNotSent(command.notificationId(), command.email(), e);
        }
    }

    private MimeMessage message(SendNotification command) throws MessagingException {
        MimeMessage message = new MimeMessage(mail);
        message.setFrom(); // the session's mail.from: the resource's --fromaddress
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(command.email(), true));
        message.setSubject(command.subject(), StandardCharsets.UTF_8.name());
        message.setText(command.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader(NOTIFICATION_HEADER, command.notificationId());
        return message;
    }
}

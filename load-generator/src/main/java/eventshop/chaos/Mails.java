package eventshop.chaos;

import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emails the SMTP sink (GreenMail) received, read over IMAP as each recipient's mail client would: the
 * sink accepts any login, and a mailbox is opened with its address as user. Each email names its order in
 * its body ("your order &lt;id&gt;").
 */
final class Mails {

    /** The mailer's header naming the notification an email is for (eventshop.notifications.control.Mailer). */
    static final String NOTIFICATION_HEADER = "X-EventShop-Notification";

    private static final Pattern ORDER = Pattern.compile("order ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private static final FetchProfile WHOLE_MESSAGES = new FetchProfile();

    static {
        WHOLE_MESSAGES.add(IMAPFolder.FetchProfileItem.MESSAGE);
    }

    private final int imapPort;

    Mails(int imapPort) {
        this.imapPort = imapPort;
    }

    /**
     * What the customers received: for each order, how many distinct emails of each subject (one per
     * notification, told by the header the mailer sets), and how many copies of an email already counted.
     * A copy is the documented at-least-once edge of a mail server that cannot join a transaction (the
     * server crashed after the mail server took the email, before the outbox's commit: eventshop's Mailer).
     */
    record Received(Map<String, Map<String, Integer>> byOrder, int copies) {
    }

    Received subjectsByOrder(Collection<String> addresses) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(imapPort));
        Session session = Session.getInstance(properties);
        Map<String, Map<String, Integer>> byOrder = new HashMap<>();
        Set<String> notifications = new HashSet<>();
        int copies = 0;
        for (String address : addresses) {
            Store store = session.getStore("imap");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                // One FETCH of every whole message instead of several round trips per message (headers, subject,
                // body each asked for separately): with thousands of emails that was twenty minutes and more.
                inbox.fetch(messages, WHOLE_MESSAGES);
                for (Message message : messages) {
                    String[] notification = message.getHeader(NOTIFICATION_HEADER);
                    if (notification != null && !notifications.add(notification[0])) {
                        copies++;
                        continue;
                    }
                    Matcher order = ORDER.matcher(text(message.getContent()));
                    String orderId = order.find() ? order.group(1) : "(no order named)";
                    byOrder.computeIfAbsent(orderId, id -> new HashMap<>()).merge(message.getSubject(), 1, Integer::sum);
                }
                inbox.close(false);
            } finally {
                store.close();
            }
        }
        return new Received(byOrder, copies);
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                text.append(text(part.getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}

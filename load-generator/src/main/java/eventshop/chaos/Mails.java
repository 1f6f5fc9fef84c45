package eventshop.chaos;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emails the SMTP sink (GreenMail) received, read over IMAP as each recipient's mail client would: the
 * sink accepts any login, and a mailbox is opened with its address as user. Each email names its order in
 * its body ("your order &lt;id&gt;").
 */
final class Mails {

    private static final Pattern ORDER = Pattern.compile("order ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private final int imapPort;

    Mails(int imapPort) {
        this.imapPort = imapPort;
    }

    /** For each order, how many emails of each subject its customer received. */
    Map<String, Map<String, Integer>> subjectsByOrder(Collection<String> addresses) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(imapPort));
        Map<String, Map<String, Integer>> byOrder = new HashMap<>();
        for (String address : addresses) {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    Matcher order = ORDER.matcher(text(message.getContent()));
                    String orderId = order.find() ? order.group(1) : "(no order named)";
                    byOrder.computeIfAbsent(orderId, id -> new HashMap<>()).merge(message.getSubject(), 1, Integer::sum);
                }
                inbox.close(false);
            } finally {
                store.close();
            }
        }
        return byOrder;
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

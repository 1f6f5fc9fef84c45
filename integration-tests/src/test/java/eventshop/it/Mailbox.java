package eventshop.it;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The emails the SMTP sink (GreenMail) received for one address, read over IMAP as a mail client
 * would. The sink accepts any login (an unknown one gets an empty mailbox); each recipient's mailbox is
 * opened with its address as user.
 */
final class Mailbox {

    private Mailbox() {
    }

    /** The subjects of every email received by the address, oldest first. */
    static List<String> subjects(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", System.getProperty("it.imap.port"));
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> subjects = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    subjects.add(message.getSubject());
                }
                inbox.close(false);
                return subjects;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address + " from the SMTP sink", e);
        }
    }
}

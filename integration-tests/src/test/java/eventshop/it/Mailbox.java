package eventshop.it;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** Every email received by the address, whole (headers and body), as text. */
    static List<String> contents(String address) {
        return read(address, message -> {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return raw.toString(StandardCharsets.UTF_8);
        });
    }

    /** The subjects of every email received by the address, oldest first. */
    static List<String> subjects(String address) {
        return read(address, Message::getSubject);
    }

    private interface Reading {
        String of(Message message) throws MessagingException, IOException;
    }

    private static List<String> read(String address, Reading reading) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", System.getProperty("it.imap.port"));
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> read = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    read.add(reading.of(message));
                }
                inbox.close(false);
                return read;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address + " from the SMTP sink", e);
        }
    }
}

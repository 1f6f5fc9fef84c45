package eventshop.platform.messaging;

import eventshop.events.MessageHeaders;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a message that cannot be processed into a service's dead-letter queue, with the reason and
 * where it came from, keeping its body and properties so an operator can read it and send it back.
 * The service sends it as itself ({@link BrokerLogins}): the dead-letter queue eventshop.&lt;service&gt;.dlq
 * names the service, and a service may send to its own only.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String ORIGINAL_MESSAGE_ID = "originalMessageId";
    public static final String ORIGINAL_DESTINATION = "originalDestination";

    private static final Pattern SERVICE_DEAD_LETTERS = Pattern.compile("eventshop\\.([a-z_]+)\\.dlq");
    /** Set by the broker's divert on a copy it made: the topic the event was published on. */
    private static final String DIVERTED_FROM = "_AMQ_ORIG_ADDRESS";

    @Inject
    BrokerLogins logins;

    public void reject(Message original, Destination deadLetterQueue, String subscription, String reason) {
        try (JMSContext context = logins.of(serviceOf(deadLetterQueue)).createContext()) {
            Message copy = copyBody(context, original);
            for (String property : Collections.list((java.util.Enumeration<?>) original.getPropertyNames())
                    .stream().map(String::valueOf).toList()) {
                // Broker-internal (_AMQ_) and JMS-defined (JMSX) properties belong to the original delivery;
                // the message group is the publisher's (the correlation key) and goes back with a replay.
                // The duplicate id stays behind: the dead-letter address would take only one dead letter per event.
                if (!property.startsWith("_AMQ") && (!property.startsWith("JMSX") || property.equals(EventPublisher.GROUP_ID))) {
                    copy.setObjectProperty(property, original.getObjectProperty(property));
                }
            }
            copy.setStringProperty(MessageHeaders.DEAD_LETTER_REASON, reason);
            copy.setStringProperty(MessageHeaders.DEAD_LETTER_ORIGIN, subscription);
            copy.setStringProperty(ORIGINAL_MESSAGE_ID, original.getJMSMessageID());
            // A subscription's message was diverted to it from the topic the operator wants to see.
            copy.setStringProperty(ORIGINAL_DESTINATION, original.propertyExists(DIVERTED_FROM)
                    ? original.getStringProperty(DIVERTED_FROM) : String.valueOf(original.getJMSDestination()));
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(deadLetterQueue, copy);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static String serviceOf(Destination deadLetterQueue) throws JMSException {
        Matcher service = SERVICE_DEAD_LETTERS.matcher(((Queue) deadLetterQueue).getQueueName());
        if (!service.matches()) {
            throw new IllegalArgumentException("Not a service's dead-letter queue: " + deadLetterQueue);
        }
        return service.group(1);
    }

    private static Message copyBody(JMSContext context, Message original) throws JMSException {
        if (original instanceof TextMessage text) {
            return context.createTextMessage(text.getText());
        }
        if (original instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage copy = context.createBytesMessage();
            copy.writeBytes(body);
            return copy;
        }
        // Other kinds cannot come from EventShop; keep their properties, note the lost body in the reason.
        return context.createTextMessage("<" + original.getClass().getSimpleName() + " body not copied>");
    }
}

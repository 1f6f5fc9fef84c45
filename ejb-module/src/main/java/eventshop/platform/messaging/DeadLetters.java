package eventshop.platform.messaging;

import eventshop.events.MessageHeaders;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Collections;

/**
 * Puts a message that cannot be processed into a service's dead-letter queue, with the reason and
 * where it came from, keeping its body and properties so an operator can read it and send it back.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String ORIGINAL_MESSAGE_ID = "originalMessageId";
    public static final String ORIGINAL_DESTINATION = "originalDestination";

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    public void reject(Message original, Destination deadLetterQueue, String subscription, String reason) {
        try (JMSContext context = connectionFactory.createContext()) {
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
            copy.setStringProperty(ORIGINAL_DESTINATION, String.valueOf(original.getJMSDestination()));
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(deadLetterQueue, copy);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
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

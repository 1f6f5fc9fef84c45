package eventshop.platform.messaging;

import eventshop.events.Envelope;
import eventshop.events.Event;
import eventshop.events.EventCodec;
import eventshop.events.MessageHeaders;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;

/**
 * Publishes envelopes through the XA connection factory, so a send joins the caller's JTA
 * transaction: the message is delivered only if the caller's database work commits too.
 *
 * <p>The simplified JMS API throws unchecked exceptions, which roll the transaction back; a checked
 * {@code JMSException} leaving an EJB would be an application exception and let it commit.
 */
@ApplicationScoped
public class EventPublisher {

    /** Artemis drops a second message with the same id on an address (duplicate detection). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** JMS message group: the broker hands every message of one group to one consumer, in order. */
    static final String GROUP_ID = "JMSXGroupID";

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    /** Wraps the event in a new envelope and sends it; returns the envelope sent. */
    public Envelope publish(Destination topic, Event event, String producer, String correlationId, String causationId) {
        Envelope envelope = EventCodec.envelope(event, correlationId, causationId, producer);
        send(topic, envelope, event.correlationKey());
        return envelope;
    }

    /**
     * Sends a command to a queue, e.g. a request to the payment gateway. The JMS correlation id lets
     * the reply be matched to the request.
     */
    public Envelope command(Destination queue, Event command, String producer, String correlationId,
                            String causationId, String jmsCorrelationId) {
        Envelope envelope = EventCodec.envelope(command, correlationId, causationId, producer);
        send(queue, envelope, command.correlationKey(), jmsCorrelationId);
        return envelope;
    }

    public void send(Destination destination, Envelope envelope, String groupId) {
        send(destination, envelope, groupId, null);
    }

    private void send(Destination destination, Envelope envelope, String groupId, String jmsCorrelationId) {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(EventCodec.toJson(envelope));
            message.setStringProperty(MessageHeaders.TYPE, envelope.type());
            message.setIntProperty(MessageHeaders.VERSION, envelope.version());
            message.setStringProperty(MessageHeaders.PRODUCER, envelope.producer());
            if (envelope.correlationId() != null) {
                message.setStringProperty(MessageHeaders.CORRELATION_ID, envelope.correlationId());
            }
            message.setStringProperty(DUPLICATE_ID, envelope.eventId().toString());
            if (groupId != null) {
                message.setStringProperty(GROUP_ID, groupId);
            }
            if (jmsCorrelationId != null) {
                message.setJMSCorrelationID(jmsCorrelationId);
            }
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(destination, message);
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}

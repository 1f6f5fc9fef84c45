package eventshop.platform.messaging;

import eventshop.events.Envelope;
import eventshop.events.Event;
import eventshop.events.EventCodec;
import eventshop.events.MessageHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes envelopes through the producer's own XA connection factory ({@link BrokerLogins}: each
 * service sends as its own broker user), so a send joins the caller's JTA transaction: the message is
 * delivered only if the caller's database work commits too. Every event
 * published is journaled by its producer in that same transaction ({@link EventJournal}), so that an
 * operator can send it again to one subscription ({@link #replay}).
 *
 * <p>The simplified JMS API throws unchecked exceptions, which roll the transaction back; a checked
 * {@code JMSException} leaving an EJB would be an application exception and let it commit.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = MessageLog.logger(EventPublisher.class);

    /** Artemis drops a second message with the same id on an address (duplicate detection). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** JMS message group: the broker hands every message of one group to one consumer, in order. */
    static final String GROUP_ID = "JMSXGroupID";
    /**
     * Marks a replayed copy with the subscription it was sent to. Every subscription's selector accepts
     * {@code replayedTo = '<its name>'} besides its producers' topics: a copy sent to the subscription's
     * address directly was not diverted from a topic, so it has no _AMQ_ORIG_ADDRESS for the selector.
     */
    public static final String REPLAYED_TO = "replayedTo";

    @Inject
    BrokerLogins logins;

    @Inject
    EventJournal journal;

    @Inject
    Outbox outbox;

    /** Wraps the event in a new envelope, journals and sends it; returns the envelope sent. */
    public Envelope publish(Destination topic, Event event, String producer, String correlationId, String causationId) {
        Envelope envelope = EventCodec.envelope(event, correlationId, causationId, producer);
        String body = EventCodec.toJson(envelope);
        journal.record(envelope, addressOf(topic), event.correlationKey(), body);
        send(topic, envelope, body, event.correlationKey(), null);
        logSent("publishes", topic, envelope);
        return envelope;
    }

    /**
     * Wraps the event in a new envelope and journals it with a row in the producer's {@link Outbox}, in the
     * caller's transaction, which so needs no broker; {@link OutboxRelay} sends it after the commit. Same
     * atomicity as {@link #publish} (sent if and only if the transaction commits) and the same message: group,
     * duplicate id, properties and sender.
     *
     * @return the envelope that will be sent
     */
    public Envelope publishAfterCommit(Destination topic, Event event, String producer, String correlationId,
                                       String causationId) {
        Envelope envelope = EventCodec.envelope(event, correlationId, causationId, producer);
        journal.record(envelope, addressOf(topic), event.correlationKey(), EventCodec.toJson(envelope));
        outbox.add(producer, envelope.eventId());
        logSent("journals for its outbox", topic, envelope);
        return envelope;
    }

    /**
     * Sends a journaled event from the outbox as its producer (its own broker user, whose permissions allow only
     * its own topic), to the address it was journaled for, in the caller's transaction: the message as
     * {@link #publish} would have sent it, its event id the duplicate id.
     */
    void sendJournaled(JournaledEvent event) {
        try (JMSContext context = logins.of(event.producer()).createContext()) {
            send(context, context.createTopic(event.destination()), event.body(), event.type(), event.version(),
                    event.producer(), event.correlationId(), event.groupId(), event.eventId().toString(), null);
        }
        LOG.log(Level.INFO, "{0} sends from its outbox {1} {2} of {3} (journal position {4})", new Object[] {
                event.producer(), event.type(), event.eventId(), event.correlationId(), String.valueOf(event.position())});
    }

    /**
     * Sends a command to a queue, e.g. a request to the payment gateway. The JMS correlation id lets
     * the reply be matched to the request. Commands are not journaled: they are one service's work
     * items, not events a subscription could have missed.
     */
    public Envelope command(Destination queue, Event command, String producer, String correlationId,
                            String causationId, String jmsCorrelationId) {
        Envelope envelope = EventCodec.envelope(command, correlationId, causationId, producer);
        send(queue, envelope, EventCodec.toJson(envelope), command.correlationKey(), jmsCorrelationId);
        logSent("sends", queue, envelope);
        return envelope;
    }

    /**
     * Sends journaled events again, in this order, to ONE subscription, in the caller's transaction, as the operator
     * API ({@link BrokerLogins#operatorContext}). The subscription's own address {@code eventshop.<subscription>.subscription}
     * holds that one queue only, where each copy arrives as the original did: same body (so the same eventId,
     * which the subscriber's processed-message record recognises: a repeated replay has no second effect), same properties and
     * message group. It carries no duplicate-detection id: the broker would drop a second replay of it.
     */
    public void replay(List<JournaledEvent> events, String subscription) {
        try (JMSContext context = logins.operatorContext()) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            Topic address = context.createTopic(subscriptionAddress(subscription));
            for (JournaledEvent event : events) {
                TextMessage message = message(context, event.body(), event.type(), event.version(), event.producer(),
                        event.correlationId(), event.groupId());
                message.setStringProperty(REPLAYED_TO, subscription);
                producer.send(address, message);
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Where a service's subscription queue lives: the topics it listens to are diverted there (jms-config/broker.xml). */
    public static String subscriptionAddress(String subscription) {
        return "eventshop." + subscription + ".subscription";
    }

    private void send(Destination destination, Envelope envelope, String body, String groupId, String jmsCorrelationId) {
        try (JMSContext context = logins.of(envelope.producer()).createContext()) {
            send(context, destination, body, envelope.type(), envelope.version(), envelope.producer(),
                    envelope.correlationId(), groupId, envelope.eventId().toString(), jmsCorrelationId);
        }
    }

    private static void send(JMSContext context, Destination destination, String body, String type, int version,
                             String producer, String correlationId, String groupId, String duplicateId,
                             String jmsCorrelationId) {
        try {
            TextMessage message = message(context, body, type, version, producer, correlationId, groupId);
            message.setStringProperty(DUPLICATE_ID, duplicateId);
            if (jmsCorrelationId != null) {
                message.setJMSCorrelationID(jmsCorrelationId);
            }
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(destination, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * One line per message sent, in the format of the lines about messages received ({@link MessageContext}):
     * the producer as service, and the new message's ids (its causation id is the message being handled).
     */
    private static void logSent(String verb, Destination destination, Envelope envelope) {
        LOG.log(Level.INFO, "{0} {1} {2}", new Object[] {envelope.producer(), verb,
                MessageContext.of(envelope.producer(), addressOf(destination), envelope)});
    }

    private static TextMessage message(JMSContext context, String body, String type, int version, String producer,
                                       String correlationId, String groupId) throws JMSException {
        TextMessage message = context.createTextMessage(body);
        message.setStringProperty(MessageHeaders.TYPE, type);
        message.setIntProperty(MessageHeaders.VERSION, version);
        message.setStringProperty(MessageHeaders.PRODUCER, producer);
        if (correlationId != null) {
            message.setStringProperty(MessageHeaders.CORRELATION_ID, correlationId);
        }
        if (groupId != null) {
            message.setStringProperty(GROUP_ID, groupId);
        }
        return message;
    }

    private static String addressOf(Destination destination) {
        try {
            return destination instanceof Topic topic ? topic.getTopicName() : ((Queue) destination).getQueueName();
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}

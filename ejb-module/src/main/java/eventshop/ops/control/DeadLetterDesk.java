package eventshop.ops.control;

import eventshop.platform.management.BrokerManagement;
import eventshop.events.CardNumbers;
import eventshop.events.MessageHeaders;
import eventshop.ops.entity.AuditEntry;
import eventshop.platform.messaging.DeadLetters;
import eventshop.platform.messaging.EventPublisher;
import eventshop.platform.messaging.BrokerLogins;
import eventshop.platform.messaging.MessagingTopology;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator's work on one service's dead-letter queue (eventshop.&lt;service&gt;.dlq): browse it, send a
 * dead letter back to the subscription (or queue) that failed it, or discard it.
 *
 * <p>Moving messages is message work, not management: it goes through the operator API's own XA connection
 * factory ({@link BrokerLogins#OPS}: the broker user that may take dead letters and send them back), so that taking the dead letter off its queue, sending its copy and writing the audit entry
 * are one transaction: a retry is never lost nor doubled, a discard never unaudited. (The counters of the
 * overview come from the broker's management API instead, see {@link BrokerManagement}.)
 *
 * <p>A retry goes to the failed subscription ONLY, as a replay does: to the subscription's own address
 * {@code eventshop.<subscription>.subscription}, marked {@code replayedTo = '<subscription>'}, which the
 * subscription's selector accepts; the other services never see it again. A dead letter of a queue
 * (gateway replies, the notification outbox) goes back to that queue.
 */
@Stateless
public class DeadLetterDesk {

    /** Longest wait for a dead letter known by id; it is either there at once or not there. */
    private static final long RECEIVE_MILLIS = 2000;
    /** A retry-all moves at most this many in one transaction; repeat it for more. */
    public static final int MAX_RETRY_ALL = 500;

    private static final Logger LOG = Logger.getLogger(DeadLetterDesk.class.getName());
    /** The broker's dead-letter address, whose diverts hand each dead letter to its service's queue. */
    private static final String UNROUTED = "eventshop.dlq";
    /** Diverts are named dead-letters-of-<service> (jms-config/generated/diverts.xml). */
    private static final String DIVERT_PREFIX = "dead-letters-of-";
    private static final Pattern ADDRESS = Pattern.compile("eventshop\\.[a-z_]+\\.[a-z_-]+");

    @Inject
    BrokerLogins logins;

    @PersistenceContext(unitName = "ops")
    EntityManager em;

    /** A dead letter as the operator reads it. id: its JMS message id without the "ID:" prefix. */
    public record DeadLetter(String id, String reason, String originSubscription, String originalDestination,
                             String type, String correlationId, String body, int deliveryCount, Instant sentAt) {
    }

    public List<DeadLetter> browse(String service) {
        String queue = queueOf(service);
        try (JMSContext context = logins.operatorContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(queue))) {
            List<DeadLetter> letters = new ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                letters.add(read((Message) message));
            }
            return letters;
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    public DeadLetter retry(String service, String id, String operator) {
        try (JMSContext context = logins.operatorContext()) {
            return sendBack(context, service, take(context, service, id), operator);
        }
    }

    public List<DeadLetter> retryAll(String service, String operator) {
        List<DeadLetter> retried = new ArrayList<>();
        try (JMSContext context = logins.operatorContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue(queueOf(service)))) {
            Message message;
            while (retried.size() < MAX_RETRY_ALL && (message = consumer.receive(RECEIVE_MILLIS / 2)) != null) {
                retried.add(sendBack(context, service, message, operator));
            }
        }
        return retried;
    }

    public DeadLetter discard(String service, String id, String operator) {
        try (JMSContext context = logins.operatorContext()) {
            DeadLetter letter = read(take(context, service, id));
            em.persist(new AuditEntry(operator, "DISCARD", service, letter.id(), letter.reason(), letter.type(),
                    letter.correlationId()));
            LOG.log(Level.INFO, "{0} discarded dead letter {1} of {2} ({3}): {4} correlationId={5}",
                    new Object[] {operator, letter.id(), service, letter.type(), letter.reason(), letter.correlationId()});
            return letter;
        }
    }

    public List<AuditEntry> audit(int limit) {
        return em.createQuery("select a from AuditEntry a order by a.occurredAt desc", AuditEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Consumes the dead letter, in the caller's transaction: it is gone only if the transaction commits. */
    private static Message take(JMSContext context, String service, String id) {
        try (JMSConsumer consumer = context.createConsumer(context.createQueue(queueOf(service)), selectorOf(id))) {
            Message message = consumer.receive(RECEIVE_MILLIS);
            if (message == null) {
                throw new UnknownDeadLetter("No dead letter " + id + " waits for " + service + ".");
            }
            return message;
        }
    }

    private DeadLetter sendBack(JMSContext context, String service, Message message, String operator) {
        DeadLetter letter = read(message);
        String origin = letter.originSubscription();
        if (origin == null || letter.originalDestination() == null) {
            throw new UnknownDeadLetter("Dead letter " + letter.id() + " does not say where it came from; "
                    + "it can only be discarded.");
        }
        boolean subscription = ReplayTargets.services().contains(origin);
        try {
            Message copy = copyOf(context, message);
            Destination target;
            if (subscription) {
                copy.setStringProperty(EventPublisher.REPLAYED_TO, origin);
                target = context.createTopic(EventPublisher.subscriptionAddress(origin));
            } else {
                target = context.createQueue(origin);
            }
            context.createProducer().send(target, copy);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        em.persist(new AuditEntry(operator, "RETRY", service, letter.id(), letter.reason(), letter.type(),
                letter.correlationId()));
        LOG.log(Level.INFO, "{0} sent dead letter {1} of {2} ({3}) back to {4} correlationId={5}",
                new Object[] {operator, letter.id(), service, letter.type(), origin, letter.correlationId()});
        return letter;
    }

    /** The body and the producer's properties; the notes of the failed delivery stay behind. */
    private static Message copyOf(JMSContext context, Message message) throws JMSException {
        Message copy = context.createTextMessage(text(message));
        for (Object name : Collections.list(message.getPropertyNames())) {
            String property = (String) name;
            boolean producers = (!property.startsWith("_AMQ") && !property.startsWith("JMSX")
                    || property.equals("JMSXGroupID"))
                    && !property.equals(MessageHeaders.DEAD_LETTER_REASON)
                    && !property.equals(MessageHeaders.DEAD_LETTER_ORIGIN)
                    && !property.equals(DeadLetters.ORIGINAL_MESSAGE_ID)
                    && !property.equals(DeadLetters.ORIGINAL_DESTINATION)
                    && !property.equals(EventPublisher.REPLAYED_TO);
            if (producers) {
                copy.setObjectProperty(property, message.getObjectProperty(property));
            }
        }
        return copy;
    }

    private static DeadLetter read(Message message) {
        try {
            String reason = message.getStringProperty(MessageHeaders.DEAD_LETTER_REASON);
            String origin = message.getStringProperty(MessageHeaders.DEAD_LETTER_ORIGIN);
            String destination = addressIn(message.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
            if (origin == null) {
                // Dead-lettered by the broker after its delivery attempts, then moved by a divert of
                // jms-config/broker.xml, which wrote its own name over the failed queue's (_AMQ_ORIG_QUEUE)
                // and eventshop.dlq over the original address: the service is in the divert's name, the
                // queue in the message's type, the topic in its producer.
                origin = originBehind(message.getStringProperty("_AMQ_ORIG_QUEUE"), message);
                reason = "the handler failed on every delivery attempt (" + deliveriesBefore(message)
                        + "); the cause is in the server log";
            }
            if (destination == null) {
                destination = addressIn(message.getStringProperty("_AMQ_ORIG_ADDRESS"));
            }
            if (destination == null || destination.equals(UNROUTED)) {
                destination = destinationBehind(origin, message);
            }
            String id = message.getJMSMessageID();
            // An old message (an OrderPlaced before version 3, an AuthorizePayment version 1) may still hold a card
            // number: the operator sees, the audit keeps and the log writes only its last four. A retry sends the
            // message itself, so that payments can still exchange the number for a token.
            return new DeadLetter(id == null ? null : id.replaceFirst("^ID:", ""), CardNumbers.mask(reason), origin,
                    destination, message.getStringProperty(MessageHeaders.TYPE),
                    message.getStringProperty(MessageHeaders.CORRELATION_ID),
                    CardNumbers.mask(text(message)), message.getIntProperty("JMSXDeliveryCount"),
                    message.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(message.getJMSTimestamp()));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static String originBehind(String queue, Message message) throws JMSException {
        if (queue == null || !queue.startsWith(DIVERT_PREFIX)) {
            return queue;
        }
        String type = message.getStringProperty(MessageHeaders.TYPE);
        // A command consumed from a queue rather than a subscription names its queue (topology/topology.yaml).
        return MessagingTopology.get().queueCarrying(type == null ? "" : type)
                .orElse(queue.substring(DIVERT_PREFIX.length()));
    }

    private static String destinationBehind(String origin, Message message) throws JMSException {
        if (origin == null) {
            return null;
        }
        if (!ReplayTargets.services().contains(origin)) {
            return origin;  // a queue: its address has its name
        }
        String producer = message.getStringProperty(MessageHeaders.PRODUCER);
        return producer == null || !producer.matches("[a-z_]+") ? null : "eventshop." + producer + ".events";
    }

    private static String deliveriesBefore(Message message) throws JMSException {
        return message.propertyExists("_AMQ_ORIG_DELIVERY_COUNT") ? message.getObjectProperty("_AMQ_ORIG_DELIVERY_COUNT") + " attempts"
                : "max-delivery-attempts in jms-config/broker.xml";
    }

    /** The address in a destination's text form (e.g. ActiveMQTopic[eventshop.orders.events]). */
    private static String addressIn(String destination) {
        if (destination == null) {
            return null;
        }
        Matcher address = ADDRESS.matcher(destination);
        return address.find() ? address.group() : null;
    }

    private static String text(Message message) throws JMSException {
        return message instanceof TextMessage text ? text.getText() : "<" + message.getClass().getSimpleName() + ">";
    }

    private static String queueOf(String service) {
        if (!ReplayTargets.services().contains(service)) {
            throw new UnknownDeadLetter("There is no service '" + service + "'; dead letters are kept for "
                    + ReplayTargets.services() + ".");
        }
        return "eventshop." + service + ".dlq";
    }

    /** Message ids are generated UUIDs: anything else cannot name a dead letter (and cannot inject a selector). */
    private static String selectorOf(String id) {
        if (!id.matches("[0-9a-fA-F-]{1,64}")) {
            throw new UnknownDeadLetter("No dead letter " + id + ".");
        }
        return "JMSMessageID = 'ID:" + id + "'";
    }
}

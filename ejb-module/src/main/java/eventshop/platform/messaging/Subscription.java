package eventshop.platform.messaging;

import eventshop.events.CardNumbers;
import eventshop.events.Contracts;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.MalformedMessageException;
import eventshop.platform.metrics.MessagingMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One service's subscription: turns a JMS message into an envelope and hands it to the handler for
 * its type, inside the MDB's XA transaction.
 *
 * <p>A message that can never succeed (not an envelope, an unknown type or version, a missing field)
 * is copied to the service's dead-letter queue with the reason and consumed, in the same transaction:
 * retrying it would only loop. Any other failure propagates, the transaction rolls back and the broker
 * redelivers with back-off, then dead-letters after the attempts set in jms-config/broker.xml. A handler
 * whose work failed for good as a business outcome throws {@link AwaitsOperator}: its work commits and the
 * message waits in the dead-letter queue, unprocessed, for an operator's retry. An event that contradicts
 * the state it applies to ({@link ContradictsState}, thrown before the handler changed anything) goes there
 * too, with no effect.
 *
 * <p>The processed-message record keeps the message's JMS group (JMSXGroupID, the order id) and which
 * delivery succeeded (JMSXDeliveryCount): what the consumer really received and how often the message had
 * to be retried. A test-only {@link FaultInjection} may fail the transaction after all of that, just
 * before it commits, or halt the server in its commit phase.
 */
public final class Subscription {

    private static final Logger LOG = MessageLog.logger(Subscription.class);

    private final String name;
    private final String service;
    private final MessagingMetrics metrics;
    private final Destination deadLetterQueue;
    private final DeadLetters deadLetters;
    private final ProcessedMessages processed;
    private final Map<String, Handler<?>> handlers;
    private final FaultInjection faults = FaultInjection.configured();

    /**
     * @param name the subscription (or queue) name, also written on dead letters as their origin
     * @param processed the service's processed-message record, for idempotency
     */
    public Subscription(String name, Destination deadLetterQueue, DeadLetters deadLetters,
                        ProcessedMessages processed, List<Handler<?>> handlers) {
        this.name = name;
        this.service = MessagingMetrics.serviceOf(name);
        // Looked up rather than passed in: every listener builds its Subscription, and the metrics are the
        // platform's business, not the listener's.
        this.metrics = CDI.current().select(MessagingMetrics.class).get();
        this.deadLetterQueue = deadLetterQueue;
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.handlers = handlers.stream().collect(Collectors.toMap(Handler::typeName, Function.identity()));
    }

    public void deliver(Message message) {
        MessagingMetrics.Delivery delivery = metrics.start(name);
        MessageContext.enter(MessageContext.unread(service, name));
        boolean succeeded = false;
        try {
            delivery.outcome(handle(message));
            succeeded = true;
        } finally {
            delivery.finished(succeeded);
            MessageContext.leave();
        }
    }

    private MessagingMetrics.Outcome handle(Message message) {
        faults.beforeHandling(name, message, deliveryCount(message));
        try {
            Envelope envelope = EventCodec.parse(textOf(message));
            MessageContext.enter(MessageContext.of(service, name, envelope));
            Handler<?> handler = handlers.get(envelope.type());
            if (handler == null) {
                skipOrReject(envelope);
                return MessagingMetrics.Outcome.CONSUMED;
            }
            if (processed.alreadyProcessed(envelope.eventId())) {
                LOG.log(Level.INFO, "{0} skips {1}: already processed", new Object[] {name, envelope.type()});
                return MessagingMetrics.Outcome.CONSUMED;
            }
            // INFO: one line per message and service, the trail an order's id finds in server.log.
            LOG.log(Level.INFO, "{0} handles {1}", new Object[] {name, envelope.type()});
            handler.handle(envelope);
            int deliveryCount = deliveryCount(message);
            processed.record(envelope.eventId(), envelope.type(), groupOf(message), deliveryCount);
            faults.afterHandling(name, message, deliveryCount);
            return MessagingMetrics.Outcome.CONSUMED;
        } catch (MalformedMessageException | AwaitsOperator | ContradictsState e) {
            // A reason may quote a value of the payload: an old message's card number shows as its last four only.
            String reason = CardNumbers.mask(e.getMessage());
            LOG.log(Level.WARNING, "{0} dead-letters message {1}: {2}", new Object[] {name, messageId(message), reason});
            deadLetters.reject(message, deadLetterQueue, name, reason);
            return MessagingMetrics.Outcome.DEAD_LETTERED;
        } catch (RuntimeException e) {
            // Not swallowed: logged with the message's ids (the container's own line has none), then rethrown
            // so that the transaction rolls back and the broker redelivers.
            LOG.log(Level.WARNING, "{0} fails message {1}, rolled back for redelivery: {2}",
                    new Object[] {name, messageId(message), CardNumbers.mask(String.valueOf(e))});
            throw e;
        }
    }

    private void skipOrReject(Envelope envelope) {
        if (!Contracts.isKnown(envelope.type())) {
            throw new MalformedMessageException("unknown message type '" + envelope.type() + "'");
        }
        // A known event this service has no interest in: consuming it is the right outcome.
        LOG.log(Level.FINE, "{0} ignores {1}", new Object[] {name, envelope.type()});
    }

    private static String textOf(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new MalformedMessageException("expected a text message carrying a JSON envelope, got "
                    + message.getClass().getSimpleName());
        }
        try {
            return text.getText();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read message body", e);
        }
    }

    private static String groupOf(Message message) {
        try {
            return message.getStringProperty(EventPublisher.GROUP_ID);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the message's group", e);
        }
    }

    /** 1 for the first delivery; the broker counts each redelivery after a rollback. */
    private static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the delivery count of a message", e);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }
}

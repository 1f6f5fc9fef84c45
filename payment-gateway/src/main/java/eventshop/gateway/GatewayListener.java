package eventshop.gateway;

import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.MalformedMessageException;
import eventshop.events.MessageHeaders;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers each request on the reply queue, in the request's local transaction: the request is
 * consumed only when its reply is sent, and a failure rolls both back for the broker to redeliver.
 *
 * <p>A malformed request is logged and consumed, without reply and without a dead letter: an
 * external gateway does not write to its client's dead-letter queues, and redelivering it could
 * never succeed. The caller notices by its own timeout, as it does for the silent card.
 */
final class GatewayListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(GatewayListener.class.getName());

    private final Session session;
    private final MessageProducer replies;
    private final RequestHandler handler;
    private final long latencyMillis;

    /** @param session transacted, and used by this listener's delivery thread only */
    GatewayListener(Session session, MessageProducer replies, RequestHandler handler, long latencyMillis) {
        this.session = session;
        this.replies = replies;
        this.handler = handler;
        this.latencyMillis = Math.max(0, latencyMillis);
    }

    @Override
    public void onMessage(Message request) {
        try {
            Envelope envelope = EventCodec.parse(textOf(request));
            Optional<Envelope> reply = handler.answer(envelope);
            if (reply.isPresent()) {
                Thread.sleep(latencyMillis);
                replies.send(replyMessage(reply.get(), correlationIdOf(request)));
            } else {
                LOG.info(() -> "Not answering " + envelope.type() + " " + envelope.eventId() + " (silent test card)");
            }
            session.commit();
        } catch (MalformedMessageException e) {
            LOG.warning(() -> "Consumed a malformed request " + idOf(request) + " without answering: " + e.getMessage());
            commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rollback(request, e);
        } catch (JMSException | RuntimeException e) {
            rollback(request, e);
        }
    }

    private static String textOf(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        throw new MalformedMessageException("not a TextMessage but a " + message.getClass().getSimpleName());
    }

    private TextMessage replyMessage(Envelope reply, String jmsCorrelationId) throws JMSException {
        TextMessage message = session.createTextMessage(EventCodec.toJson(reply));
        message.setJMSCorrelationID(jmsCorrelationId);
        message.setStringProperty(MessageHeaders.TYPE, reply.type());
        message.setIntProperty(MessageHeaders.VERSION, reply.version());
        message.setStringProperty(MessageHeaders.CORRELATION_ID, reply.correlationId());
        message.setStringProperty(MessageHeaders.PRODUCER, reply.producer());
        return message;
    }

    /** The requester matches replies by the correlation id it chose, or else by its message id. */
    private static String correlationIdOf(Message request) throws JMSException {
        String correlationId = request.getJMSCorrelationID();
        return correlationId != null ? correlationId : request.getJMSMessageID();
    }

    private static String idOf(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no message id)";
        }
    }

    private void commit() {
        try {
            session.commit();
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "Could not consume a malformed request; the broker will redeliver it", e);
        }
    }

    private void rollback(Message request, Exception cause) {
        LOG.log(Level.WARNING, "Failed to answer request " + idOf(request) + "; rolled back for redelivery", cause);
        try {
            session.rollback();
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "Rollback failed; the broker redelivers the request when the session closes", e);
        }
    }
}

package eventshop.platform.messaging;

import eventshop.events.Envelope;

/**
 * The message a thread is handling, like a logging MDC: {@link Subscription} sets it around each delivery,
 * and {@link MessageLog} appends it to every log line written meanwhile, so that one search for an order
 * id (the correlation id) finds what every service did with that order's messages.
 */
public record MessageContext(String service, String queue, String eventId, String type, String correlationId,
                             String causationId) {

    private static final ThreadLocal<MessageContext> CURRENT = new ThreadLocal<>();

    static MessageContext of(String service, String queue, Envelope envelope) {
        return new MessageContext(service, queue, String.valueOf(envelope.eventId()), envelope.type(),
                envelope.correlationId(), envelope.causationId() == null ? null : String.valueOf(envelope.causationId()));
    }

    /** Before the envelope could be read: only where the message was. */
    static MessageContext unread(String service, String queue) {
        return new MessageContext(service, queue, null, null, null, null);
    }

    static void enter(MessageContext context) {
        CURRENT.set(context);
    }

    static void leave() {
        CURRENT.remove();
    }

    /** The message this thread is handling, or null outside a delivery. */
    public static MessageContext current() {
        return CURRENT.get();
    }

    /** The one format every line about a message ends with: grep for any of these values. */
    @Override
    public String toString() {
        return "[service=" + service + " queue=" + queue + " eventId=" + eventId + " type=" + type
                + " correlationId=" + correlationId + " causationId=" + causationId + "]";
    }
}

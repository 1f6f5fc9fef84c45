package eventshop.events;

/**
 * Names of the JMS properties that repeat envelope fields, so that selectors and the admin consoles
 * can use them without parsing the body.
 */
public final class MessageHeaders {

    public static final String TYPE = "type";
    public static final String VERSION = "version";
    public static final String CORRELATION_ID = "correlationId";
    public static final String PRODUCER = "producer";
    /** Why a consumer dead-lettered a message; set on the copy it puts in its dead-letter queue. */
    public static final String DEAD_LETTER_REASON = "deadLetterReason";
    /** Which subscription the dead-lettered message came from. */
    public static final String DEAD_LETTER_ORIGIN = "deadLetterOrigin";

    private MessageHeaders() {
    }
}

package eventshop.platform.messaging;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Loggers whose lines carry the message being handled ({@link MessageContext}): declare a class's logger
 * with {@code MessageLog.logger(X.class)} instead of {@code Logger.getLogger(...)}. A JUL filter is the
 * one hook java.util.logging offers before the record is formatted; it leaves lines written outside a
 * delivery (timers, REST calls) as they are.
 */
public final class MessageLog {

    private static final String MARK = "[service=";

    private static final Filter APPEND_MESSAGE_CONTEXT = record -> {
        MessageContext context = MessageContext.current();
        if (context != null && record.getMessage() != null && !record.getMessage().contains(MARK)) {
            record.setMessage(record.getMessage() + " " + context);
        }
        return true;
    };

    private MessageLog() {
    }

    public static Logger logger(Class<?> owner) {
        Logger logger = Logger.getLogger(owner.getName());
        logger.setFilter(APPEND_MESSAGE_CONTEXT);
        return logger;
    }
}

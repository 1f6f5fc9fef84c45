package eventshop.api;

import jakarta.ejb.EJBException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request that needs the broker while it cannot be reached: 503 with Retry-After, as problem+json, never a 500.
 * The public API's writes do not need it (their events wait in their producer's outbox); what does is the broker's
 * own work, done by the operator API: browsing, retrying and discarding dead letters, replays. Their EJB's
 * transaction rolled back, so nothing changed and the retry is safe. Any other failure of an EJB is
 * {@link UnexpectedProblems}' 500.
 */
@Provider
public class BrokerUnavailableProblems implements ExceptionMapper<EJBException> {

    /** Seconds: a broker restart takes tens of seconds, the listeners reconnect every second after it. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(BrokerUnavailableProblems.class.getName());

    private final UnexpectedProblems unexpected = new UnexpectedProblems();

    @Override
    public Response toResponse(EJBException exception) {
        Throwable broker = brokerFailure(exception);
        if (broker == null) {
            return unexpected.toResponse(exception);
        }
        LOG.log(Level.WARNING, "A request needed the broker, which cannot be reached: {0}", broker.getMessage());
        return Problem.unavailable("The message broker cannot be reached now (down or restarting), and this request "
                + "needs it. Nothing was changed; retry in " + RETRY_AFTER_SECONDS + " s.", RETRY_AFTER_SECONDS);
    }

    /** The JMS failure that made the EJB fail, or null when it failed for another reason. */
    private static Throwable brokerFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JMSRuntimeException || cause instanceof JMSException) {
                return cause;
            }
        }
        return null;
    }
}

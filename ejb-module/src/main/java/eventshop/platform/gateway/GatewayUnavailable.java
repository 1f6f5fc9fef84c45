package eventshop.platform.gateway;

import jakarta.ejb.ApplicationException;

/**
 * The card gateway did not answer in time (down, unreachable, or too slow): nothing may be stored, since the
 * order could not be paid for. The API answers 503 with Retry-After; a listener's transaction rolls back and
 * the broker redelivers the message later.
 */
@ApplicationException(rollback = true)
public class GatewayUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GatewayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

package eventshop.api;

import eventshop.platform.gateway.GatewayUnavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * The card gateway did not answer: 503 with Retry-After, as problem+json. Nothing was stored (the placement's
 * transaction rolled back), so the client's retry, with the same Idempotency-Key, is safe.
 */
@Provider
public class GatewayUnavailableProblems implements ExceptionMapper<GatewayUnavailable> {

    /** Seconds: the gateway's timeout is 3 s, a restart of it a few more. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(GatewayUnavailableProblems.class.getName());

    @Override
    public Response toResponse(GatewayUnavailable unavailable) {
        LOG.warning(unavailable::getMessage); // the address and what failed; never a card number
        return Problem.unavailable("The card gateway did not answer in time, so the order could not be paid for. Nothing "
                + "was stored; retry in " + RETRY_AFTER_SECONDS + " s (with the same Idempotency-Key, if any).",
                RETRY_AFTER_SECONDS);
    }
}

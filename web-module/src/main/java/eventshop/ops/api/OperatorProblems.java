package eventshop.ops.api;

import eventshop.api.BrokerUnavailableProblems;
import eventshop.api.Problem;
import eventshop.platform.management.BrokerUnreadable;
import eventshop.ops.control.UnknownDeadLetter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The operator API's own failures as problem+json. */
public final class OperatorProblems {

    private OperatorProblems() {
    }

    /** An unknown service or a dead letter that is not (any more) there: 404. */
    @Provider
    public static class UnknownDeadLetters implements ExceptionMapper<UnknownDeadLetter> {
        @Override
        public Response toResponse(UnknownDeadLetter unknown) {
            return Problem.of(Response.Status.NOT_FOUND, unknown.getMessage()).toResponse();
        }
    }

    /** The broker's management API cannot be read: 503 with Retry-After, the operator should look at the broker. */
    @Provider
    public static class BrokerUnreadables implements ExceptionMapper<BrokerUnreadable> {
        @Override
        public Response toResponse(BrokerUnreadable unreadable) {
            return Problem.unavailable(unreadable.getMessage(), BrokerUnavailableProblems.RETRY_AFTER_SECONDS);
        }
    }
}

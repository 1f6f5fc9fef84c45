package eventshop.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not the JSON the endpoint expects (bad syntax, a string where a number goes): 400.
 * Jersey reports a body JSON-B cannot read as a ProcessingException.
 */
@Provider
public class UnreadableBodyProblems implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        // The runtime may wrap what the strict reader or the body limit threw: their own answer stands.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedBody refused) {
                return refused.problem().toResponse();
            }
        }
        return Problem.of(Response.Status.BAD_REQUEST,
                "The request body could not be read as the expected JSON: " + exception.getMessage()).toResponse();
    }
}

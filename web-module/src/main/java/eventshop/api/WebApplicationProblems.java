package eventshop.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, unreadable JSON, wrong method) in the same problem+json shape. */
@Provider
public class WebApplicationProblems implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.Status status = Response.Status.fromStatusCode(exception.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        String detail = status == Response.Status.BAD_REQUEST
                ? "The request body could not be read as the expected JSON."
                : exception.getMessage();
        return Problem.of(status, detail).toResponse();
    }
}

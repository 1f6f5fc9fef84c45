package eventshop.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused body: its own problem (400 naming each field, 413). */
@Provider
public class RefusedBodyProblems implements ExceptionMapper<RefusedBody> {

    @Override
    public Response toResponse(RefusedBody refused) {
        return refused.problem().toResponse();
    }
}

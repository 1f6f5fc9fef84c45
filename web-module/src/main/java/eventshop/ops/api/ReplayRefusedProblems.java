package eventshop.ops.api;

import eventshop.api.Problem;
import eventshop.ops.control.ReplayRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A well-formed replay request that names no subscription (or producer) it can be done to: 422. */
@Provider
public class ReplayRefusedProblems implements ExceptionMapper<ReplayRefused> {

    @Override
    public Response toResponse(ReplayRefused refused) {
        List<Problem.FieldError> fields = refused.field() == null
                ? List.of()
                : List.of(new Problem.FieldError(refused.field(), refused.getMessage()));
        return Problem.unprocessable(refused.getMessage(), fields).toResponse();
    }
}

package eventshop.api;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A body that is not the JSON the endpoint expects (not JSON at all, or a value of the wrong type): 400
 * problem+json naming each such field and the type it must have. Thrown by {@link StrictJson}.
 */
public class UnreadableBody extends RefusedBody {

    private final List<Problem.FieldError> errors;

    public UnreadableBody(List<Problem.FieldError> errors) {
        super("The request body does not have the expected JSON types: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    @Override
    public Problem problem() {
        return Problem.invalid(Response.Status.BAD_REQUEST,
                "The request body is not the JSON this endpoint expects: each field below says what it must be.", errors);
    }
}

package eventshop.orders.api;

import eventshop.api.Problem;
import eventshop.orders.control.OrderRejected;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** What the orders service refuses, as problem+json: 400, 404, 409 or 422 by the reason. */
@Provider
public class OrderRejectedProblems implements ExceptionMapper<OrderRejected> {

    @Override
    public Response toResponse(OrderRejected rejected) {
        var fields = rejected.fields().stream()
                .map(field -> new Problem.FieldError(field.name(), field.message()))
                .toList();
        return switch (rejected.reason()) {
            case INVALID_REQUEST -> Problem.invalid(Response.Status.BAD_REQUEST, rejected.getMessage(), fields).toResponse();
            case UNKNOWN_ORDER -> Problem.invalid(Response.Status.NOT_FOUND, rejected.getMessage(), fields).toResponse();
            case WRONG_STATUS, IDEMPOTENCY_KEY_IN_USE, CHANGED_MEANWHILE ->
                    Problem.invalid(Response.Status.CONFLICT, rejected.getMessage(), fields).toResponse();
            case UNKNOWN_SKU, IDEMPOTENCY_KEY_REUSED, PAYMENT_REFUSED -> Problem.unprocessable(rejected.getMessage(), fields).toResponse();
        };
    }
}

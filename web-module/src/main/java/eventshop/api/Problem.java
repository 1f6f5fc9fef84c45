package eventshop.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail: what every error of the API answers with, as application/problem+json.
 *
 * @param errors for invalid input: each field and what is wrong with it
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    public static Problem invalid(Response.Status status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
    }

    /** 422: well-formed, but not something the shop can act on (Response.Status has no 422). */
    public static Problem unprocessable(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Unprocessable Content", 422, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }

    /** 503 with Retry-After: a part the request needs does not answer now; nothing was changed, a retry is safe. */
    public static Response unavailable(String detail, int retryAfterSeconds) {
        return Response.fromResponse(of(Response.Status.SERVICE_UNAVAILABLE, detail).toResponse())
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }
}

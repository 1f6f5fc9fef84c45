package eventshop.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on a request: 400, naming each field and what is wrong with it. */
@Provider
public class ValidationProblems implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid(Response.Status.BAD_REQUEST, "The request is not valid.", errors).toResponse();
    }

    /**
     * The field as the client wrote it: for the path "place.request.items[0].quantity" of a resource
     * method, "items[0].quantity"; for a path or query parameter, its name.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> segments = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && !segments.isEmpty()) {
                int last = segments.size() - 1;
                String key = node.getIndex() != null ? String.valueOf(node.getIndex()) : String.valueOf(node.getKey());
                segments.set(last, segments.get(last) + "[" + key + "]");
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                segments.add(node.getName());
            }
        }
        if (!segments.isEmpty()) {
            return String.join(".", segments);
        }
        return parameter != null ? parameter : "request";
    }
}

package eventshop.ops.api;

import eventshop.api.Problem;
import eventshop.events.Contracts;
import eventshop.ops.control.Replay;
import eventshop.platform.messaging.JournalRange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations: replay journaled events to one service's subscription (role operator, see web.xml). */
@Path("ops/replay")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "What an operator does to the running system")
public class ReplayResource {

    @Inject
    Replay replay;

    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay journaled events to ONE service's subscription",
            description = "Reads the journals of the producers the service listens to (or of one of them), keeps the "
                    + "events within every bound given (journal positions, an occurredAt window, a type, one order), "
                    + "and sends copies of them, in the order they occurred, to that service's subscription only. "
                    + "The copies keep their event ids: what the service has already processed is skipped, so a "
                    + "replay is safe to repeat. A dry run lists the events and sends nothing.")
    @APIResponse(responseCode = "200", description = "The events sent, or with dryRun the events that would be",
            content = @Content(schema = @Schema(implementation = ReplayResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown service, a producer it does not listen to, or too many events",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replay(ReplayRequest request) {
        List<Problem.FieldError> invalid = new ArrayList<>();
        if (request == null) {
            invalid.add(new Problem.FieldError("body", "a JSON body is required"));
            return invalid(invalid);
        }
        for (ConstraintViolation<ReplayRequest> violation : validator.validate(request)) {
            invalid.add(new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        OffsetDateTime from = instant("from", request.from, invalid);
        OffsetDateTime to = instant("to", request.to, invalid);
        if (request.fromPosition != null && request.toPosition != null && request.toPosition < request.fromPosition) {
            invalid.add(new Problem.FieldError("toPosition", "must not be less than fromPosition"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            invalid.add(new Problem.FieldError("to", "must not be before from"));
        }
        if (request.type != null && !Contracts.isKnown(request.type)) {
            invalid.add(new Problem.FieldError("type", "is not an EventShop event type"));
        }
        if (!invalid.isEmpty()) {
            return invalid(invalid);
        }
        JournalRange range = new JournalRange(request.fromPosition, request.toPosition, from, to,
                request.type, request.orderId);
        boolean dryRun = request.dryRun;
        return Response.ok(ReplayResult.of(dryRun, replay.replay(request.service, request.producer, range, dryRun)))
                .build();
    }

    private static OffsetDateTime instant(String field, String value, List<Problem.FieldError> invalid) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            invalid.add(new Problem.FieldError(field, "must be an ISO-8601 instant, e.g. 2026-01-01T10:00:00Z"));
            return null;
        }
    }

    private static Response invalid(List<Problem.FieldError> invalid) {
        invalid.sort(Comparator.comparing(Problem.FieldError::field));
        return Problem.invalid(Response.Status.BAD_REQUEST, "The request is not valid.", invalid).toResponse();
    }
}

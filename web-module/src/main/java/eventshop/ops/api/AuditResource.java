package eventshop.ops.api;

import eventshop.ops.control.DeadLetterDesk;
import eventshop.ops.entity.AuditEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /api/ops/audit: what operators did to dead letters, newest first. */
@Path("ops/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "What an operator does to the running system")
public class AuditResource {

    private static final int LIMIT = 200;

    @Inject
    DeadLetterDesk desk;

    public record Entry(String id, Instant at, String operator, String action, String service, String messageId,
                        String reason, String type, String correlationId) {
    }

    @GET
    @Operation(summary = "Audit of operators' retries and discards", description = "The latest " + LIMIT + ", newest first.")
    @APIResponse(responseCode = "200", description = "The audit entries",
            content = @Content(schema = @Schema(implementation = Entry.class)))
    public List<Entry> audit() {
        return desk.audit(LIMIT).stream()
                .map(entry -> new Entry(entry.id(), entry.occurredAt().toInstant(), entry.operator(), entry.action(),
                        entry.service(), entry.messageId(), entry.reason(), entry.eventType(), entry.correlationId()))
                .toList();
    }
}

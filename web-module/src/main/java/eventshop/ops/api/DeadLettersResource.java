package eventshop.ops.api;

import eventshop.api.Problem;
import eventshop.ops.control.DeadLetterDesk;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * /api/ops/dead-letters/{service}: one service's dead letters, to read, send back to that service's
 * subscription only, or discard. Every retry and discard is audited with the operator's name.
 */
@Path("ops/dead-letters/{service}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "What an operator does to the running system")
public class DeadLettersResource {

    @Inject
    DeadLetterDesk desk;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Browse a service's dead letters",
            description = "Each with its message id, the reason, the subscription that failed it, the destination it "
                    + "was sent to, its type, correlation id, body, delivery count and time sent. Nothing is consumed.")
    @APIResponse(responseCode = "200", description = "The dead letters, oldest first",
            content = @Content(schema = @Schema(implementation = DeadLetterDesk.DeadLetter.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeadLetterDesk.DeadLetter> browse(@PathParam("service") String service) {
        return desk.browse(service);
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send one dead letter back to the subscription that failed it",
            description = "Only that service's subscription (or queue) receives it again; audited.")
    @APIResponse(responseCode = "200", description = "The dead letter sent back",
            content = @Content(schema = @Schema(implementation = DeadLetterDesk.DeadLetter.class)))
    @APIResponse(responseCode = "404", description = "No such service or dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterDesk.DeadLetter retry(@PathParam("service") String service, @PathParam("id") String id) {
        return desk.retry(service, id, operator());
    }

    @POST
    @Path("retry-all")
    @Operation(summary = "Send every dead letter of the service back to the subscription that failed it",
            description = "At most " + DeadLetterDesk.MAX_RETRY_ALL + " in one call, in one transaction; audited.")
    @APIResponse(responseCode = "200", description = "The dead letters sent back",
            content = @Content(schema = @Schema(implementation = DeadLetterDesk.DeadLetter.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeadLetterDesk.DeadLetter> retryAll(@PathParam("service") String service) {
        return desk.retryAll(service, operator());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Discard a dead letter", description = "Removes it for good and writes an audit entry.")
    @APIResponse(responseCode = "200", description = "The dead letter discarded",
            content = @Content(schema = @Schema(implementation = DeadLetterDesk.DeadLetter.class)))
    @APIResponse(responseCode = "404", description = "No such service or dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterDesk.DeadLetter discard(@PathParam("service") String service, @PathParam("id") String id) {
        return desk.discard(service, id, operator());
    }

    private String operator() {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }
}

package eventshop.ops.api;

import eventshop.api.Problem;
import eventshop.ops.control.MessagingOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /api/ops/messaging: the broker as the operator needs to see it (role operator, see web.xml). */
@Path("ops/messaging")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "What an operator does to the running system")
public class MessagingResource {

    @Inject
    MessagingOverview overview;

    @GET
    @Operation(summary = "Messaging overview",
            description = "Every EventShop topic (messages routed) and every queue on EventShop addresses: the five "
                    + "subscriptions, the command and work queues and the dead-letter queues, each with its depth "
                    + "(messages waiting), consumers, messages added since the broker started and messages being "
                    + "delivered; and the dead letters waiting per service. Read from the broker's management API. "
                    + "Then instances: which Payara instance consumes what (\"server\" in the one-server mode): each "
                    + "listener's consumers on it as it last reported them (every 15 s; running is false after 45 s "
                    + "without a report), and the messages each service handled there in the last 5 minutes, from the "
                    + "services' processed-message records. An operator scales one service on one instance with the "
                    + "system property eventshop.<service>.consumers (README, \"One service scaled alone\").")
    @APIResponse(responseCode = "200", description = "The overview",
            content = @Content(schema = @Schema(implementation = MessagingOverview.Overview.class)))
    @APIResponse(responseCode = "503", description = "The broker's management API cannot be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessagingOverview.Overview overview() {
        return overview.read();
    }
}

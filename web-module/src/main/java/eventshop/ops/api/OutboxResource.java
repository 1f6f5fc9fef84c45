package eventshop.ops.api;

import eventshop.api.Problem;
import eventshop.platform.messaging.Outbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GET /api/ops/{producer}/outbox (role operator, see web.xml): one producer's outbox backlog, e.g.
 * /api/ops/orders/outbox. This template has more literal characters than orders' {@code ops/orders}, so JAX-RS
 * matches this class for the orders outbox too. Read from the database: answers while the broker is down.
 */
@Path("ops/{producer}/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "What an operator does to the running system")
public class OutboxResource {

    static final String DESCRIPTION = "The requests that publish (placing and cancelling an order, registering a "
            + "customer, changing a product) commit in the database alone, with the event in their producer's outbox; "
            + "a relay publishes it at once. Events wait here while the broker cannot be reached (the requests are "
            + "still accepted) and are published when it is back. Read from the database: answers while the broker "
            + "is down.";

    @Inject
    Outbox outbox;

    @GET
    @Operation(summary = "A producer's outbox (orders, customers, warehouse): events committed and not yet published",
            description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The backlog",
            content = @Content(schema = @Schema(implementation = OutboxView.class)))
    @APIResponse(responseCode = "404", description = "Not a producer with an outbox",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OutboxView backlog(@PathParam("producer") String producer) {
        if (!Outbox.PRODUCERS.contains(producer)) {
            throw new NotFoundException("No outbox of " + producer + "; the producers with one are "
                    + String.join(", ", Outbox.PRODUCERS) + ".");
        }
        return OutboxView.of(outbox.backlog(producer));
    }

    /** GET /api/ops/outbox: every producer's outbox, the operator page's lines. */
    @Path("ops/outbox")
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "operations", description = "What an operator does to the running system")
    public static class All {

        @Inject
        Outbox outbox;

        @GET
        @Operation(summary = "Every producer's outbox: events committed and not yet published", description = DESCRIPTION)
        @APIResponse(responseCode = "200", description = "One backlog per producer, in the order of Outbox.PRODUCERS",
                content = @Content(schema = @Schema(implementation = OutboxView.class)))
        public List<OutboxView> backlogs() {
            return Outbox.PRODUCERS.stream().map(producer -> OutboxView.of(outbox.backlog(producer))).toList();
        }
    }
}

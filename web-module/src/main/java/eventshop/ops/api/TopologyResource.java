package eventshop.ops.api;

import eventshop.platform.messaging.MessagingTopology;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GET /api/ops/topology: the services and the producers each listens to, as the application was configured
 * (topology/topology.yaml); the operator page builds its service lists from it. The whole topology, with every
 * message, is the AsyncAPI document at /asyncapi.
 */
@Path("ops/topology")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "What an operator does to the running system")
public class TopologyResource {

    @GET
    @Operation(summary = "The services",
            description = "Each service (its subscription and dead-letter queue are named after it), the producers its "
                    + "subscription listens to, the events it publishes and the queues it consumes.")
    public List<MessagingTopology.Service> services() {
        return MessagingTopology.get().services();
    }
}

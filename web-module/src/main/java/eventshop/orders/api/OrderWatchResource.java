package eventshop.orders.api;

import eventshop.api.Problem;
import eventshop.orders.control.OrderWatch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The orders service's part of the operator API (under /api/ops, role operator, see web.xml): live counts
 * by status and the stuck orders with their timelines, for the operator page /ops. The orders outbox's backlog,
 * GET /api/ops/orders/outbox, is every producer's view: {@code eventshop.ops.api.OutboxResource}.
 */
@Path("ops/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "What an operator does to the running system")
public class OrderWatchResource {

    @Inject
    OrderWatch watch;

    @GET
    @Path("counts")
    @Operation(summary = "Orders by status, now", description = "Every status, with 0 when no order is in it.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = OrderWatchView.Counts.class)))
    public OrderWatchView.Counts counts() {
        return OrderWatchView.Counts.of(watch.countsByStatus());
    }

    @GET
    @Path("stuck")
    @Operation(summary = "Stuck orders with their timelines, oldest first",
            description = "Every order in NEEDS_ATTENTION, and the orders still PLACED or PAID that were placed more "
                    + "than olderThanSeconds ago (default: the setting orders.stuck.after, 5 minutes). At most limit "
                    + "(default 50, at most " + StuckOrdersQuery.MAX_LIMIT + ") orders; total counts them all.")
    @APIResponse(responseCode = "200", description = "The stuck orders",
            content = @Content(schema = @Schema(implementation = OrderWatchView.StuckOrders.class)))
    @APIResponse(responseCode = "400", description = "A bad olderThanSeconds or limit, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderWatchView.StuckOrders stuck(@Valid @BeanParam StuckOrdersQuery query) {
        Duration olderThan = blank(query.olderThanSeconds) ? null : Duration.ofSeconds(Long.parseLong(query.olderThanSeconds));
        int limit = blank(query.limit) ? 50 : Integer.parseInt(query.limit);
        return OrderWatchView.StuckOrders.of(watch.stuck(olderThan, limit));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package eventshop.notifications.api;

import eventshop.notifications.control.Notifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notifications sent (or queued, or not sendable) to a customer. */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationsResource {

    @Inject
    Notifier notifier;

    @GET
    @Operation(summary = "A customer's notifications, the most recent first: QUEUED, SENT (with the time) "
            + "or NO_ADDRESS (the customer's email is unknown)")
    @APIResponse(responseCode = "200", description = "The notifications; empty when there are none")
    @APIResponse(responseCode = "400", description = "customerId is missing")
    public List<NotificationView> list(@Valid @BeanParam NotificationsQuery query) {
        return notifier.forCustomer(query.customerId).stream().map(NotificationView::of).toList();
    }
}

package eventshop.payments.api;

import eventshop.api.Problem;
import eventshop.payments.control.Payments;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The payments service's view of an order's payment: the gateway's decision, and the refund if the
 * money was given back. Eventually consistent: a payment appears once the payments service has
 * handled the order's OrderPlaced.
 */
@Path("payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
public class PaymentsResource {

    @Inject
    Payments payments;

    @GET
    @Operation(summary = "The payments of an order, each with its refund when it has one")
    @APIResponse(responseCode = "200", description = "The order's payments; an empty list while none is known",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "orderId is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PaymentView> list(@Valid @BeanParam PaymentsQuery query) {
        return payments.forOrder(query.orderId).stream().map(PaymentView::of).toList();
    }
}

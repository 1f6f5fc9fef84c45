package eventshop.payments.api;

import eventshop.api.Ids;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.QueryParam;

/**
 * The query of GET /api/payments. A bean of fields rather than a validated method parameter: Payara
 * 6.2025.9's OpenAPI generator fails on a constraint on any parameter that is not a @PathParam.
 */
public class PaymentsQuery {

    @QueryParam("orderId")
    @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE)
    @NotBlank(message = "is required: the id of the order whose payments to list")
    public String orderId;
}

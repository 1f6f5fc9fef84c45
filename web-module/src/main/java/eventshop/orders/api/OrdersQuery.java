package eventshop.orders.api;

import eventshop.api.Ids;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The query of GET /api/orders. A bean of fields rather than validated method parameters: Payara
 * 6.2025.9's OpenAPI generator fails on a constraint on any parameter that is not a @PathParam (and on
 * an OpenAPI @Parameter on a bean field, so the descriptions are comments).
 */
public class OrdersQuery {

    static final String STATUS_PATTERN = "|PLACED|PAID|SHIPPED|REJECTED|CANCELLED|NEEDS_ATTENTION";

    /** only this customer's orders */
    @QueryParam("customerId")
    @Pattern(regexp = "|" + Ids.UUID, message = Ids.UUID_MESSAGE)
    public String customerId;

    /** only orders in this status */
    @QueryParam("status")
    @Pattern(regexp = STATUS_PATTERN,
            message = "must be one of PLACED, PAID, SHIPPED, REJECTED, CANCELLED, NEEDS_ATTENTION")
    public String status;

    /** page number, from 0 */
    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "\\d{0,6}", message = "must be a whole number from 0 to 999999")
    public String page;

    /** orders per page, 1 to 100 */
    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = "|[1-9]|[1-9][0-9]|100", message = "must be a whole number from 1 to 100")
    public String size;
}

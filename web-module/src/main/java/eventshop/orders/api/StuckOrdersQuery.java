package eventshop.orders.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The query of GET /api/ops/orders/stuck. A bean of fields rather than validated method parameters: Payara
 * 6.2025.9's OpenAPI generator fails on a constraint on any parameter that is not a @PathParam (and on an
 * OpenAPI @Parameter on a bean field, so the descriptions are comments).
 */
public class StuckOrdersQuery {

    static final int MAX_LIMIT = 200;

    /** orders on their way (PLACED, PAID) count as stuck once placed this many seconds ago; blank: the setting */
    @QueryParam("olderThanSeconds")
    @Pattern(regexp = "|\\d{1,7}", message = "must be a whole number of seconds from 0 to 9999999")
    public String olderThanSeconds;

    /** at most this many orders, oldest first, 1 to 200 */
    @QueryParam("limit")
    @DefaultValue("50")
    @Pattern(regexp = "|[1-9]|[1-9][0-9]|1[0-9][0-9]|200", message = "must be a whole number from 1 to " + MAX_LIMIT)
    public String limit;
}

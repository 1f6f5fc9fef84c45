package eventshop.warehouse.api;

import eventshop.api.Problem;
import eventshop.warehouse.control.ProductCatalogue;
import eventshop.warehouse.control.ProductIncomplete;
import eventshop.warehouse.control.ProductRejected;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * PUT /api/products/{sku}: products are the warehouse's, which publishes ProductUpdated. Reading them is the orders
 * service's ({@code orders.api.CatalogueResource}, GET on the same path, from its catalogue copy): a PUT shows up
 * there once the event has crossed the broker, the eventual consistency visible on purpose.
 */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class ProductsResource {

    @Inject
    ProductCatalogue warehouse;

    @PUT
    @Path("{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a product in the warehouse (price, stock); publishes ProductUpdated")
    public Response put(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,63}",
                                message = "must be 1 to 64 letters, digits or dashes") String sku,
                        @NotNull(message = "a JSON body is required") @Valid ProductChange change) {
        try {
            return Response.ok(StockView.of(warehouse.update(sku, change.name(), change.price(), change.stockOnHand())))
                    .build();
        } catch (ProductIncomplete e) {
            return Problem.unprocessable(e.getMessage(), fieldOf(e)).toResponse();
        } catch (ProductRejected e) {
            return Problem.invalid(Response.Status.CONFLICT, e.getMessage(), fieldOf(e)).toResponse();
        }
    }

    private static List<Problem.FieldError> fieldOf(ProductRejected e) {
        return List.of(new Problem.FieldError(e.field(), e.getMessage()));
    }
}

package eventshop.warehouse.api;

import eventshop.api.Problem;
import eventshop.orders.control.CatalogueCopy;
import eventshop.warehouse.control.ProductCatalogue;
import eventshop.warehouse.control.ProductIncomplete;
import eventshop.warehouse.control.ProductRejected;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
 * Products: written to the warehouse, which owns them, and read from the orders service's catalogue
 * copy, which is what customers can order from. A PUT therefore shows up in a GET only once the
 * ProductUpdated event has crossed the broker: the eventual consistency is visible on purpose.
 */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class ProductsResource {

    @Inject
    ProductCatalogue warehouse;

    @Inject
    CatalogueCopy catalogue;

    @GET
    @Operation(summary = "The catalogue customers can order from")
    public List<ProductView> list() {
        return catalogue.all().stream().map(ProductView::of).toList();
    }

    @GET
    @Path("{sku}")
    @Operation(summary = "One product of the catalogue")
    public ProductView get(@PathParam("sku") String sku) {
        return catalogue.find(sku).map(ProductView::of)
                .orElseThrow(() -> new NotFoundException("No product with sku " + sku));
    }

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

package eventshop.orders.api;

import eventshop.orders.control.CatalogueCopy;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GET /api/products: the catalogue customers can order from, which is the orders service's own data (its copy of
 * the warehouse's products, kept from ProductUpdated events). Changing a product is the warehouse's
 * ({@code warehouse.api.ProductsResource}, PUT on the same path): a PUT shows up here once its event has crossed
 * the broker, the eventual consistency visible on purpose.
 */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class CatalogueResource {

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
}

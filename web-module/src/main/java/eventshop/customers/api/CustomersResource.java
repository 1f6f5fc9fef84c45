package eventshop.customers.api;

import eventshop.api.Problem;
import eventshop.customers.control.CustomerRegistry;
import eventshop.customers.control.EmailAlreadyRegistered;
import eventshop.customers.control.OrderHistory;
import eventshop.customers.entity.Customer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customers: registration, and each customer's order history. The history is built from the order
 * events, so an order shows up here (and changes status) shortly after the orders API answered.
 */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
public class CustomersResource {

    @Inject
    CustomerRegistry registry;

    @Inject
    OrderHistory history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a customer; publishes CustomerRegistered")
    @APIResponse(responseCode = "201", description = "Registered; Location names the customer")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    @APIResponse(responseCode = "409", description = "The email is already registered")
    public Response register(@NotNull(message = "a JSON body is required") @Valid CustomerRegistration registration,
                             @Context UriInfo uri) {
        try {
            Customer customer = registry.register(registration.name().strip(), registration.email().strip());
            return Response.created(uri.getAbsolutePathBuilder().path(customer.id()).build())
                    .entity(CustomerView.of(customer, List.of()))
                    .build();
        } catch (EmailAlreadyRegistered e) {
            return Problem.invalid(Response.Status.CONFLICT, e.getMessage(),
                    List.of(new Problem.FieldError("email", "is already registered"))).toResponse();
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A customer with its order history, the most recent order first")
    @APIResponse(responseCode = "200", description = "The customer")
    @APIResponse(responseCode = "404", description = "No customer with this id")
    public CustomerView get(@PathParam("id") String id) {
        Customer customer = registry.find(id).orElseThrow(() -> new NotFoundException("No customer with id " + id));
        return CustomerView.of(customer, history.of(id));
    }
}

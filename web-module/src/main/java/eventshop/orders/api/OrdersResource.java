package eventshop.orders.api;

import eventshop.api.Problem;
import eventshop.api.StrictJson;
import eventshop.orders.control.KnownCustomers;
import eventshop.orders.control.OrderLifecycle;
import eventshop.orders.control.OrderLookup;
import eventshop.orders.control.OrderPlacement;
import eventshop.orders.entity.OrderStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Orders: place one, follow it, list them, cancel one. Placing and cancelling answer 202, never 201: the order is
 * stored (committed in the database with its event, in the orders outbox) and everything that follows (the event
 * published, payment, shipping) happens afterwards through the broker, also when the broker is down at that moment;
 * GET /api/orders/{id} shows how far it got.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders", description = "Place orders and follow them to their end")
public class OrdersResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Sent with the answer to a request that repeated an earlier one under the same Idempotency-Key. */
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final int IDEMPOTENCY_KEY_LENGTH = 200;
    /** The statuses a list can be filtered by; blank means all. A test keeps it equal to OrderStatus. */


    @Inject
    OrderPlacement placement;

    @Inject
    OrderLookup lookup;

    @Inject
    KnownCustomers customers;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    Validator validator;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order",
            description = "Prices the items from the catalogue and stores the order PLACED with its OrderPlaced event, in "
                    + "one database transaction; the event is published right after from the orders outbox. "
                    + "The payment is the card gateway's token (\"payment\": {\"token\": \"tok_...\"}); the card "
                    + "number of older clients (\"payment\": {\"cardNumber\": \"...\"}) is exchanged for a token at "
                    + "the gateway before anything is stored. With an Idempotency-Key, sending the same body again "
                    + "answers with the same order. "
                    + "The answer is always 202 Accepted, never 201: the order is durably stored and will reach a "
                    + "terminal state (SHIPPED, REJECTED or CANCELLED), but payment and shipping happen afterwards. "
                    + "If the broker is down, the order is still accepted (202) and waits in the outbox; it goes on "
                    + "when the broker is back. Follow it with GET /api/orders/{id} (the Location).")
    @APIResponse(responseCode = "202", description = "Order accepted and stored PLACED (or, with a repeated "
            + "Idempotency-Key, placed before: header Idempotent-Replayed); it will reach a terminal state",
            content = @Content(schema = @Schema(implementation = OrderAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named (e.g. items[0].quantity)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown sku (items[i].sku); a customer the orders service does not "
            + "know (customerId: it learns customers from CustomerRegistered and waits up to orders.customer.wait, 5 s, "
            + "for one registered a moment ago); Idempotency-Key reused with another body; a payment the shop cannot take: "
            + "payment (both token and cardNumber, or neither), payment.cardNumber (not 13 to 19 digits passing the Luhn "
            + "check), payment.token (not of the gateway's form, unknown to the gateway, or used for another order)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The card gateway did not answer in time (it checks the token or "
            + "exchanges the card number before anything is stored): nothing was stored; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response place(
            @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY,
                    description = "Client-chosen key (e.g. a UUID per checkout) that makes retries safe; 1 to 200 characters")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlaceOrderRequest.class)))
            String body) {
        PlaceOrderRequest request = StrictJson.read(body, PlaceOrderRequest.class);
        List<Problem.FieldError> invalid = invalidFields(request, idempotencyKey);
        List<Problem.FieldError> payment = request == null || request.payment() == null ? List.of() : request.payment().problems();
        if (!invalid.isEmpty()) {
            // One answer names every field: the payment's problems too, though alone they would be a 422.
            List<Problem.FieldError> all = new ArrayList<>(invalid);
            all.addAll(payment);
            all.sort(Comparator.comparing(Problem.FieldError::field));
            return Problem.invalid(Response.Status.BAD_REQUEST, "The request is not valid.", all).toResponse();
        }
        if (!payment.isEmpty()) {
            return Problem.unprocessable("The payment cannot be taken. Nothing was stored.", payment).toResponse();
        }
        if (!customers.knownOrSoon(request.customerId())) {
            return Problem.unprocessable("The orders service knows no customer " + request.customerId() + ": it learns "
                            + "each customer from the customers service's CustomerRegistered, and waited "
                            + customers.waitsFor().toSeconds() + " s for it. Register the customer first "
                            + "(POST /api/customers). Nothing was stored, paid or shipped.",
                    List.of(new Problem.FieldError("customerId", "is not a registered customer"))).toResponse();
        }
        OrderPlacement.Placement placed = placement.place(request.customerId(), request.requestedItems(),
                request.payment().method(), idempotencyKey);
        Response.ResponseBuilder answer = Response.accepted(OrderAccepted.of(placed.order()))
                .location(uriInfo.getBaseUriBuilder().path("orders").path(placed.order().id()).build());
        if (placed.replayed()) {
            answer.header(IDEMPOTENT_REPLAYED, "true");
        }
        return answer.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One order: status, lines, total and the timeline of the events that moved it",
            description = "An order in NEEDS_ATTENTION names in attention each compensation that failed for good "
                    + "(a refund the gateway refused, stock that could not be released), with the reason.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderView get(@PathParam("id") String id) {
        return lookup.find(id).map(OrderView::of).orElseThrow(() -> new NotFoundException("No order with id " + id + "."));
    }

    @GET
    @Operation(summary = "Orders, newest first, optionally of one customer and in one status (paged)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrdersPage.class)))
    @APIResponse(responseCode = "400", description = "A bad status, page or size, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrdersPage list(@Valid @BeanParam OrdersQuery query) {
        return OrdersPage.of(lookup.search(blankAsNull(query.customerId),
                blank(query.status) ? null : OrderStatus.valueOf(query.status),
                blank(query.page) ? 0 : Integer.parseInt(query.page),
                blank(query.size) ? 20 : Integer.parseInt(query.size)));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel an order before it ships",
            description = "Allowed in PLACED and PAID: the order becomes CANCELLED and OrderCancelled is stored with it "
                    + "and published from the orders outbox (also later, if the broker is down now), upon which "
                    + "payments refunds and the warehouse releases the stock.")
    @APIResponse(responseCode = "202", description = "Cancelled; the order as it is now",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "The order is SHIPPED, REJECTED, CANCELLED or NEEDS_ATTENTION, or changed meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(OrderView.of(lifecycle.cancelByCustomer(id))).build();
    }

    /*
     * The body is validated here rather than with @Valid: the shared mapper names a field by the last node
     * of its path, and "quantity" would not say which item; the full path does (items[0].quantity).
     */
    private List<Problem.FieldError> invalidFields(PlaceOrderRequest request, String idempotencyKey) {
        List<Problem.FieldError> invalid = new ArrayList<>();
        if (request == null) {
            invalid.add(new Problem.FieldError("body", "a JSON body is required"));
        } else {
            for (ConstraintViolation<PlaceOrderRequest> violation : validator.validate(request)) {
                invalid.add(new Problem.FieldError(fieldName(violation), violation.getMessage()));
            }
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_LENGTH)) {
            invalid.add(new Problem.FieldError(IDEMPOTENCY_KEY, "must be 1 to " + IDEMPOTENCY_KEY_LENGTH + " characters"));
        }
        invalid.sort(Comparator.comparing(Problem.FieldError::field));
        return invalid;
    }

    /** "items[0].quantity"; a null list element's path ends in a node named "<list element>". */
    static String fieldName(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankAsNull(String value) {
        return blank(value) ? null : value;
    }
}

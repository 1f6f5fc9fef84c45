package eventshop.clients;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a storefront does through the public API (register a customer, stock a product, place, follow and cancel
 * an order), typed, over one {@link RestClient} whose base is the API's (…/api/). Impatient by default: an answer
 * other than the one expected is an error. {@link #patientUntil} gives the chaos driver's storefront, which rides
 * through outages (see {@link RestClient#patiently}); its orders carry an Idempotency-Key.
 */
public final class Storefront {

    private final RestClient api;
    /** System.nanoTime() until which calls are repeated; null: one attempt each. */
    private final Long deadline;

    public Storefront(RestClient api) {
        this(api, null);
    }

    private Storefront(RestClient api, Long deadline) {
        this.api = api;
        this.deadline = deadline;
    }

    /** The same storefront, repeating each call until its answer is final or the deadline (System.nanoTime()) passes. */
    public Storefront patientUntil(long deadline) {
        return new Storefront(api, deadline);
    }

    /** The body of POST /api/customers. */
    public static JsonObject customer(String name, String email) {
        return Json.createObjectBuilder().add("name", name).add("email", email).build();
    }

    /** The body of PUT /api/products/{sku}. */
    public static JsonObject product(String name, BigDecimal price, int stockOnHand) {
        return Json.createObjectBuilder().add("name", name).add("price", price).add("stockOnHand", stockOnHand).build();
    }

    /** The body of POST /api/orders: one line, paid by the card gateway's token (what clients send now). */
    public static JsonObject orderByToken(String customerId, String sku, int quantity, String token) {
        return order(customerId, sku, quantity, "token", token);
    }

    /**
     * The body of POST /api/orders of a client written before tokens: one line, paid by the card number, which the
     * orders service exchanges for a token at the gateway.
     */
    public static JsonObject order(String customerId, String sku, int quantity, String cardNumber) {
        return order(customerId, sku, quantity, "cardNumber", cardNumber);
    }

    private static JsonObject order(String customerId, String sku, int quantity, String paymentField, String payment) {
        return Json.createObjectBuilder()
                .add("customerId", customerId)
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", sku).add("quantity", quantity)))
                .add("payment", Json.createObjectBuilder().add(paymentField, payment))
                .build();
    }

    /** The new customer's id. */
    public String newCustomer(String name, String email) {
        return expect(201, call("POST", "customers", customer(name, email))).json().getString("id");
    }

    public void stockProduct(String sku, String name, BigDecimal price, int stockOnHand) {
        expect(200, call("PUT", "products/" + sku, product(name, price, stockOnHand)));
    }

    /** Whether the orders service sells the product yet (one attempt; no answer: not yet). */
    public boolean sells(String sku) {
        return api.attempt("GET", "products/" + sku, null).map(RestClient.Reply::status).orElse(0) == 200;
    }

    /**
     * The order's id once the shop accepted it (202), sent with this Idempotency-Key (none when null); empty when a
     * patient storefront got no final answer before its deadline.
     */
    public Optional<String> placeOrder(String customerId, String sku, int quantity, String cardNumber, String idempotencyKey) {
        String[] headers = idempotencyKey == null ? new String[0] : new String[] {"Idempotency-Key", idempotencyKey};
        return answer("POST", "orders", order(customerId, sku, quantity, cardNumber).toString(), headers)
                .map(reply -> expect(202, reply).json().getString("id"));
    }

    /** true: cancelled (202); false: too late (409), or no final answer before the deadline. */
    public boolean cancel(String orderId) {
        Optional<RestClient.Reply> reply = answer("POST", "orders/" + orderId + "/cancel", "");
        if (reply.isPresent() && reply.get().status() == 409) {
            return false;
        }
        return reply.map(answer -> expect(202, answer)).isPresent();
    }

    public String orderStatus(String orderId) {
        return expect(200, call("GET", "orders/" + orderId, null)).json().getString("status");
    }

    private RestClient.Reply call(String method, String path, JsonObject body) {
        return answer(method, path, body == null ? null : body.toString())
                .orElseThrow(() -> new IllegalStateException(method + " " + path + ": no answer before the deadline"));
    }

    private Optional<RestClient.Reply> answer(String method, String path, String body, String... headers) {
        return deadline == null ? Optional.of(api.send(method, path, body, headers))
                : api.patiently(deadline, method, path, body, headers);
    }

    private static RestClient.Reply expect(int status, RestClient.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", the API answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}

package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import eventshop.clients.Storefront;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.PaymentAuthorizationResult;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a storefront does through the public API, in the words of the tests: register a customer,
 * stock a product, place and follow an order. The requests are the shared client's ({@link RestClient},
 * bodies from {@link Storefront}); the assertions on their answers are the tests'.
 */
final class Shop {

    static final String APPROVED_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";
    static final String SILENT_CARD = "4000000000000119";
    /** The gateway simulator approves its charges and refuses its refunds. */
    static final String REFUND_REFUSING_CARD = "4000000000000341";

    static final List<String> TERMINAL = List.of("SHIPPED", "REJECTED", "CANCELLED");

    private final RestClient api = Stack.API;

    record Customer(String id, String email) {
    }

    Customer newCustomer(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + shortId() + "@example.org";
        RestClient.Reply reply = api.post("api/customers", Storefront.customer(name, email));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return new Customer(reply.json().getString("id"), email);
    }

    /** A product the orders service can already sell: the warehouse's event has reached its catalogue. */
    String stockedProduct(BigDecimal price, int stockOnHand) {
        String sku = "IT-" + shortId();
        RestClient.Reply put = api.put("api/products/" + sku, Storefront.product("Product " + sku, price, stockOnHand));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        await().atMost(Stack.EVENTUAL).until(() -> api.get("api/products/" + sku).status() == 200);
        return sku;
    }

    /** As a storefront does now: the card goes to the gateway, the order carries the gateway's token. */
    RestClient.Reply placeOrder(Customer customer, String sku, int quantity, String card) {
        return api.post("api/orders", orderBody(customer.id(), sku, quantity, card));
    }

    /** As a client written before tokens does: the card number in the order; the shop exchanges it. */
    RestClient.Reply placeOrderByCardNumber(Customer customer, String sku, int quantity, String card) {
        return api.post("api/orders", Storefront.order(customer.id(), sku, quantity, card));
    }

    /** The body of an order paid by a new token for the card (so the same body is the same request). */
    static String orderBody(String customerId, String sku, int quantity, String card) {
        return Storefront.orderByToken(customerId, sku, quantity, Stack.GATEWAY.token(card)).toString();
    }

    String placedOrderId(Customer customer, String sku, int quantity, String card) {
        RestClient.Reply reply = placeOrder(customer, sku, quantity, card);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.location()).endsWith("/api/orders/" + reply.json().getString("id"));
        return reply.json().getString("id");
    }

    JsonObject order(String id) {
        RestClient.Reply reply = api.get("api/orders/" + id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    JsonObject awaitStatus(String orderId, String status) {
        await().atMost(Stack.EVENTUAL).until(() -> status.equals(order(orderId).getString("status")));
        return order(orderId);
    }

    JsonObject awaitTerminal(String orderId) {
        await().atMost(Stack.EVENTUAL).until(() -> TERMINAL.contains(order(orderId).getString("status")));
        return order(orderId);
    }

    /** The customer's cancel, as the API answers it. */
    RestClient.Reply cancel(String orderId) {
        return api.post("api/orders/" + orderId + "/cancel", "");
    }

    /** "STATUS event producer" for each timeline entry, oldest first. */
    static List<String> timeline(JsonObject order) {
        return order.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getString("status") + " " + entry.getString("event") + " " + entry.getString("producer"))
                .toList();
    }

    /** The payment gateway's reply queue, and the producer name payments accepts replies from (the gateway's). */
    static final String GATEWAY_REPLIES = "eventshop.payments.gateway-replies";
    static final String GATEWAY_PRODUCER = "payment-gateway";

    /** An order whose card the gateway never answers for: the gateway timeout declines its payment. */
    String rejectedByTheGatewayTimeout(Customer customer, String sku) {
        String orderId = placedOrderId(customer, sku, 1, SILENT_CARD);
        assertThat(awaitTerminal(orderId).getString("status")).isEqualTo("REJECTED");
        return orderId;
    }

    /** The approval the gateway sends too late for the order's payment (one the gateway timeout declined). */
    Envelope lateApproval(String orderId) {
        String paymentId = payments(orderId).get(0).getString("id");
        return EventCodec.envelope(new PaymentAuthorizationResult(paymentId, orderId, true, null, "gw_late_" + paymentId),
                orderId, null, GATEWAY_PRODUCER);
    }

    List<JsonObject> payments(String orderId) {
        RestClient.Reply reply = api.get("api/payments?orderId=" + orderId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    /** Waits until the customers service's history shows the order in that status. */
    static void awaitHistory(Customer customer, String orderId, String status) {
        await().atMost(Stack.EVENTUAL).untilAsserted(() -> {
            RestClient.Reply reply = Stack.API.get("api/customers/" + customer.id());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().getJsonArray("orders").getValuesAs(JsonObject.class))
                    .anySatisfy(entry -> {
                        assertThat(entry.getString("orderId")).isEqualTo(orderId);
                        assertThat(entry.getString("status")).isEqualTo(status);
                    });
        });
    }

    /** Waits until the SMTP sink holds exactly these emails for the customer. */
    static void awaitEmails(Customer customer, String... subjects) {
        await().atMost(Stack.EVENTUAL).untilAsserted(() ->
                assertThat(Mailbox.subjects(customer.email())).containsExactlyInAnyOrder(subjects));
    }

    /** on hand, reserved: read from the warehouse's own table. */
    static List<Integer> stock(String sku) {
        var row = Stack.DB.query("select stock_on_hand, reserved from warehouse.product where sku = ?", sku).get(0);
        return List.of((Integer) row.get("stock_on_hand"), (Integer) row.get("reserved"));
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}

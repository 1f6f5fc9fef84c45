package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear answer, never a 500: the right status, an application/problem+json body
 * naming each bad field; the Idempotency-Key cases. Run as a group of {@link EventShopIT}.
 */
abstract class BadRequestTests {

    private final Shop shop = new Shop();
    private final Api api = Stack.API;

    @Test
    void invalidOrderNamesEachBadField() {
        Api.Reply reply = api.post("api/orders",
                "{\"items\":[{\"sku\":\"MUG-001\",\"quantity\":0}],\"payment\":{\"cardNumber\":\"12ab\"}}");

        assertProblem(reply, 400);
        assertThat(fields(reply)).contains("customerId", "items[0].quantity", "payment.cardNumber");
    }

    @Test
    void orderForAnUnknownSkuIsUnprocessable() {
        Shop.Customer customer = shop.newCustomer("Ivy Unknown");

        Api.Reply reply = shop.placeOrder(customer, "NO-SUCH-SKU", 1, Shop.APPROVED_CARD);

        assertProblem(reply, 422);
        assertThat(fields(reply)).contains("items[0].sku");
    }

    @Test
    void unreadableJsonIsABadRequest() {
        assertProblem(api.post("api/orders", "{not json"), 400);
    }

    @Test
    void unknownOrderIsNotFound() {
        assertProblem(api.get("api/orders/" + UUID.randomUUID()), 404);
        assertProblem(api.post("api/orders/" + UUID.randomUUID() + "/cancel", ""), 404);
        assertProblem(api.get("api/customers/" + UUID.randomUUID()), 404);
        assertProblem(api.get("api/products/NO-SUCH-SKU"), 404);
    }

    @Test
    void invalidCustomerNamesTheFields() {
        Api.Reply reply = api.post("api/customers", "{\"name\":\"\",\"email\":\"not-an-email\"}");

        assertProblem(reply, 400);
        assertThat(fields(reply)).contains("name", "email");
    }

    @Test
    void invalidProductChangeNamesTheFields() {
        Api.Reply reply = api.put("api/products/IT-BAD", "{\"price\":-1,\"stockOnHand\":-5}");

        assertProblem(reply, 400);
        assertThat(fields(reply)).contains("price", "stockOnHand");
    }

    @Test
    void newProductWithoutANameIsUnprocessable() {
        Api.Reply reply = api.put("api/products/IT-" + Shop.shortId(), "{\"price\":1.00,\"stockOnHand\":1}");

        assertProblem(reply, 422);
        assertThat(fields(reply)).containsExactly("name");
    }

    @Test
    void missingFilterOnPaymentsAndNotificationsIsABadRequest() {
        assertThat(fields(assertProblem(api.get("api/payments"), 400))).contains("orderId");
        assertThat(fields(assertProblem(api.get("api/notifications"), 400))).contains("customerId");
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheSameOrder() {
        Shop.Customer customer = shop.newCustomer("Jo Twice");
        String sku = shop.stockedProduct(new BigDecimal("4.00"), 10);
        String body = Shop.orderBody(customer.id(), sku, 1, Shop.APPROVED_CARD);
        String key = UUID.randomUUID().toString();

        Api.Reply first = api.post("api/orders", body, "Idempotency-Key", key);
        Api.Reply second = api.post("api/orders", body, "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        assertThat(second.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(Stack.DB.query("select id from orders.orders where customer_id = ?", customer.id())).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        Shop.Customer customer = shop.newCustomer("Kim Changed");
        String sku = shop.stockedProduct(new BigDecimal("4.00"), 10);
        String key = UUID.randomUUID().toString();
        assertThat(api.post("api/orders", Shop.orderBody(customer.id(), sku, 1, Shop.APPROVED_CARD),
                "Idempotency-Key", key).status()).isEqualTo(202);

        Api.Reply changed = api.post("api/orders", Shop.orderBody(customer.id(), sku, 2, Shop.APPROVED_CARD),
                "Idempotency-Key", key);

        assertProblem(changed, 422);
    }

    private static Api.Reply assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getInt("status")).isEqualTo(status);
        assertThat(reply.json().getString("title")).isNotBlank();
        return reply;
    }

    private static List<String> fields(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
    }
}

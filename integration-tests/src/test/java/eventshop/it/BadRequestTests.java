package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;

import eventshop.clients.RestClient;
import eventshop.clients.Storefront;
import eventshop.events.CustomerRegistered;
import eventshop.events.EventCodec;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear answer, never a 500: the right status, an application/problem+json body
 * naming each bad field; the Idempotency-Key cases. Run as a group of {@link EventShopIT}.
 */
abstract class BadRequestTests {

    private final Shop shop = new Shop();
    private final RestClient api = Stack.API;

    @Test
    void invalidOrderNamesEachBadField() {
        RestClient.Reply reply = api.post("api/orders",
                "{\"items\":[{\"sku\":\"MUG-001\",\"quantity\":0}],\"payment\":{\"cardNumber\":\"12ab\"}}");

        assertProblem(reply, 400);
        assertThat(fields(reply)).contains("customerId", "items[0].quantity", "payment.cardNumber");
    }

    @Test
    void orderForAnUnknownSkuIsUnprocessable() {
        Shop.Customer customer = shop.newCustomer("Ivy Unknown");

        RestClient.Reply reply = shop.placeOrder(customer, "NO-SUCH-SKU", 1, Shop.APPROVED_CARD);

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
        RestClient.Reply reply = api.post("api/customers", "{\"name\":\"\",\"email\":\"not-an-email\"}");

        assertProblem(reply, 400);
        assertThat(fields(reply)).contains("name", "email");
    }

    @Test
    void invalidProductChangeNamesTheFields() {
        RestClient.Reply reply = api.put("api/products/IT-BAD", "{\"price\":-1,\"stockOnHand\":-5}");

        assertProblem(reply, 400);
        assertThat(fields(reply)).contains("price", "stockOnHand");
    }

    @Test
    void newProductWithoutANameIsUnprocessable() {
        RestClient.Reply reply = api.put("api/products/IT-" + Shop.shortId(), "{\"price\":1.00,\"stockOnHand\":1}");

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

        RestClient.Reply first = api.post("api/orders", body, "Idempotency-Key", key);
        RestClient.Reply second = api.post("api/orders", body, "Idempotency-Key", key);

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

        RestClient.Reply changed = api.post("api/orders", Shop.orderBody(customer.id(), sku, 2, Shop.APPROVED_CARD),
                "Idempotency-Key", key);

        assertProblem(changed, 422);
    }

    /*
     * Strict at the edges (issue 14): every body is read by type, not coerced; ids are ids; text has no
     * control characters; a body has a size limit; the container's own errors are problem+json too.
     */

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheFieldAndTheType() {
        Shop.Customer customer = shop.newCustomer("Val Typed");
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);

        RestClient.Reply order = api.post("api/orders", "{\"customerId\":\"" + customer.id() + "\",\"items\":[{\"sku\":\"" + sku
                + "\",\"quantity\":1.5}],\"payment\":{\"cardNumber\":4242424242424242}}");
        RestClient.Reply registration = api.post("api/customers",
                "{\"name\":12345,\"email\":[\"val." + Shop.shortId() + "@example.org\"]}");
        RestClient.Reply product = api.put("api/products/" + sku, "{\"price\":\"2.00\",\"stockOnHand\":true}");

        assertProblem(order, 400);
        assertThat(errors(order)).containsEntry("items[0].quantity", "must be a whole number, not 1.5")
                .containsEntry("payment.cardNumber", "must be a string, not a number");
        assertProblem(registration, 400);
        assertThat(errors(registration)).containsEntry("name", "must be a string, not a number")
                .containsEntry("email", "must be a string, not an array");
        assertProblem(product, 400);
        assertThat(errors(product)).containsEntry("price", "must be a number, not a string")
                .containsEntry("stockOnHand", "must be a whole number, not a boolean");
        assertThat(Stack.DB.query("select id from orders.orders where customer_id = ?", customer.id())).isEmpty();
    }

    @Test
    void aHugeQuantityIsTooLargeNotWrappedAround() {
        Shop.Customer customer = shop.newCustomer("Hugh Large");
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);

        // 2^32 + 1: an int that overflows silently reads it as 1.
        RestClient.Reply reply = api.post("api/orders", Shop.orderBody(customer.id(), sku, 1, Shop.APPROVED_CARD)
                .replace("\"quantity\":1", "\"quantity\":4294967297"));

        assertProblem(reply, 400);
        assertThat(errors(reply).get("items[0].quantity")).startsWith("is too large");
        assertThat(Stack.DB.query("select id from orders.orders where customer_id = ?", customer.id())).isEmpty();
    }

    @Test
    void aCustomerIdThatIsNoIdIsABadRequest() {
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);

        RestClient.Reply reply = shop.placeOrder(new Shop.Customer("nobody-" + Shop.shortId(), "x@example.org"), sku, 1,
                Shop.APPROVED_CARD);

        assertProblem(reply, 400);
        assertThat(fields(reply)).containsExactly("customerId");
        assertThat(fields(assertProblem(api.get("api/orders?customerId=not-an-id"), 400))).containsExactly("customerId");
    }

    @Test
    void textWithControlCharactersIsRefused() {
        RestClient.Reply name = api.post("api/customers",
                "{\"name\":\"Nul\\u0000Byte\",\"email\":\"nul." + Shop.shortId() + "@example.org\"}");
        RestClient.Reply sku = api.post("api/orders", "{\"customerId\":\"" + UUID.randomUUID() + "\",\"items\":[{\"sku\":\"MUG\\u001b[2J\","
                + "\"quantity\":1}],\"payment\":{\"cardNumber\":\"4242424242424242\"}}");

        assertProblem(name, 400);
        assertThat(errors(name).get("name")).startsWith("must not contain control characters");
        assertProblem(sku, 400);
        assertThat(errors(sku).get("items[0].sku")).startsWith("must not contain control characters");
    }

    @Test
    void aBodyOverTheLimitIsTooLargeWhetherDeclaredOrChunked() {
        Shop.Customer customer = shop.newCustomer("Max Bytes");
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);
        // A valid order padded to 2 MB with a field the API ignores: refused before it is parsed.
        String padded = Shop.orderBody(customer.id(), sku, 1, Shop.APPROVED_CARD)
                .replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\",");

        RestClient.Reply declared = api.post("api/orders", padded);
        RestClient.Reply chunked = api.postChunked("api/orders", padded);
        RestClient.Reply customerChunked = api.postChunked("api/customers",
                "{\"name\":\"" + "y".repeat(70 * 1024) + "\",\"email\":\"big@example.org\"}");

        assertProblem(declared, 413);
        assertProblem(chunked, 413);
        assertProblem(customerChunked, 413);
        assertThat(declared.json().getString("detail")).contains("65536 bytes");
        assertThat(Stack.DB.query("select id from orders.orders where customer_id = ?", customer.id())).isEmpty();
    }

    @Test
    void anOrderForACustomerNobodyRegisteredIsRefusedAndNothingIsPaidOrShipped() {
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);
        String nobody = UUID.randomUUID().toString();

        RestClient.Reply reply = shop.placeOrder(new Shop.Customer(nobody, "nobody@example.org"), sku, 1, Shop.APPROVED_CARD);

        assertProblem(reply, 422);
        assertThat(errors(reply)).containsExactly(Map.entry("customerId", "is not a registered customer"));
        assertThat(Stack.DB.query("select id from orders.orders where customer_id = ?", nobody)).isEmpty();
        assertThat(Shop.stock(sku)).as("on hand, reserved").containsExactly(10, 0);
    }

    @Test
    void anOrderForACustomerRegisteredAMomentAgoWaitsForItAndGoesThrough() throws Exception {
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);
        String customerId = UUID.randomUUID().toString();
        CompletableFuture<RestClient.Reply> placing = CompletableFuture.supplyAsync(() ->
                shop.placeOrder(new Shop.Customer(customerId, "moe@example.org"), sku, 1, Shop.APPROVED_CARD));

        // The customers service's event reaches orders while (or just before) the order waits for it.
        Stack.broker().publish("eventshop.customers.events", EventCodec.envelope(
                new CustomerRegistered(customerId, "Moe Moment", "moe." + Shop.shortId() + "@example.org"),
                customerId, null, "customers"));

        RestClient.Reply reply = placing.get(60, TimeUnit.SECONDS);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(shop.awaitTerminal(reply.json().getString("id")).getString("status")).isEqualTo("SHIPPED");
    }

    @Test
    void theContainersOwnErrorsUnderTheApiAreProblemJsonToo() {
        // Encoded dots: the container resolves the path outside the API and answered with its own HTML page.
        assertProblem(api.get("api/orders/%2e%2e/%2e%2e/x"), 404);
        // An encoded slash in an id reaches the API as part of the id.
        assertProblem(api.get("api/orders/abc%2Fdef"), 404);
        assertProblem(api.get("api/customers/%2F"), 404);
        assertProblem(api.get("api/no-such-thing"), 404);
    }

    @Test
    void aPaymentTheShopCannotTakeIsUnprocessableNamingTheFieldAndNothingIsStored() {
        Shop.Customer customer = shop.newCustomer("Pat Payment");
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);
        String token = Stack.GATEWAY.token(Shop.APPROVED_CARD);
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"cardNumber\":\"4242424242424241\"}", "payment.cardNumber");   // fails the Luhn check
        cases.put("{\"cardNumber\":\"424242424242\"}", "payment.cardNumber");       // 12 digits
        cases.put("{\"cardNumber\":\"42424242424242424242\"}", "payment.cardNumber"); // 20 digits
        cases.put("{\"token\":\"4242424242424242\"}", "payment.token");             // not of the gateway's form
        cases.put("{\"token\":\"tok_nobodyEverIssuedThisToken\"}", "payment.token"); // unknown to the gateway
        cases.put("{\"token\":\"" + token + "\",\"cardNumber\":\"4242424242424242\"}", "payment"); // both
        cases.put("{}", "payment");                                                  // neither
        cases.forEach((payment, field) -> {
            RestClient.Reply reply = api.post("api/orders", "{\"customerId\":\"" + customer.id() + "\",\"items\":[{\"sku\":\""
                    + sku + "\",\"quantity\":1}],\"payment\":" + payment + "}");
            assertProblem(reply, 422);
            assertThat(fields(reply)).as(payment).containsExactly(field);
            assertThat(reply.body()).as("the answer never repeats a card number").doesNotContain("4242424242424241");
        });
        assertThat(Stack.DB.query("select id from orders.orders where customer_id = ?", customer.id())).isEmpty();
        assertThat(Shop.stock(sku)).as("on hand, reserved").containsExactly(10, 0);
    }

    @Test
    void aTokenThatPaidForAnotherOrderIsRefused() {
        Shop.Customer customer = shop.newCustomer("Una Used");
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);
        String token = Stack.GATEWAY.token(Shop.APPROVED_CARD);
        RestClient.Reply first = api.post("api/orders", Storefront.orderByToken(customer.id(), sku, 1, token));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        shop.awaitStatus(first.json().getString("id"), "SHIPPED"); // the gateway took the payment with it

        RestClient.Reply again = api.post("api/orders", Storefront.orderByToken(customer.id(), sku, 1, token));

        assertProblem(again, 422);
        assertThat(errors(again)).containsExactly(Map.entry("payment.token", "was used for another payment: a token pays once"));
    }

    /**
     * The gateway stopped (SIGSTOP: it accepts the connection and never answers, the worst case): both forms get 503
     * with Retry-After after the client's timeout, nothing is stored; the same request goes through once it is back.
     */
    @Test
    void aGatewayThatDoesNotAnswerGets503WithRetryAfterAndNothingIsStored() throws Exception {
        Shop.Customer customer = shop.newCustomer("Gil Gateway");
        String sku = shop.stockedProduct(new BigDecimal("2.00"), 10);
        String byToken = Shop.orderBody(customer.id(), sku, 1, Shop.APPROVED_CARD);
        String key = UUID.randomUUID().toString();
        RestClient.Reply tokenForm;
        RestClient.Reply cardForm;
        signalGateway("STOP");
        try {
            tokenForm = api.post("api/orders", byToken, "Idempotency-Key", key);
            cardForm = shop.placeOrderByCardNumber(customer, sku, 1, Shop.APPROVED_CARD);
        } finally {
            signalGateway("CONT");
        }
        for (RestClient.Reply reply : List.of(tokenForm, cardForm)) {
            assertProblem(reply, 503);
            assertThat(reply.json().getString("detail")).contains("card gateway").contains("Nothing was stored");
        }
        assertThat(Stack.DB.query("select id from orders.orders where customer_id = ?", customer.id())).isEmpty();
        assertThat(Stack.DB.query("select idempotency_key from orders.idempotency_key where idempotency_key = ?", key)).isEmpty();

        RestClient.Reply retried = api.post("api/orders", byToken, "Idempotency-Key", key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
    }

    private static void signalGateway(String signal) throws Exception {
        String pid = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("it.state.dir"), "payment-gateway.pid")).trim();
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }

    private static RestClient.Reply assertProblem(RestClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getInt("status")).isEqualTo(status);
        assertThat(reply.json().getString("title")).isNotBlank();
        return reply;
    }

    /** field -> message of each error the problem names. */
    private static Map<String, String> errors(RestClient.Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(error -> error.getString("field"), error -> error.getString("message"),
                        (first, second) -> first + "; " + second));
    }

    private static List<String> fields(RestClient.Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
    }
}

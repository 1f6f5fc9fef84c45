package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import eventshop.clients.Storefront;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shop keeps taking orders while its broker is down: the broker's process is killed (kill -9), and the public
 * API goes on answering from the database. Orders are accepted (202), customers registered (201) and products
 * changed or created (200), and their events wait in their producer's outbox (orders, customers, warehouse); reads
 * work; /health/ready stays UP (a load balancer keeps the server) and says in its messaging check that the broker is
 * DOWN and how many events wait; the operator API shows each outbox's backlog. When the broker is back, the relay's
 * sweep publishes what waited: every order reaches its terminal state, the customer registered meanwhile can order,
 * and the orders service's catalogue copy sells the changed product at its new price and the new product.
 *
 * <p>Runs after the other groups and before Recovery and Chaos (EventShopIT): it stops the broker under everybody.
 */
abstract class BrokerOutageTests {

    /**
     * How long the broker stays down at least: long enough that a client reconnecting with a doubling interval (after 1, 3,
     * 7, 15, 31, 61 s) comes back well after the broker. The payment gateway simulator did (up to 30 s between attempts),
     * and the payments it could not answer meanwhile ran into the shop's 8 s gateway timeout: orders placed during
     * the outage ended REJECTED, which this test then accepted.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(35);

    /** Long enough for the listeners to reconnect (every second), the sweep (every 5 s) and the flows. */
    private static final Duration AFTER_THE_RESTART = Duration.ofSeconds(90);
    /**
     * What a health probe waits at most here, generously (load balancers wait a few seconds): while the broker is
     * down, the messaging check must not wait for a pooled connection's reconnection (35 s).
     */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    /** The health endpoints asked as a probe does: no answer within {@link #PROBE_TIMEOUT} fails the test. */
    private static final RestClient PROBE = Stack.API.within(PROBE_TIMEOUT);

    private final Shop shop = new Shop();

    /** The product's price and stock as changed while the broker is down, and a product created then. */
    private static final BigDecimal NEW_PRICE = new BigDecimal("7.00");
    private static final int NEW_STOCK = 30;

    @Test
    void whileTheBrokerIsDownOrdersRegistrationsAndProductChangesAreAcceptedAndAfterItsRestartTheyAllTakeEffect()
            throws Exception {
        Shop.Customer bea = shop.newCustomer("Bea Outage");
        String sku = shop.stockedProduct(new BigDecimal("5.00"), 20);
        String before = shop.placedOrderId(bea, sku, 1, Shop.APPROVED_CARD);
        shop.awaitStatus(before, "SHIPPED");
        String newSku = "IT-" + Shop.shortId();

        // As a running load balancer's probes do, the check takes a connection of the operator API's pool, which then
        // reconnects while the broker is down.
        assertThat(PROBE.get("health/ready").status()).isEqualTo(200);
        killTheBroker();
        Instant killed = Instant.now();
        List<String> placed = new ArrayList<>();
        Shop.Customer cara;
        try {
            whileTheBrokerIsDown(bea, sku, before, placed);
            cara = requestsOfTheOtherProducersWhileTheBrokerIsDown(sku, newSku, placed.size() + 1);
            theBrokersOwnWorkAnswers503WithRetryAfter(cara);
            await("an outage of " + OUTAGE.toSeconds() + " s").atMost(OUTAGE.plusMinutes(1))
                    .until(() -> Duration.between(killed, Instant.now()).compareTo(OUTAGE) >= 0);
        } finally {
            RecoveryTests.restartTheBroker();
        }
        afterTheRestart(placed, placed.get(0));
        theOtherProducersEventsArriveAfterTheRestart(cara, sku, newSku);
    }

    /** Orders placed (and the first cancelled) while the broker is down, reads, health and the backlog. */
    private void whileTheBrokerIsDown(Shop.Customer bea, String sku, String before, List<String> placed) {
        for (int i = 0; i < 4; i++) {
            RestClient.Reply reply = shop.placeOrder(bea, sku, 1, Shop.APPROVED_CARD);
            assertThat(reply.status()).as("POST /api/orders with the broker down: " + reply.body()).isEqualTo(202);
            assertThat(reply.json().getString("status")).isEqualTo("PLACED");
            assertThat(reply.location()).endsWith("/api/orders/" + reply.json().getString("id"));
            placed.add(reply.json().getString("id"));
        }
        assertThat(shop.cancel(placed.get(0)).status()).as("the customer's cancel with the broker down").isEqualTo(202);

        // Reads need the database only.
        assertThat(shop.order(placed.get(1)).getString("status")).isEqualTo("PLACED");
        assertThat(shop.order(before).getString("status")).isEqualTo("SHIPPED");
        assertThat(Stack.API.get("api/orders?customerId=" + bea.id()).status()).isEqualTo(200);
        assertThat(Stack.API.get("api/products/" + sku).status()).isEqualTo(200);
        assertThat(Stack.API.get("api/customers/" + bea.id()).status()).isEqualTo(200);

        // The API stays ready, and the health says what is down and what waits.
        for (String path : List.of("health/ready", "health")) {
            RestClient.Reply health = PROBE.get(path);
            assertThat(health.status()).as(path + ": " + health.body()).isEqualTo(200);
            JsonObject messaging = check(health.json(), "messaging");
            assertThat(messaging.getString("status")).isEqualTo("UP");
            assertThat(messaging.getJsonObject("data").getString("broker")).as(path).isEqualTo("DOWN");
            // Payara renders a check's data values as JSON strings.
            assertThat(Long.parseLong(messaging.getJsonObject("data").getString("outboxBacklog"))).as(path)
                    .isGreaterThanOrEqualTo(placed.size() + 1);
            assertThat(check(health.json(), "database").getString("status")).isEqualTo("UP");
        }
        RestClient.Reply outbox = Stack.OPERATOR.get("api/ops/orders/outbox");
        assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
        assertThat(outbox.json().getJsonNumber("pending").longValue()).isGreaterThanOrEqualTo(placed.size() + 1);
        assertThat(outbox.json().getString("oldestSince", null)).isNotNull();
    }

    /**
     * A customer registered, a product changed and another created while the broker is down: each answers as with
     * the broker up (they answered 500 when their event was sent in the request's transaction), and each event waits
     * in its producer's outbox, which the operator API shows.
     *
     * @param ordersWaiting the orders' events already waiting
     * @return the customer registered
     */
    private Shop.Customer requestsOfTheOtherProducersWhileTheBrokerIsDown(String sku, String newSku, int ordersWaiting) {
        String email = "cara.outage." + Shop.shortId() + "@example.org";
        RestClient.Reply registered = Stack.API.post("api/customers", Storefront.customer("Cara Outage", email));
        assertThat(registered.status()).as("POST /api/customers with the broker down: " + registered.body()).isEqualTo(201);
        Shop.Customer cara = new Shop.Customer(registered.json().getString("id"), email);
        assertThat(Stack.API.get("api/customers/" + cara.id()).status()).isEqualTo(200);

        RestClient.Reply changed = Stack.API.put("api/products/" + sku, Storefront.product("Product " + sku, NEW_PRICE, NEW_STOCK));
        assertThat(changed.status()).as("PUT /api/products/{sku} with the broker down: " + changed.body()).isEqualTo(200);
        RestClient.Reply created = Stack.API.put("api/products/" + newSku, Storefront.product("Product " + newSku, NEW_PRICE, 5));
        assertThat(created.status()).as("PUT of a new product with the broker down: " + created.body()).isEqualTo(200);
        // The orders service's catalogue copy has not heard of the change yet.
        assertThat(new BigDecimal(Stack.API.get("api/products/" + sku).json().getJsonNumber("price").toString()))
                .isEqualByComparingTo("5.00");

        for (String producer : List.of("customers", "warehouse")) {
            RestClient.Reply outbox = Stack.OPERATOR.get("api/ops/" + producer + "/outbox");
            assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
            assertThat(outbox.json().getString("producer")).isEqualTo(producer);
            assertThat(outbox.json().getJsonNumber("pending").longValue()).as(producer)
                    .isGreaterThanOrEqualTo(producer.equals("warehouse") ? 2 : 1);
            assertThat(outbox.json().getString("oldestSince", null)).as(producer).isNotNull();
        }
        RestClient.Reply all = Stack.OPERATOR.get("api/ops/outbox");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.structure().asJsonArray().getValuesAs(JsonObject.class))
                .extracting(outbox -> outbox.getString("producer")).containsExactly("orders", "customers", "warehouse");
        JsonObject messaging = check(Stack.API.get("health/ready").json(), "messaging");
        assertThat(Long.parseLong(messaging.getJsonObject("data").getString("outboxBacklog")))
                .as("the backlog summed over the producers").isGreaterThanOrEqualTo(ordersWaiting + 3);
        return cara;
    }

    /**
     * What is the broker's own work (the operator's dead letters, replays, the messaging overview) cannot be done
     * while it is down: 503 problem+json with Retry-After, nothing changed (they answered 500 before).
     */
    private static void theBrokersOwnWorkAnswers503WithRetryAfter(Shop.Customer cara) throws Exception {
        Object position = Stack.DB.query("select position from customers.event_journal where correlation_id = ?", cara.id())
                .get(0).get("position");
        String replay = Json.createObjectBuilder().add("service", "notifications").add("producer", "customers").add("dryRun", false)
                .add("fromPosition", ((Number) position).longValue()).add("toPosition", ((Number) position).longValue())
                .build().toString();
        for (String[] request : List.of(new String[] {"POST", "api/ops/replay", replay},
                new String[] {"POST", "api/ops/dead-letters/orders/retry-all", ""},
                new String[] {"GET", "api/ops/dead-letters/orders", null},
                new String[] {"GET", "api/ops/messaging", null})) {
            HttpResponse<String> reply = asOperator(request[0], request[1], request[2]);
            assertThat(reply.statusCode()).as(request[0] + " " + request[1] + " with the broker down: " + reply.body())
                    .isEqualTo(503);
            assertThat(reply.headers().firstValue("Content-Type")).as(request[1])
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(reply.headers().firstValue("Retry-After")).as(request[1])
                    .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        }
    }

    private static HttpResponse<String> asOperator(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Stack.BASE.resolve(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "operator:operator-secret".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The customers' and the warehouse's events that waited reach their subscribers: the orders service knows the
     * customer registered meanwhile (an order of hers is accepted, where an unknown customer's is refused, 422) and
     * its catalogue copy has the new price, which the order is priced at, and the new product; the customers
     * service's history and the notifications service follow the order as usual.
     */
    private void theOtherProducersEventsArriveAfterTheRestart(Shop.Customer cara, String sku, String newSku) {
        await("the changed product's new price in the orders service's catalogue copy").atMost(AFTER_THE_RESTART)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() ->
                        assertThat(new BigDecimal(Stack.API.get("api/products/" + sku).json().getJsonNumber("price").toString()))
                                .isEqualByComparingTo(NEW_PRICE));
        await("the product created while the broker was down in the catalogue copy").atMost(Stack.EVENTUAL)
                .until(() -> Stack.API.get("api/products/" + newSku).status() == 200);

        String[] orderId = new String[1];
        await("an order of the customer registered while the broker was down accepted").atMost(Stack.EVENTUAL)
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    RestClient.Reply reply = shop.placeOrder(cara, sku, 2, Shop.APPROVED_CARD);
                    assertThat(reply.status()).as(reply.body()).isIn(202, 422);
                    if (reply.status() == 202) {
                        orderId[0] = reply.json().getString("id");
                    }
                    return orderId[0] != null;
                });
        JsonObject order = shop.order(orderId[0]);
        assertThat(new BigDecimal(order.getJsonNumber("total").toString())).as("priced at the new price")
                .isEqualByComparingTo(NEW_PRICE.multiply(BigDecimal.valueOf(2)));
        assertThat(shop.awaitTerminal(orderId[0]).getString("status")).isEqualTo("SHIPPED");
        Shop.awaitHistory(cara, orderId[0], "SHIPPED");
        String newProductOrder = shop.placedOrderId(cara, newSku, 1, Shop.APPROVED_CARD);
        assertThat(shop.awaitTerminal(newProductOrder).getString("status")).isEqualTo("SHIPPED");

        for (String producer : List.of("customers", "warehouse")) {
            await("the outbox of " + producer + " drained").atMost(Stack.EVENTUAL)
                    .until(() -> Stack.DB.query("select position from " + producer + ".outbox").isEmpty());
        }
    }

    private void afterTheRestart(List<String> placed, String cancelled) {
        for (String orderId : placed) {
            await("order " + orderId + " at its end after the broker's restart").atMost(AFTER_THE_RESTART)
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> Shop.TERMINAL.contains(shop.order(orderId).getString("status")));
        }
        assertThat(shop.order(cancelled).getString("status")).isEqualTo("CANCELLED");
        for (String orderId : placed.subList(1, placed.size())) {
            // Paid and shipped, not rejected by the payment timeout: the shop's own outage is not the gateway's
            // silence (the simulator reconnects every second, as the listeners do, so its answers do not wait for it).
            assertThat(shop.order(orderId).getString("status")).as("order " + orderId + ": " + shop.payments(orderId))
                    .isEqualTo("SHIPPED");
            assertThat(Shop.timeline(shop.order(orderId))).first().isEqualTo("PLACED OrderPlaced orders");
        }
        await("the broker UP again in the health").atMost(Stack.EVENTUAL).ignoreExceptions().untilAsserted(() ->
                assertThat(check(Stack.API.get("health/ready").json(), "messaging").getJsonObject("data")
                        .getString("broker")).isEqualTo("UP"));
        assertThat(Stack.DB.query("select o.position from orders.outbox o join orders.event_journal j on j.position = o.position "
                + "where j.correlation_id in (?, ?, ?, ?)", placed.toArray())).as("left in the outbox").isEmpty();
    }

    static void killTheBroker() throws Exception {
        Path brokerPid = Path.of(System.getProperty("it.state.dir"), "broker.pid");
        long pid = Long.parseLong(Files.readString(brokerPid).trim());
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no broker " + pid));
        broker.destroyForcibly();
        broker.onExit().get();
        Stack.forgetBroker();
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> name.equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

}

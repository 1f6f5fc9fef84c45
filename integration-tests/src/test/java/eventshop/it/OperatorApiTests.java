package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.OrderShipped;
import eventshop.events.ShippedLine;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operator API (/api/ops, role operator): the messaging overview read from the broker's management,
 * one service's dead letters browsed, retried back to that service only, and discarded with an audit
 * entry; and nobody but the operator gets in. Run as a group of {@link EventShopIT}.
 */
abstract class OperatorApiTests {

    private static final List<String> SERVICES = Names.SERVICES;

    private final RestClient operator = Stack.OPERATOR;

    @Test
    void theOverviewListsEverySubscriptionWithItsConsumersAndTheDeadLetterQueues() {
        RestClient.Reply reply = operator.get("api/ops/messaging");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject overview = reply.json();
        for (String service : SERVICES) {
            JsonObject subscription = queue(overview, "subscription", service).orElseThrow(() ->
                    new AssertionError("no subscription " + service + " in " + reply.body()));
            assertThat(subscription.getJsonNumber("consumers").longValue()).as(service + "'s consumers").isPositive();
            assertThat(subscription.getJsonNumber("messagesAdded").longValue()).isNotNegative();
            assertThat(subscription.getString("filter")).contains("replayedTo = '" + service + "'");
            assertThat(queue(overview, "dead-letters", service)).as(service + "'s dead-letter queue").isPresent();
            assertThat(overview.getJsonObject("deadLetters").containsKey(service)).isTrue();
        }
        assertThat(overview.getJsonArray("queues").stream().map(JsonValue::asJsonObject).map(q -> q.getString("queue")))
                .contains("eventshop.payments.gateway-requests", "eventshop.payments.gateway-replies",
                        "eventshop.notifications.outbox", "eventshop.dlq");
        assertThat(overview.getJsonArray("topics").stream().map(JsonValue::asJsonObject).map(t -> t.getString("address")))
                .contains("eventshop.orders.events", "eventshop.customers.events", "eventshop.payments.events",
                        "eventshop.warehouse.events");
        JsonObject ordersTopic = overview.getJsonArray("topics").stream().map(JsonValue::asJsonObject)
                .filter(topic -> topic.getString("address").equals("eventshop.orders.events")).findFirst().orElseThrow();
        assertThat(ordersTopic.getJsonArray("queues").getValuesAs(JsonString::getString))
                .as("the subscriptions the topic's diverts feed")
                .contains("customers", "notifications", "payments", "warehouse").doesNotContain("orders");
    }

    /** One server: one instance, "server", whose reported consumers are the broker's (issue 18, item 3). */
    @Test
    void theOverviewNamesTheOneInstanceAndItsConsumersPerSubscription() {
        await().atMost(Stack.EVENTUAL).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonObject overview = operator.get("api/ops/messaging").json();
            assertThat(overview.getJsonArray("instances")).as(overview.toString()).hasSize(1);
            JsonObject server = overview.getJsonArray("instances").getJsonObject(0);
            assertThat(server.getString("instance")).isEqualTo("server");
            assertThat(server.getBoolean("running")).isTrue();
            for (String service : SERVICES) {
                assertThat((long) server.getJsonObject("consumers").getInt(service)).as(service + "'s consumers")
                        .isEqualTo(queue(overview, "subscription", service).orElseThrow().getJsonNumber("consumers").longValue())
                        .isEqualTo(8);
            }
        });
    }

    @Test
    void aPoisonedMessageShowsInTheDeadLettersWithItsReasonAndItsDiscardIsAudited() throws Exception {
        long addedBefore = counter(operator.get("api/ops/messaging").json(), "warehouse");
        String garbage = "this is not an envelope " + UUID.randomUUID();

        Stack.broker().publish("eventshop.orders.events", garbage, Map.of("type", "OrderPlaced", "version", 2));

        JsonObject letter = await().atMost(Stack.EVENTUAL).until(() -> deadLetter("warehouse", garbage), Optional::isPresent)
                .orElseThrow();
        assertThat(letter.getString("reason")).isNotBlank();
        assertThat(letter.getString("originSubscription")).isEqualTo("warehouse");
        assertThat(letter.getString("originalDestination")).isEqualTo("eventshop.orders.events");
        assertThat(letter.getString("type")).isEqualTo("OrderPlaced");
        JsonObject overview = operator.get("api/ops/messaging").json();
        assertThat(counter(overview, "warehouse")).as("messages added to the warehouse subscription").isGreaterThan(addedBefore);
        assertThat(overview.getJsonObject("deadLetters").getJsonNumber("warehouse").longValue()).isPositive();

        String id = letter.getString("id");
        RestClient.Reply discarded = operator.delete("api/ops/dead-letters/warehouse/" + id);

        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat(deadLetter("warehouse", garbage)).isEmpty();
        assertThat(Stack.DB.query("select operator_name, action, service, reason from ops.audit_entry where message_id = ?", id))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("operator_name")).isEqualTo("operator");
                    assertThat(row.get("action")).isEqualTo("DISCARD");
                    assertThat(row.get("service")).isEqualTo("warehouse");
                    assertThat(row.get("reason")).isEqualTo(letter.getString("reason"));
                });
        assertThat(operator.get("api/ops/audit").body()).contains(id);
        // The other subscribers dead-lettered their own copies: discarding the warehouse's left them alone.
        JsonObject customersCopy = deadLetter("customers", garbage).orElseThrow();
        assertProblem(operator.delete("api/ops/dead-letters/warehouse/" + id), 404);
        assertProblem(operator.get("api/ops/dead-letters/gateway"), 404);

        // Retried, the garbage goes back to the customers subscription ONLY, which rejects it again (a new
        // dead letter); had it gone to the topic, the warehouse would have dead-lettered it once more too.
        RestClient.Reply retried = operator.post("api/ops/dead-letters/customers/retry-all", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.body()).contains(customersCopy.getString("id"));
        JsonObject again = await().atMost(Stack.EVENTUAL).until(() -> deadLetter("customers", garbage), Optional::isPresent)
                .orElseThrow();
        assertThat(again.getString("id")).isNotEqualTo(customersCopy.getString("id"));
        assertThat(deadLetter("payments", garbage)).as("the payments subscription's own, untouched copy").isPresent();
        assertThat(deadLetter("warehouse", garbage)).as("the retry reached the warehouse").isEmpty();
        assertThat(Stack.DB.query("select action from ops.audit_entry where message_id = ?", customersCopy.getString("id")))
                .singleElement().satisfies(row -> assertThat(row.get("action")).isEqualTo("RETRY"));
    }

    @Test
    void aDeadLetterRetriedOnceItsDataIsFixedIsProcessedByItsService() throws Exception {
        Shop.Customer customer = new Shop().newCustomer("Dead Letter");
        String orderId = UUID.randomUUID().toString();
        // Customers fails an OrderShipped for an order it has no history entry of, on every attempt.
        Envelope shipped = EventCodec.envelope(new OrderShipped(orderId, UUID.randomUUID().toString(),
                List.of(new ShippedLine("DL-1", 1))), orderId, null, "warehouse");
        Stack.broker().publish("eventshop.warehouse.events", shipped);

        JsonObject letter = await().atMost(Stack.DEAD_LETTERED).pollInterval(Duration.ofSeconds(1))
                .until(() -> deadLetter("customers", shipped.eventId().toString()), Optional::isPresent).orElseThrow();
        assertThat(letter.getString("originSubscription")).isEqualTo("customers");
        assertThat(letter.getString("originalDestination")).isEqualTo("eventshop.warehouse.events");
        assertThat(letter.getString("correlationId")).isEqualTo(orderId);
        assertThat(letter.getString("reason")).contains("redeliveries");

        // The operator fixes the data: the order's history entry, as its OrderPlaced would have made it.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(Stack.DB.update("insert into customers.history_entry (order_id, customer_id, status, total, placed_at, "
                + "updated_at, version) values (?, ?, 'PAID', ?, ?, ?, 0)", orderId, customer.id(), new BigDecimal("10.00"),
                now, now)).isEqualTo(1);
        RestClient.Reply retried = operator.post("api/ops/dead-letters/customers/" + letter.getString("id") + "/retry", "");

        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        await().atMost(Stack.EVENTUAL).untilAsserted(() ->
                assertThat(Stack.DB.query("select status from customers.history_entry where order_id = ?", orderId))
                        .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("SHIPPED")));
        assertThat(deadLetter("customers", shipped.eventId().toString())).isEmpty();
        assertThat(Stack.DB.query("select action from ops.audit_entry where message_id = ?", letter.getString("id")))
                .singleElement().satisfies(row -> assertThat(row.get("action")).isEqualTo("RETRY"));
        assertProblem(operator.post("api/ops/dead-letters/customers/" + letter.getString("id") + "/retry", ""), 404);
    }

    @Test
    void onlyTheOperatorGetsInWhileThePublicApiStaysOpen() {
        RestClient anonymous = Stack.API;
        RestClient wrongPassword = Stack.API.as("operator", "not-the-password");
        for (String path : List.of("api/ops/messaging", "api/ops/dead-letters/orders", "api/ops/audit")) {
            assertThat(anonymous.get(path).status()).as("anonymous GET " + path).isEqualTo(401);
            assertThat(wrongPassword.get(path).status()).as("wrong password GET " + path).isEqualTo(401);
            assertThat(Stack.CLERK.get(path).status()).as("non-operator GET " + path).isEqualTo(403);
            assertThat(operator.get(path).status()).as("operator GET " + path).isEqualTo(200);
        }
        String dryRun = "{\"service\":\"notifications\",\"orderId\":\"" + UUID.randomUUID() + "\",\"dryRun\":true}";
        assertThat(anonymous.post("api/ops/replay", dryRun).status()).isEqualTo(401);
        assertThat(Stack.CLERK.post("api/ops/replay", dryRun).status()).isEqualTo(403);
        assertThat(anonymous.post("api/ops/dead-letters/orders/retry-all", "").status()).isEqualTo(401);
        assertThat(anonymous.delete("api/ops/dead-letters/orders/" + UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(operator.post("api/ops/replay", dryRun).status()).isEqualTo(200);

        assertThat(anonymous.get("api/orders").status()).as("the public API without credentials").isEqualTo(200);
        assertThat(anonymous.get("openapi").status()).isEqualTo(200);
    }

    private Optional<JsonObject> deadLetter(String service, String bodyContains) {
        RestClient.Reply reply = operator.get("api/ops/dead-letters/" + service);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.structure().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(letter -> letter.getString("body", "").contains(bodyContains))
                .findFirst();
    }

    private static Optional<JsonObject> queue(JsonObject overview, String kind, String service) {
        return overview.getJsonArray("queues").stream().map(JsonValue::asJsonObject)
                .filter(queue -> queue.getString("kind").equals(kind) && service.equals(queue.getString("service", null)))
                .findFirst();
    }

    private static long counter(JsonObject overview, String subscription) {
        return queue(overview, "subscription", subscription).orElseThrow().getJsonNumber("messagesAdded").longValue();
    }

    private static void assertProblem(RestClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}

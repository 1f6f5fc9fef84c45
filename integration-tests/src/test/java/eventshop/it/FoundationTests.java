package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.ProductUpdated;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The foundation, end to end: the wiring of Payara, Artemis and PostgreSQL inside XA transactions.
 * Every test asserts on what really happened: HTTP answers, rows in the services' schemas, messages on
 * the broker. Run as a group of {@link EventShopIT}.
 */
abstract class FoundationTests {

    private static final Duration EVENTUAL = Stack.EVENTUAL;
    private static final String WAREHOUSE_EVENTS = "eventshop.warehouse.events";
    private static final String ORDERS_DEAD_LETTERS = "eventshop.orders.dlq";

    private final RestClient api = Stack.API;
    private static final Database DB = Stack.DB;
    private Broker broker;

    @BeforeEach
    void connect() throws JMSException {
        broker = Stack.broker();
    }

    @Test
    void openApiDocumentsEveryPublicEndpoint() {
        RestClient.Reply reply = api.get("openapi");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("/api/customers:", "/api/products/{sku}:", "/api/orders:",
                "/api/orders/{id}/cancel:", "/api/payments:", "/api/notifications:", "PlaceOrderRequest");
    }

    /** Issue 14: each tag once, every error response as problem+json, and a page to try the API. */
    @Test
    void openApiListsEachTagOnceEveryErrorAsAProblemAndCanBeTried() {
        jakarta.json.JsonObject document = api.get("openapi?format=JSON").json();

        assertThat(document.getJsonArray("tags").getValuesAs(jakarta.json.JsonObject.class))
                .extracting(tag -> tag.getString("name")).doesNotHaveDuplicates().contains("operations", "orders");
        List<String> errorResponses = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            operation.asJsonObject().getJsonObject("responses").forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    errorResponses.add(method + " " + path + " " + code + " " + response.asJsonObject()
                            .getJsonObject("content").getJsonObject("application/problem+json")
                            .getJsonObject("schema").getString("$ref"));
                }
            });
        }));
        assertThat(errorResponses).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("#/components/schemas/Problem"));
        assertThat(errorResponses).contains("post /api/orders 413 #/components/schemas/Problem",
                "post /api/customers 400 #/components/schemas/Problem");

        RestClient.Reply page = api.get("api-docs/");
        assertThat(page.status()).isEqualTo(200);
        String script = page.body().replaceAll("(?s).*src=\"\\.\\./(webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\".*", "$1");
        assertThat(api.get(script).status()).as(script).isEqualTo(200);
    }

    @Test
    void productUpdateTravelsThroughTheBrokerToTheOrdersCatalogue() throws Exception {
        String sku = newSku();
        try (MessageConsumer topic = broker.listen(WAREHOUSE_EVENTS)) {
            RestClient.Reply put = api.put("api/products/" + sku, "{\"name\":\"Test mug\",\"price\":12.50,\"stockOnHand\":30}");

            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().getInt("available")).isEqualTo(30);
            assertThat(DB.query("select name, price, stock_on_hand, reserved from warehouse.product where sku = ?", sku))
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row.get("name")).isEqualTo("Test mug");
                        assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("12.50");
                        assertThat(row.get("stock_on_hand")).isEqualTo(30);
                    });

            Message message = nextEventFor(topic, sku);
            assertThat(message.getStringProperty("type")).isEqualTo("ProductUpdated");
            assertThat(message.getIntProperty("version")).isEqualTo(1);
            assertThat(message.getStringProperty("correlationId")).isEqualTo(sku);
            Envelope envelope = EventCodec.parse(Broker.text(message));
            assertThat(envelope.producer()).isEqualTo("warehouse");
            assertThat(EventCodec.payload(envelope, ProductUpdated.class))
                    .isEqualTo(new ProductUpdated(sku, "Test mug", new BigDecimal("12.50"), 30));
        }

        await().atMost(EVENTUAL).untilAsserted(() -> {
            RestClient.Reply get = api.get("api/products/" + sku);
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.json().getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("12.50");
            assertThat(get.json().getInt("available")).isEqualTo(30);
        });
        assertThat(DB.query("select available from orders.catalogue_item where sku = ?", sku))
                .singleElement().extracting(row -> row.get("available")).isEqualTo(30);
    }

    @Test
    void rolledBackUpdateLeavesNeitherTheRowNorTheEvent() throws Exception {
        String sku = newSku();
        assertThat(api.put("api/products/" + sku, "{\"name\":\"Scarce lamp\",\"price\":10.00,\"stockOnHand\":10}").status())
                .isEqualTo(200);
        // Paid orders hold 5 units: the database refuses to let stock on hand fall below that.
        assertThat(DB.update("update warehouse.product set reserved = 5 where sku = ?", sku)).isEqualTo(1);
        String sentinel = newSku();

        try (MessageConsumer topic = broker.listen(WAREHOUSE_EVENTS)) {
            RestClient.Reply refused = api.put("api/products/" + sku, "{\"price\":99.00,\"stockOnHand\":2}");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("stockOnHand");

            // A later, successful update is the marker: everything published before it has arrived.
            assertThat(api.put("api/products/" + sentinel, "{\"name\":\"Marker\",\"price\":1.00,\"stockOnHand\":1}").status())
                    .isEqualTo(200);
            List<String> skusPublished = eventsUntil(topic, sentinel);
            assertThat(skusPublished).as("the refused update's event must have been rolled back").doesNotContain(sku);
        }
        assertThat(DB.query("select price, stock_on_hand from warehouse.product where sku = ?", sku))
                .singleElement()
                .satisfies(row -> {
                    assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("10.00");
                    assertThat(row.get("stock_on_hand")).isEqualTo(10);
                });
    }

    @Test
    void malformedMessageEndsInTheOrdersDeadLetterQueueWithTheReason() throws Exception {
        String marker = UUID.randomUUID().toString();

        broker.publish(WAREHOUSE_EVENTS, "this is not json", Map.of("testMarker", marker));

        try (MessageConsumer deadLetters = broker.consume(ORDERS_DEAD_LETTERS, "testMarker = '" + marker + "'")) {
            Message deadLetter = deadLetters.receive(EVENTUAL.toMillis());
            assertThat(deadLetter).as("dead letter in " + ORDERS_DEAD_LETTERS).isNotNull();
            assertThat(Broker.text(deadLetter)).isEqualTo("this is not json");
            assertThat(deadLetter.getStringProperty("deadLetterReason")).contains("not a JSON object");
            assertThat(deadLetter.getStringProperty("deadLetterOrigin")).isEqualTo("orders");
            assertThat(deadLetter.getStringProperty("originalDestination")).contains(WAREHOUSE_EVENTS);
        }
        // Consumed once, not looping: the orders subscription no longer holds it.
        await().atMost(EVENTUAL).untilAsserted(() ->
                assertThat(broker.browse("eventshop.orders.subscription::orders", "testMarker = '" + marker + "'")).isZero());
    }

    @Test
    void unknownEventTypeIsDeadLetteredNotIgnored() throws Exception {
        String marker = UUID.randomUUID().toString();
        String body = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ProductTeleported\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"producer\":\"warehouse\",\"payload\":{}}";

        broker.publish(WAREHOUSE_EVENTS, body, Map.of("testMarker", marker, "type", "ProductTeleported"));

        try (MessageConsumer deadLetters = broker.consume(ORDERS_DEAD_LETTERS, "testMarker = '" + marker + "'")) {
            Message deadLetter = deadLetters.receive(EVENTUAL.toMillis());
            assertThat(deadLetter).isNotNull();
            assertThat(deadLetter.getStringProperty("deadLetterReason")).contains("unknown message type 'ProductTeleported'");
            assertThat(deadLetter.getStringProperty("type")).isEqualTo("ProductTeleported");
        }
    }

    private static String newSku() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Message nextEventFor(MessageConsumer topic, String sku) throws JMSException {
        long deadline = System.currentTimeMillis() + EVENTUAL.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Message message = topic.receive(1000);
            if (message != null && sku.equals(message.getStringProperty("correlationId"))) {
                return message;
            }
        }
        throw new AssertionError("no event about " + sku + " within " + EVENTUAL);
    }

    /** The skus of every ProductUpdated received, up to and including the sentinel's. */
    private static List<String> eventsUntil(MessageConsumer topic, String sentinel) throws JMSException {
        List<String> skus = new ArrayList<>();
        long deadline = System.currentTimeMillis() + EVENTUAL.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Message message = topic.receive(1000);
            if (message == null) {
                continue;
            }
            String sku = message.getStringProperty("correlationId");
            skus.add(sku);
            if (sentinel.equals(sku)) {
                return skus;
            }
        }
        throw new AssertionError("the sentinel's event never arrived; received " + skus);
    }
}

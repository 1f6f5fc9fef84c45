package eventshop.it;

import static eventshop.it.Stack.EVENTUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches: MicroProfile Health readiness, the Prometheus metrics at /metrics (per service:
 * messages consumed, failed, dead-lettered, processing time, queue depths; orders per status and the age
 * of the oldest open order) and server.log, where one order's id finds what every service did with it.
 */
abstract class ObservabilityTests {

    private static final List<String> SERVICES = Names.SERVICES;
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final RestClient api = Stack.API;
    private final Shop shop = new Shop();

    @Test
    void readinessListsTheApiTheDatabaseAndTheBrokerUp() {
        RestClient.Reply reply = api.get("health/ready");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("UP");
        List<JsonObject> checks = reply.json().getJsonArray("checks").getValuesAs(JsonObject.class);
        assertThat(checks).extracting(check -> check.getString("name") + "=" + check.getString("status"))
                .containsExactlyInAnyOrder("api=UP", "database=UP", "messaging=UP");
        // The messaging check stays UP while the broker is down (the API takes orders then); its data says which.
        assertThat(checks).filteredOn(check -> check.getString("name").equals("messaging")).singleElement()
                .satisfies(check -> {
                    assertThat(check.getJsonObject("data").getString("broker")).isEqualTo("UP");
                    assertThat(check.getJsonObject("data").containsKey("outboxBacklog")).isTrue();
                });
    }

    @Test
    void aShippedOrderIsCountedAndTimedByEveryServiceThatHandledIt() {
        Map<String, Double> consumedBefore = perService("eventshop_messages_consumed");
        Map<String, Double> timedBefore = perService("eventshop_message_processing_seconds_count");

        String orderId = shippedOrder();

        // Each service handled at least one of the order's messages: its counter and its timer grew.
        await().atMost(EVENTUAL).untilAsserted(() -> {
            Map<String, Double> consumed = perService("eventshop_messages_consumed");
            Map<String, Double> timed = perService("eventshop_message_processing_seconds_count");
            for (String service : SERVICES) {
                assertThat(consumed.getOrDefault(service, 0.0)).as("consumed by " + service + " (order " + orderId + ")")
                        .isGreaterThan(consumedBefore.getOrDefault(service, 0.0));
                assertThat(timed.getOrDefault(service, 0.0)).as("processing times of " + service)
                        .isGreaterThan(timedBefore.getOrDefault(service, 0.0));
            }
        });
        assertThat(sum(scrape(), "eventshop_message_processing_seconds_sum", Map.of("service", "orders")))
                .as("time spent by orders").isPositive();
    }

    @Test
    void aPoisonMessageCountsAsDeadLetteredByTheServiceThatRejectedIt() throws Exception {
        Map<String, String> orders = Map.of("service", "orders");
        double before = sum(scrape(), "eventshop_messages_dead_lettered", orders);
        String marker = UUID.randomUUID().toString();

        Stack.broker().publish("eventshop.warehouse.events", "not an envelope", Map.of("testMarker", marker));

        await().atMost(EVENTUAL).untilAsserted(() ->
                assertThat(sum(scrape(), "eventshop_messages_dead_lettered", orders)).isGreaterThan(before));
        // The depth gauge reads the broker: the poison waits in the orders dead-letter queue until taken away.
        await().atMost(EVENTUAL).untilAsserted(() ->
                assertThat(sum(scrape(), "eventshop_dead_letters_waiting", orders)).isGreaterThanOrEqualTo(1));
        try (MessageConsumer deadLetters = Stack.broker().consume("eventshop.orders.dlq", "testMarker = '" + marker + "'")) {
            Message deadLetter = deadLetters.receive(EVENTUAL.toMillis());
            assertThat(deadLetter).isNotNull();
        }
    }

    @Test
    void aMessageWhoseTransactionRollsBackCountsAsFailedAtEachAttempt() throws Exception {
        Map<String, String> orders = Map.of("service", "orders");
        double before = sum(scrape(), "eventshop_messages_failed", orders);
        String marker = UUID.randomUUID().toString();
        // A well-formed ProductUpdated whose sku is longer than the orders catalogue's column: the database
        // refuses the insert, the transaction rolls back and the broker redelivers, until it dead-letters it.
        String sku = "IT-" + "X".repeat(100);
        String body = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ProductUpdated\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"producer\":\"warehouse\",\"correlationId\":\"" + sku + "\","
                + "\"payload\":{\"sku\":\"" + sku + "\",\"name\":\"Too long\",\"price\":1.00,\"available\":1}}";

        Stack.broker().publish("eventshop.warehouse.events", body,
                Map.of("testMarker", marker, "type", "ProductUpdated", "producer", "warehouse"));

        // Redelivered with back-off: two failed attempts at least, each counted.
        await().atMost(EVENTUAL).untilAsserted(() ->
                assertThat(sum(scrape(), "eventshop_messages_failed", orders)).isGreaterThanOrEqualTo(before + 2));
        // Then, once the broker's back-off (topology.yaml: about 4 minutes) is used up, it dead-letters it to the orders
        // dead-letter queue: taken away, not left for others.
        try (MessageConsumer deadLetters = Stack.broker().consume("eventshop.orders.dlq", "testMarker = '" + marker + "'")) {
            assertThat(deadLetters.receive(Stack.DEAD_LETTERED.toMillis())).as("the failing message, dead-lettered by the broker").isNotNull();
        }
    }

    @Test
    void everySubscriptionShowsItsDepthFromTheBroker() {
        await().atMost(EVENTUAL).untilAsserted(() -> {
            List<Sample> samples = scrape();
            for (String service : SERVICES) {
                List<Sample> depth = samples.stream()
                        .filter(s -> s.is("eventshop_subscription_depth") && s.has(Map.of("service", service, "queue", service)))
                        .toList();
                assertThat(depth).as("depth of the " + service + " subscription").singleElement()
                        .satisfies(s -> assertThat(s.value()).isNotNaN().isGreaterThanOrEqualTo(0));
            }
        });
    }

    @Test
    void ordersPerStatusCountTheNewOrderAndTheOldestOpenOrderHasAnAge() {
        String orderId = shippedOrder();
        long shippedInDatabase = (Long) Stack.DB.query("select count(*) as n from orders.orders where status = 'SHIPPED'")
                .get(0).get("n");

        // The gauge is refreshed every few seconds: it catches up with the database, this order included.
        await().atMost(EVENTUAL).untilAsserted(() ->
                assertThat(sum(scrape(), "eventshop_orders", Map.of("status", "SHIPPED")))
                        .as("SHIPPED orders, " + orderId + " included").isGreaterThanOrEqualTo(shippedInDatabase));
        List<Sample> oldest = scrape().stream().filter(s -> s.is("eventshop_oldest_open_order_age_seconds")).toList();
        assertThat(oldest).singleElement().satisfies(s -> assertThat(s.value()).isNotNaN().isGreaterThanOrEqualTo(0));
    }

    @Test
    void theOrdersOutboxIsDrainedAndItsBacklogIsAMetric() {
        String orderId = shippedOrder();

        // The order's OrderPlaced (a request's event) was journaled with an outbox row and sent by the relay,
        // which deletes the row in the transaction that sends it.
        List<Map<String, Object>> journaled = Stack.DB.query(
                "select type, position from orders.event_journal where correlation_id = ? order by position", orderId);
        assertThat(journaled).extracting(row -> row.get("type")).contains("OrderPlaced");
        assertThat(Stack.DB.query("select o.position from orders.outbox o join orders.event_journal j on j.position = o.position"
                + " where j.correlation_id = ?", orderId)).as("events of " + orderId + " still waiting in the outbox").isEmpty();
        // One gauge per producer with an outbox: every service a request of the API makes publish.
        List<Sample> pending = scrape().stream().filter(s -> s.is("eventshop_outbox_pending")).toList();
        assertThat(pending).extracting(s -> s.labels().get("producer"))
                .containsExactlyInAnyOrder("orders", "customers", "warehouse");
        assertThat(pending).allSatisfy(s -> assertThat(s.value()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void oneSearchForAnOrderIdFindsTheLinesOfEveryServiceAboutIt() throws IOException {
        String orderId = shippedOrder();
        Path serverLog = Path.of(System.getProperty("it.server.log"));
        Pattern service = Pattern.compile("\\[service=(\\w+) .*correlationId=" + Pattern.quote(orderId));

        await().atMost(EVENTUAL).untilAsserted(() -> {
            Set<String> services = Files.readAllLines(serverLog, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(orderId))
                    .map(service::matcher)
                    .filter(Matcher::find)
                    .map(matcher -> matcher.group(1))
                    .collect(Collectors.toSet());
            assertThat(services).as("services whose log lines carry correlationId=" + orderId + " in " + serverLog)
                    .hasSizeGreaterThanOrEqualTo(4);
        });
    }

    private String shippedOrder() {
        Shop.Customer customer = shop.newCustomer("Olga Observer");
        String sku = shop.stockedProduct(new BigDecimal("7.50"), 5);
        String orderId = shop.placedOrderId(customer, sku, 1, Shop.APPROVED_CARD);
        shop.awaitStatus(orderId, "SHIPPED");
        return orderId;
    }

    /** One sample of the Prometheus text format. */
    record Sample(String name, Map<String, String> labels, double value) {

        /** The metric, whatever prefix or suffix the exporter adds (application_, _total). */
        boolean is(String metric) {
            return name.equals(metric) || name.equals(metric + "_total")
                    || name.equals("application_" + metric) || name.equals("application_" + metric + "_total");
        }

        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    private List<Sample> scrape() {
        RestClient.Reply reply = api.get("metrics");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        return reply.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(SAMPLE::matcher).filter(Matcher::find)
                .map(m -> new Sample(m.group(1), labels(m.group(3)), Double.parseDouble(m.group(4))))
                .toList();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }

    private static double sum(List<Sample> samples, String metric, Map<String, String> labels) {
        return samples.stream().filter(s -> s.is(metric) && s.has(labels)).mapToDouble(Sample::value).sum();
    }

    /** The metric's value per service (summed over a service's queues). */
    private Map<String, Double> perService(String metric) {
        return scrape().stream().filter(s -> s.is(metric) && s.labels().containsKey("service"))
                .collect(Collectors.groupingBy(s -> s.labels().get("service"), Collectors.summingDouble(Sample::value)));
    }
}

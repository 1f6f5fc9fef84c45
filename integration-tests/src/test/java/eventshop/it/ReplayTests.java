package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replay: every published event is journaled by its producer in the publishing transaction, and an
 * operator can send a range of the journals again to ONE service's subscription; the subscriber's
 * idempotency makes a repeated replay harmless. The proof: the notifications subscription loses its
 * messages (paused, then purged, as an operator's mistake or a lost queue would), a replay restores the
 * missing emails, a second replay adds none. Run as a group of {@link EventShopIT}.
 */
abstract class ReplayTests {

    private static final String NOTIFICATIONS = "notifications";
    private static final String CUSTOMERS = "customers";
    private static final String OUTBOX = "eventshop.notifications.outbox";
    private static final String DEAD_LETTERS = "eventshop.notifications.dlq";
    private static final List<String> REPLAYED_EMAILS = List.of(
            "Order received", "Order received", "Order shipped", "Order shipped");

    private final Shop shop = new Shop();
    private final RestClient api = Stack.API;
    private Broker broker;

    @BeforeEach
    void connect() throws JMSException {
        broker = Stack.broker();
    }

    @Test
    void replayRestoresTheEmailsAPurgedSubscriptionLostAndASecondReplayAddsNone() throws Exception {
        Shop.Customer ivy = shop.newCustomer("Ivy Replay");
        String sku = shop.stockedProduct(new BigDecimal("8.00"), 10);
        Instant from = Instant.now();

        List<String> orderIds;
        pause(NOTIFICATIONS);
        try {
            orderIds = List.of(shop.placedOrderId(ivy, sku, 1, Shop.APPROVED_CARD),
                    shop.placedOrderId(ivy, sku, 2, Shop.APPROVED_CARD));
            orderIds.forEach(orderId -> shop.awaitStatus(orderId, "SHIPPED"));
            // Both orders' OrderPlaced and OrderShipped wait in the stopped subscription: lose them.
            await().atMost(Stack.EVENTUAL).until(() -> broker.browse(subscription(NOTIFICATIONS),
                    ofOrders(orderIds) + " AND type IN ('OrderPlaced', 'OrderShipped')") == 4);
            broker.removeAll(NOTIFICATIONS);
        } finally {
            resume(NOTIFICATIONS);
        }
        Instant to = Instant.now();
        // Nothing is left that could notify about these orders: the emails are missing.
        assertThat(notificationRows(orderIds)).isZero();
        assertThat(Mailbox.subjects(ivy.email())).isEmpty();
        String window = "\"service\":\"notifications\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"";

        List<JsonObject> replayed;
        // Stopped again, the subscriptions show what each replay put into them, before anything is consumed.
        pause(NOTIFICATIONS);
        pause(CUSTOMERS);
        try {
            RestClient.Reply dryRun = replay("{" + window + ",\"dryRun\":true}");
            assertThat(dryRun.json().getBoolean("dryRun")).isTrue();
            List<JsonObject> listed = events(dryRun);
            assertThat(listed).filteredOn(event -> orderIds.contains(event.getString("correlationId")))
                    .extracting(event -> event.getString("type"), event -> event.getString("producer"))
                    .contains(tuple("OrderPlaced", "orders"), tuple("OrderShipped", "warehouse"));
            assertThat(listed).filteredOn(event -> orderIds.contains(event.getString("correlationId")))
                    .filteredOn(event -> List.of("OrderPlaced", "OrderShipped").contains(event.getString("type")))
                    .hasSize(4);
            assertThat(copiesIn(NOTIFICATIONS)).as("a dry run sends nothing").isZero();

            RestClient.Reply sent = replay("{" + window + ",\"dryRun\":false}");
            replayed = events(sent);
            assertThat(sent.json().getBoolean("dryRun")).isFalse();
            assertThat(replayed).isEqualTo(listed);
            assertThat(copiesIn(NOTIFICATIONS)).as("every listed event is sent to the subscription")
                    .isEqualTo(replayed.size());
            assertThat(copiesIn(CUSTOMERS)).as("and to no other subscription").isZero();
        } finally {
            resume(CUSTOMERS);
            resume(NOTIFICATIONS);
        }
        await().atMost(Stack.EVENTUAL).untilAsserted(() ->
                assertThat(Mailbox.subjects(ivy.email())).containsExactlyInAnyOrderElementsOf(REPLAYED_EMAILS));
        assertThat(notificationRows(orderIds)).isEqualTo(4);

        pause(NOTIFICATIONS);
        try {
            RestClient.Reply again = replay("{" + window + ",\"dryRun\":false}");
            assertThat(events(again)).isEqualTo(replayed);
            // The broker takes the copies again (no duplicate-detection id): only the subscriber's
            // processed-message record can keep them from having an effect.
            assertThat(copiesIn(NOTIFICATIONS)).isEqualTo(replayed.size());
        } finally {
            resume(NOTIFICATIONS);
        }
        awaitEveryCopyHandled(NOTIFICATIONS);
        assertThat(notificationRows(orderIds)).as("no notification for an event processed before").isEqualTo(4);
        assertThat(broker.browse(DEAD_LETTERS, ofOrders(orderIds) + " AND replayedTo IS NOT NULL"))
                .as("skipped, not failed").isZero();
        await().atMost(Stack.EVENTUAL).until(() -> broker.browse(OUTBOX, ofOrders(orderIds)) == 0);
        assertThat(Mailbox.subjects(ivy.email())).containsExactlyInAnyOrderElementsOf(REPLAYED_EMAILS);
    }

    @Test
    void everyEventOfOneOrderIsListedInTheOrderItOccurredAndCanBeNarrowedToOneJournalEntry() {
        Shop.Customer jon = shop.newCustomer("Jon Journal");
        String sku = shop.stockedProduct(new BigDecimal("3.00"), 5);
        String orderId = shop.placedOrderId(jon, sku, 1, Shop.APPROVED_CARD);
        shop.awaitStatus(orderId, "SHIPPED");

        List<JsonObject> events = events(replay("{\"service\":\"customers\",\"orderId\":\"" + orderId + "\",\"dryRun\":true}"));

        assertThat(events).allSatisfy(event -> assertThat(event.getString("correlationId")).isEqualTo(orderId));
        assertThat(events).extracting(event -> event.getString("type"))
                .containsSubsequence("OrderPlaced", "PaymentTaken", "OrderShipped");
        assertThat(events).extracting(event -> Instant.parse(event.getString("occurredAt"))).isSorted();
        assertThat(events).extracting(event -> event.getString("producer")).containsOnly("orders", "payments", "warehouse");
        for (JsonObject event : events) {
            assertThat(Stack.DB.query("select event_id from " + event.getString("producer") + ".event_journal where position = ?",
                    event.getJsonNumber("position").longValue()))
                    .singleElement().extracting(row -> row.get("event_id")).isEqualTo(event.getString("eventId"));
        }

        JsonObject taken = events.stream().filter(event -> event.getString("type").equals("PaymentTaken")).findFirst().orElseThrow();
        long position = taken.getJsonNumber("position").longValue();
        List<JsonObject> one = events(replay("{\"service\":\"customers\",\"producer\":\"payments\",\"fromPosition\":"
                + position + ",\"toPosition\":" + position + ",\"dryRun\":true}"));
        assertThat(one).containsExactly(taken);
        assertThat(events(replay("{\"service\":\"customers\",\"orderId\":\"" + orderId
                + "\",\"type\":\"OrderShipped\",\"dryRun\":true}")))
                .singleElement().extracting(event -> event.getString("producer")).isEqualTo("warehouse");
    }

    @Test
    void anEventIsJournaledWithItsSendAndNotWhenItsTransactionRollsBack() throws Exception {
        String sku = "IT-" + Shop.shortId();
        try (MessageConsumer topic = broker.listen("eventshop.warehouse.events")) {
            assertThat(api.put("api/products/" + sku, "{\"name\":\"Journal lamp\",\"price\":10.00,\"stockOnHand\":10}")
                    .status()).isEqualTo(200);
            Message published = topic.receive(Stack.EVENTUAL.toMillis());
            assertThat(published).isNotNull();
            Envelope envelope = EventCodec.parse(Broker.text(published));
            assertThat(Stack.DB.query("select event_id, type, version, correlation_id, group_id, destination, body "
                    + "from warehouse.event_journal where correlation_id = ?", sku))
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("event_id")).isEqualTo(envelope.eventId().toString());
                        assertThat(row.get("type")).isEqualTo("ProductUpdated");
                        assertThat(row.get("version")).isEqualTo(1);
                        assertThat(row.get("group_id")).isEqualTo(sku);
                        assertThat(row.get("destination")).isEqualTo("eventshop.warehouse.events");
                        assertThat(row.get("body")).isEqualTo(Broker.text(published));
                    });
        }
        // Paid orders hold 5 units: the database refuses to let stock on hand fall below that, after the
        // event was published and journaled in the same transaction.
        assertThat(Stack.DB.update("update warehouse.product set reserved = 5 where sku = ?", sku)).isEqualTo(1);

        assertThat(api.put("api/products/" + sku, "{\"price\":99.00,\"stockOnHand\":2}").status()).isEqualTo(409);

        assertThat(Stack.DB.query("select event_id from warehouse.event_journal where correlation_id = ?", sku))
                .as("the refused update's event is not journaled").hasSize(1);
    }

    @Test
    void badReplayRequestsNameTheirFields() {
        assertProblem(replay("{}"), 400, "dryRun", "service");
        assertProblem(replay("{\"service\":\"notifications\",\"dryRun\":true,\"from\":\"yesterday\",\"fromPosition\":0,"
                + "\"type\":\"OrderTeleported\"}"), 400, "from", "fromPosition", "type");
        assertProblem(replay("{\"service\":\"notifications\",\"dryRun\":true,\"fromPosition\":5,\"toPosition\":2,"
                + "\"from\":\"2026-01-02T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}"), 400, "to", "toPosition");
        assertProblem(replay("{not json"), 400);
        assertProblem(replay("{\"service\":\"gateway\",\"dryRun\":true}"), 422, "service");
        assertProblem(replay("{\"service\":\"payments\",\"producer\":\"customers\",\"dryRun\":true}"), 422, "producer");
    }

    private RestClient.Reply replay(String body) {
        return Stack.OPERATOR.post("api/ops/replay", body);
    }

    private static List<JsonObject> events(RestClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonObject> events = reply.json().getJsonArray("events").getValuesAs(JsonObject.class);
        assertThat(reply.json().getInt("count")).isEqualTo(events.size());
        return events;
    }

    private static void assertProblem(RestClient.Reply reply, int status, String... fields) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getInt("status")).isEqualTo(status);
        if (fields.length > 0) {
            assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                    .extracting(error -> error.getString("field")).containsExactly(fields);
        }
    }

    /** The shared durable subscription's queue, by its fully qualified name. */
    private static String subscription(String name) {
        return "eventshop." + name + ".subscription::" + name;
    }

    /** Replayed copies waiting in a subscription (a replay marks each copy with its target). */
    private int copiesIn(String name) throws JMSException {
        return broker.browse(subscription(name), "replayedTo IS NOT NULL");
    }

    /**
     * Until no replayed copy waits in the subscription and none is being delivered or waits for a
     * redelivery: each one has been consumed (or dead-lettered), its transaction over.
     */
    private void awaitEveryCopyHandled(String name) {
        await().atMost(Stack.EVENTUAL).until(() -> copiesIn(name) == 0
                && broker.counter(name, "DeliveringCount") == 0
                && broker.counter(name, "ScheduledCount") == 0);
    }

    /** The subscription's consumers stay connected and receive nothing until it is resumed. */
    private void pause(String name) throws Exception {
        broker.pause(name);
    }

    private void resume(String name) throws Exception {
        broker.resume(name);
    }

    private static String ofOrders(List<String> orderIds) {
        return "correlationId IN (" + orderIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + ")";
    }

    private static int notificationRows(List<String> orderIds) {
        return Stack.DB.query("select id from notifications.notification where order_id in ("
                + orderIds.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")", orderIds.toArray()).size();
    }
}

package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The transactional outboxes (ejb-module: eventshop.platform.messaging.Outbox, OutboxRelay, OutboxBatch,
 * OutboxSweep): the events a request causes (orders: OrderPlaced, the customer's OrderCancelled; customers:
 * CustomerRegistered; warehouse: a product change's ProductUpdated) commit with the request's rows in PostgreSQL
 * alone, journaled with a row in their producer's outbox, and the relay publishes them afterwards, in journal order,
 * deleting each row in the XA transaction that sends its event.
 */
abstract class OutboxTests {

    private static final String ORDERS_EVENTS = "eventshop.orders.events";
    private static final Database DB = Stack.DB;
    private final Shop shop = new Shop();

    /**
     * Orders placed and cancelled at once: each order's events reach the orders topic once each, in the order of
     * the orders service's journal, with the message group (the order id) and the duplicate id (the event id) a
     * send in the request's transaction had; nothing is left in the outbox; and the orders complete.
     */
    @Test
    void theEventsOfARequestAreSentFromTheOutboxOnceEachInJournalOrder() throws Exception {
        Shop.Customer olga = shop.newCustomer("Olga Outbox");
        String sku = shop.stockedProduct(new BigDecimal("3.00"), 50);
        List<String> orderIds = new ArrayList<>();
        List<Message> received = new ArrayList<>();
        try (MessageConsumer orders = Stack.broker().listen(ORDERS_EVENTS)) {
            for (int i = 0; i < 6; i++) {
                String orderId = shop.placedOrderId(olga, sku, 1, Shop.APPROVED_CARD);
                orderIds.add(orderId);
                if (i % 2 == 0) {
                    // At once, so that the cancel's OrderCancelled may wait in the outbox behind the OrderPlaced.
                    assertThat(shop.cancel(orderId).status()).isEqualTo(202);
                }
            }
            for (String orderId : orderIds) {
                shop.awaitTerminal(orderId);
            }
            // Everything the requests journaled has left the outbox; each event is then on the topic (the relay
            // commits the send and the deletion together), and a copy sent twice would have arrived before it.
            await("the outbox drained of these orders").atMost(Stack.EVENTUAL)
                    .until(() -> waitingInTheOutbox(orderIds).isEmpty());
            Set<String> expected = new HashSet<>(journaledEventIds(orderIds));
            Set<String> seen = new HashSet<>();
            await("every journaled event on the topic").atMost(Stack.EVENTUAL).until(() -> {
                Message message = orders.receive(500);
                if (message != null && orderIds.contains(message.getStringProperty("correlationId"))) {
                    received.add(message);
                    seen.add(envelope(message).eventId().toString());
                }
                return seen.containsAll(expected);
            });
            Message extra;
            while ((extra = orders.receiveNoWait()) != null) {
                if (orderIds.contains(extra.getStringProperty("correlationId"))) {
                    received.add(extra);
                }
            }
        }

        for (String orderId : orderIds) {
            List<Map<String, Object>> journal = DB.query("select event_id, type from orders.event_journal "
                    + "where correlation_id = ? order by position", orderId);
            List<Message> ofOrder = new ArrayList<>();
            for (Message message : received) {
                if (orderId.equals(message.getStringProperty("correlationId"))) {
                    ofOrder.add(message);
                }
            }
            assertThat(eventIds(ofOrder)).as("events of order " + orderId + " on the topic, in the order received")
                    .containsExactlyElementsOf(journal.stream().map(row -> (String) row.get("event_id")).toList());
            for (Message message : ofOrder) {
                assertThat(message.getStringProperty("JMSXGroupID")).as("message group").isEqualTo(orderId);
                assertThat(message.getStringProperty(Broker.DUPLICATE_ID)).as("duplicate id")
                        .isEqualTo(envelope(message).eventId().toString());
                assertThat(message.getStringProperty("producer")).isEqualTo("orders");
            }
            List<String> types = journal.stream().map(row -> (String) row.get("type")).toList();
            assertThat(types).first().isEqualTo("OrderPlaced");
            if (orderIds.indexOf(orderId) % 2 == 0) {
                assertThat(types).containsSubsequence("OrderPlaced", "OrderCancelled");
                assertThat(shop.order(orderId).getString("status")).isEqualTo("CANCELLED");
            } else {
                assertThat(shop.order(orderId).getString("status")).isEqualTo("SHIPPED");
            }
        }
    }

    /**
     * A relay that died after the broker committed its batch but before the database did, left unresolved (what XA
     * recovery normally prevents; forced here by putting a sent event's row back in the outbox, with no commit that
     * would wake the relay): the periodic sweep finds the row and sends the event again under the same duplicate id;
     * the broker refuses the copy (Artemis rejects the whole transaction), the relay finds the refused event alone
     * and sets it aside with a SEVERE log line saying how to replay it, and the events behind it go on. No service
     * sees the event twice.
     */
    @Test
    void anEventSentBeforeAndLeftInTheOutboxIsRefusedByTheBrokerAndSetAsideWithoutHoldingUpTheOthers() throws Exception {
        Shop.Customer sven = shop.newCustomer("Sven Sweep");
        String sku = shop.stockedProduct(new BigDecimal("2.50"), 10);
        String orderId = shop.placedOrderId(sven, sku, 1, Shop.APPROVED_CARD);
        shop.awaitStatus(orderId, "SHIPPED");
        List<String> timelineBefore = Shop.timeline(shop.order(orderId));
        Map<String, Object> placed = DB.query("select position, event_id from orders.event_journal "
                + "where correlation_id = ? and type = 'OrderPlaced'", orderId).get(0);

        try (MessageConsumer orders = Stack.broker().listen(ORDERS_EVENTS)) {
            assertThat(DB.update("insert into orders.outbox (position) values (?)", placed.get("position"))).isEqualTo(1);
            await("the sweep taking the row left in the outbox").atMost(Stack.EVENTUAL)
                    .until(() -> DB.query("select position from orders.outbox where position = ?", placed.get("position")).isEmpty());

            // A later order's OrderPlaced on the topic: the copy, sent before it in journal order, would be there first.
            String later = shop.placedOrderId(sven, sku, 1, Shop.APPROVED_CARD);
            List<String> seen = new ArrayList<>();
            await("the later order's OrderPlaced").atMost(Stack.EVENTUAL).until(() -> {
                Message message = orders.receive(500);
                if (message != null) {
                    seen.add(message.getStringProperty("correlationId") + " " + message.getStringProperty("type"));
                }
                return seen.contains(later + " OrderPlaced");
            });
            assertThat(seen).as("the copy dropped by the broker's duplicate detection").doesNotContain(orderId + " OrderPlaced");
            shop.awaitStatus(later, "SHIPPED");
        }
        assertThat(Shop.timeline(shop.order(orderId))).isEqualTo(timelineBefore);
        assertThat(Files.readAllLines(Path.of(System.getProperty("it.server.log"))))
                .as("the SEVERE line about the event set aside")
                .anySatisfy(line -> assertThat(line).contains("The broker refused OrderPlaced " + placed.get("event_id")));
        assertThat(shop.payments(orderId)).hasSize(1);
    }

    /**
     * The other requests that publish, a registration (customers: CustomerRegistered) and a product change
     * (warehouse: ProductUpdated), go through their producer's outbox the same way: each event is journaled, reaches
     * its producer's topic once, as its producer, with its event id as the duplicate id and its message group, and
     * leaves no row in the outbox; the subscribers act on it (the orders service sells the product, to the customer).
     */
    @Test
    void aRegistrationAndAProductChangeAreSentFromTheirProducersOutboxes() throws Exception {
        String sku;
        Shop.Customer una;
        Map<String, Message> received = new java.util.HashMap<>();
        try (MessageConsumer customers = Stack.broker().listen("eventshop.customers.events");
             MessageConsumer warehouse = Stack.broker().listen("eventshop.warehouse.events")) {
            una = shop.newCustomer("Una Outbox");
            sku = shop.stockedProduct(new BigDecimal("4.00"), 10);
            String sku0 = sku;
            String customerId = una.id();
            await("both events on their topics").atMost(Stack.EVENTUAL).until(() -> {
                for (MessageConsumer consumer : List.of(customers, warehouse)) {
                    Message message = consumer.receive(200);
                    if (message != null && List.of(customerId, sku0).contains(message.getStringProperty("correlationId"))) {
                        received.merge(message.getStringProperty("correlationId"), message, (first, second) -> {
                            throw new AssertionError("a second copy of " + first);
                        });
                    }
                }
                return received.size() == 2;
            });
            Message extra;
            while ((extra = customers.receive(500)) != null) {
                assertThat(extra.getStringProperty("correlationId")).as("a second copy").isNotEqualTo(customerId);
            }
            while ((extra = warehouse.receiveNoWait()) != null) {
                assertThat(extra.getStringProperty("correlationId")).as("a second copy").isNotEqualTo(sku0);
            }
        }
        for (String[] expected : List.of(new String[] {"customers", una.id(), "CustomerRegistered"},
                new String[] {"warehouse", sku, "ProductUpdated"})) {
            String producer = expected[0];
            String correlationId = expected[1];
            List<Map<String, Object>> journal = DB.query("select position, event_id, type from " + producer
                    + ".event_journal where correlation_id = ?", correlationId);
            assertThat(journal).as(producer + "'s journal").singleElement()
                    .satisfies(row -> assertThat(row.get("type")).isEqualTo(expected[2]));
            Message message = received.get(correlationId);
            assertThat(envelope(message).eventId().toString()).isEqualTo(journal.get(0).get("event_id"));
            assertThat(message.getStringProperty(Broker.DUPLICATE_ID)).as("duplicate id")
                    .isEqualTo(journal.get(0).get("event_id"));
            assertThat(message.getStringProperty("producer")).isEqualTo(producer);
            assertThat(message.getStringProperty("type")).isEqualTo(expected[2]);
            assertThat(message.getStringProperty("JMSXGroupID")).as("message group").isEqualTo(correlationId);
            assertThat(DB.query("select position from " + producer + ".outbox where position = ?",
                    journal.get(0).get("position"))).as("left in the outbox of " + producer).isEmpty();
            // Sent by the relay (EventPublisher.sendJournaled's line), not in the request's transaction.
            assertThat(Files.readAllLines(Path.of(System.getProperty("it.server.log")))).as("the relay's line")
                    .anySatisfy(line -> assertThat(line).contains(producer + " sends from its outbox " + expected[2] + " "
                            + journal.get(0).get("event_id")));
        }
        assertThat(shop.awaitTerminal(shop.placedOrderId(una, sku, 1, Shop.APPROVED_CARD)).getString("status"))
                .isEqualTo("SHIPPED");
    }

    private static List<String> waitingInTheOutbox(List<String> orderIds) {
        List<String> waiting = new ArrayList<>();
        for (String orderId : orderIds) {
            DB.query("select o.position from orders.outbox o join orders.event_journal j on j.position = o.position "
                    + "where j.correlation_id = ?", orderId).forEach(row -> waiting.add(orderId));
        }
        return waiting;
    }

    private static List<String> journaledEventIds(List<String> orderIds) {
        List<String> ids = new ArrayList<>();
        for (String orderId : orderIds) {
            DB.query("select event_id from orders.event_journal where correlation_id = ?", orderId)
                    .forEach(row -> ids.add((String) row.get("event_id")));
        }
        return ids;
    }

    private static List<String> eventIds(List<Message> messages) throws JMSException {
        List<String> ids = new ArrayList<>();
        for (Message message : messages) {
            ids.add(envelope(message).eventId().toString());
        }
        return ids;
    }

    private static Envelope envelope(Message message) throws JMSException {
        return EventCodec.parse(Broker.text(message));
    }
}

package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.events.Envelope;
import eventshop.events.Event;
import eventshop.events.EventCodec;
import eventshop.events.OrderCancelled;
import eventshop.events.PlacedLine;
import eventshop.events.OrderMessage;
import eventshop.events.OrderPlaced;
import eventshop.events.PaymentAuthorizationResult;
import eventshop.events.PaymentTaken;
import eventshop.events.SendNotification;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The messaging guarantees, each proven against the real broker, server and database:
 * <ol>
 * <li>atomicity: a listener's rows, the events it publishes and the consumption of its message commit
 *     together or not at all, proven with the test-only fault that fails a transaction after the
 *     handler ran (server property eventshop.test.fault-injection, on in the test profile only);</li>
 * <li>idempotency: a message delivered twice, because it was sent twice or redelivered after a rollback,
 *     has one effect; the broker drops a copy that has the same duplicate id;</li>
 * <li>poison and failing messages: a message that can never succeed is dead-lettered by each consumer at
 *     once, with the reason and its original body and properties; one that keeps failing is retried with
 *     the back-off of jms-config/broker.xml and then ends in the consuming service's dead-letter queue;</li>
 * <li>no acknowledgement outside its transaction: the broker refuses one that an XA session sends with no
 *     transaction started (broker-plugin/: what the resource adapter does when Payara failed to enlist an
 *     MDB's session), and the message stays for another delivery, however often that happens: a refusal is
 *     not counted against the message's delivery attempts (issue 19).</li>
 * </ol>
 *
 * <p>To fail a real event in a service, a test holds the event back: it pauses the service's subscription
 * (the operator's pause in the broker console), lets the flow publish the event, takes the event out of
 * the paused queue and hands a copy back, carrying the fault, before resuming.
 */
abstract class GuaranteeTests {

    private static final String ORDERS_EVENTS = "eventshop.orders.events";
    private static final String PAYMENTS_EVENTS = "eventshop.payments.events";
    private static final String WAREHOUSE_EVENTS = "eventshop.warehouse.events";
    private static final String OUTBOX = "eventshop.notifications.outbox";
    /** The address of every service's subscription queue (see the MDBs). */
    /** A subscription's address; every eventshop.<service>.subscription has the same address settings. */
    private static final String SUBSCRIPTIONS_ADDRESS = "eventshop.orders.subscription";
    private static final String UNROUTED_DEAD_LETTERS = "eventshop.dlq";

    /** The test-only fault (ejb-module: eventshop.platform.messaging.FaultInjection). */
    private static final String FAULT = "eventshopFault";
    private static final String FAULT_DELIVERIES = "eventshopFaultDeliveries";
    private static final String AFTER_HANDLING = "after-handling";
    /** More deliveries than any destination allows: the fault never lets the message through. */
    private static final int ALWAYS = 1000;

    private static final String MARKER = "testMarker";

    private static final Database DB = Stack.DB;
    private final Shop shop = new Shop();
    private Broker broker;

    @BeforeEach
    void connect() throws JMSException {
        broker = Stack.broker();
    }

    // ------------------------------------------------------------------------------------------------
    // 1. Atomicity

    /**
     * PaymentTaken fails after handling in orders, warehouse and customers, on every delivery. Each attempt
     * wrote rows (order PAID with its timeline entry, the reservation and its shipment, the history entry
     * PAID, the processed-message records) and the warehouse published ProductUpdated; none of it may
     * remain, and the message must end in each service's dead-letter queue after the configured attempts.
     */
    @Test
    void everyRolledBackAttemptLeavesNoRowAndNoEvent() throws Exception {
        Shop.Customer ida = knownCustomer("Ida Atomic");
        String sku = shop.stockedProduct(new BigDecimal("4.00"), 10);
        String marker = UUID.randomUUID().toString();
        Instant resumed;
        Envelope taken;
        Map<String, Object> sent;

        try (MessageConsumer warehouseEvents = broker.listen(WAREHOUSE_EVENTS)) {
            Held held;
            try (Paused paused = new Paused("orders", "warehouse", "customers");
                 MessageConsumer payments = broker.listen(PAYMENTS_EVENTS)) {
                String orderId = shop.placedOrderId(ida, sku, 3, Shop.APPROVED_CARD);
                held = paused.holdBack(payments, "PaymentTaken", orderId);
                taken = held.envelope();
                sent = broker.republish(held.message(), PAYMENTS_EVENTS, fault(ALWAYS, marker));
                resumed = Instant.now();
            }

            String orderId = taken.correlationId();
            Duration allAttempts = backOff(SUBSCRIPTIONS_ADDRESS, maxDeliveryAttempts(SUBSCRIPTIONS_ADDRESS) - 1);
            for (String service : List.of("orders", "warehouse", "customers")) {
                Message deadLetter = receiveDeadLetter(service, marker, allAttempts);
                assertThat(Duration.between(resumed, Instant.now()))
                        .as("dead-lettered only after every attempt and its back-off").isGreaterThanOrEqualTo(allAttempts);
                assertThat(Broker.text(deadLetter)).isEqualTo(Broker.text(held.message()));
                assertThat(Broker.producerProperties(deadLetter)).containsAllEntriesOf(sent);
                assertMarkedByTheBroker(deadLetter, service);
                assertGone(service, marker);
            }

            // Nothing of any attempt committed.
            JsonObject order = shop.order(orderId);
            assertThat(order.getString("status")).isEqualTo("PLACED");
            assertThat(Shop.timeline(order)).containsExactly("PLACED OrderPlaced orders");
            assertThat(history(orderId)).containsExactly("PLACED");
            assertThat(DB.query("select id from warehouse.shipment where order_id = ?", orderId)).isEmpty();
            assertThat(DB.query("select status from warehouse.pending_order where order_id = ?", orderId))
                    .singleElement().extracting(row -> row.get("status")).isEqualTo("AWAITING_PAYMENT");
            assertThat(Shop.stock(sku)).containsExactly(10, 0);
            for (String service : List.of("orders", "warehouse", "customers")) {
                assertThat(processed(service, taken.eventId())).as(service + " processed PaymentTaken").isEmpty();
            }
            // ... and no event: of all the warehouse published up to a later event of its own, none has this cause.
            String sentinel = shop.stockedProduct(new BigDecimal("1.00"), 1);
            assertThat(eventsCausedBy(warehouseEvents, taken.eventId(), message -> sentinel.equals(correlationId(message))))
                    .as("events published by the rolled-back attempts").isEmpty();
        }
    }

    /**
     * A transient failure: PaymentTaken fails after handling on its first two deliveries in orders,
     * warehouse and customers. The broker redelivers it with back-off; the third delivery succeeds, and the
     * order goes on to be shipped with exactly one of each effect.
     */
    @Test
    void aTransientFailureIsRetriedWithBackOffAndTheThirdDeliveryHasExactlyOneEffect() throws Exception {
        retriedUntilItPasses("Jon Transient", 2);
    }

    /**
     * Issue 19: a transient fault may last as long as a restart (after a broker restart the outbound pools failed
     * for ~70 s; an event that overtook its in-doubt OrderPlaced waits for Payara's commit retry, every 60 s), and the
     * 5 deliveries over 15 s the subscriptions had dead-lettered such messages in the full chaos run. The attempts
     * must span more than a broker or Payara restart (99-115 s in the full runs), and a message failing its first 6
     * deliveries (63 s of back-off, more than the old 5 attempts) must still pass, once.
     */
    @Test
    void aTransientFaultAsLongAsARestartDoesNotUseUpTheRedeliveries() throws Exception {
        assertThat(backOff(SUBSCRIPTIONS_ADDRESS, maxDeliveryAttempts(SUBSCRIPTIONS_ADDRESS) - 1))
                .as("first to last delivery of a subscription's message").isGreaterThan(Duration.ofSeconds(2 * 115));
        retriedUntilItPasses("Tim Restart", 6);
    }

    /** PaymentTaken fails after handling on its first deliveries in orders, warehouse and customers, then passes. */
    private void retriedUntilItPasses(String customer, int failing) throws Exception {
        Shop.Customer jon = knownCustomer(customer);
        String sku = shop.stockedProduct(new BigDecimal("6.00"), 10);
        Instant resumed;
        Envelope taken;

        try (MessageConsumer warehouseEvents = broker.listen(WAREHOUSE_EVENTS)) {
            try (Paused paused = new Paused("orders", "warehouse", "customers");
                 MessageConsumer payments = broker.listen(PAYMENTS_EVENTS)) {
                String orderId = shop.placedOrderId(jon, sku, 2, Shop.APPROVED_CARD);
                Held held = paused.holdBack(payments, "PaymentTaken", orderId);
                taken = held.envelope();
                broker.republish(held.message(), PAYMENTS_EVENTS, fault(failing, UUID.randomUUID().toString()));
                resumed = Instant.now();
            }
            String orderId = taken.correlationId();

            Duration backOff = backOff(SUBSCRIPTIONS_ADDRESS, failing);
            await().atMost(Stack.EVENTUAL.plus(backOff)).until(() -> "SHIPPED".equals(shop.order(orderId).getString("status")));
            JsonObject order = shop.order(orderId);
            assertThat(Shop.timeline(order)).containsExactly(
                    "PLACED OrderPlaced orders", "PAID PaymentTaken payments", "SHIPPED OrderShipped warehouse");
            for (String service : List.of("orders", "warehouse", "customers")) {
                assertThat(processed(service, taken.eventId())).as(service + ": processed once, on delivery " + (failing + 1))
                        .singleElement().satisfies(row -> {
                            assertThat(row.get("delivery_count")).isEqualTo(failing + 1);
                            assertThat(Duration.between(resumed, ((Timestamp) row.get("processed_at")).toInstant()))
                                    .as("after the back-off of the failed deliveries").isGreaterThanOrEqualTo(backOff);
                        });
            }
            assertThat(DB.query("select id from warehouse.shipment where order_id = ?", orderId)).hasSize(1);
            assertThat(Shop.stock(sku)).containsExactly(8, 0);
            assertThat(history(orderId)).containsExactly("SHIPPED");
            // One reservation, so one ProductUpdated caused by the PaymentTaken: none from the rolled-back attempts.
            assertThat(eventsCausedBy(warehouseEvents, taken.eventId(),
                    message -> "OrderShipped".equals(message.getStringProperty("type")) && orderId.equals(correlationId(message))))
                    .containsExactly("ProductUpdated");
        }
    }

    /**
     * OrderPlaced rolled back once in payments, warehouse, customers and notifications: each redelivery
     * succeeds with one effect: one payment (and no gateway request left over from the rolled-back
     * attempt), one pending order, one history entry, one notification and one e-mail.
     */
    @Test
    void anOrderPlacedRolledBackOnceInEveryServiceHasOneEffectInEach() throws Exception {
        Shop.Customer kim = knownCustomer("Kim Redelivered");
        String sku = shop.stockedProduct(new BigDecimal("9.00"), 10);
        List<String> services = List.of("payments", "warehouse", "customers", "notifications");
        Instant resumed;
        Envelope placed;

        try (Paused paused = new Paused(services.toArray(String[]::new));
             MessageConsumer orders = broker.listen(ORDERS_EVENTS)) {
            String orderId = shop.placedOrderId(kim, sku, 1, Shop.APPROVED_CARD);
            Held held = paused.holdBack(orders, "OrderPlaced", orderId);
            placed = held.envelope();
            broker.republish(held.message(), ORDERS_EVENTS, fault(1, UUID.randomUUID().toString()));
            resumed = Instant.now();
        }
        String orderId = placed.correlationId();

        shop.awaitStatus(orderId, "SHIPPED");
        awaitEmails(kim, "Order received", "Order shipped");
        Duration backOff = backOff(SUBSCRIPTIONS_ADDRESS, 1);
        for (String service : services) {
            assertThat(processed(service, placed.eventId())).as(service + ": processed once, on delivery 2")
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("delivery_count")).isEqualTo(2);
                        assertThat(Duration.between(resumed, ((Timestamp) row.get("processed_at")).toInstant()))
                                .isGreaterThanOrEqualTo(backOff);
                    });
        }
        assertThat(shop.payments(orderId)).singleElement()
                .satisfies(payment -> assertThat(payment.getString("status")).isEqualTo("CAPTURED"));
        assertThat(history(orderId)).containsExactly("SHIPPED");
        assertThat(DB.query("select kind from notifications.notification where order_id = ? order by queued_at", orderId))
                .extracting(row -> row.get("kind")).containsExactly("OrderPlaced", "OrderShipped");
        // A gateway request sent by the rolled-back attempt would have been answered about a payment that
        // does not exist: that reply would be failing and retried in the payments service's reply queue.
        String aboutTheOrder = "correlationId = '" + orderId + "'";
        assertThat(broker.holds(Shop.GATEWAY_REPLIES, aboutTheOrder, orderId)).as("replies about the order being retried").isFalse();
        assertThat(broker.browse("eventshop.payments.dlq", aboutTheOrder)).isZero();
    }

    // ------------------------------------------------------------------------------------------------
    // 2. Idempotency

    /**
     * The real OrderPlaced and PaymentTaken of an order, sent again by the test: once with their own
     * duplicate id (the broker must drop the copy), once with another (it reaches every subscription, which
     * must recognise the event id and do nothing). The copies are queued behind the originals and before
     * the order's later events, so when the order has shipped every copy has been handled.
     */
    @Test
    void anEventSentTwiceHasOneEffect() throws Exception {
        Shop.Customer lea = knownCustomer("Lea Twice");
        String sku = shop.stockedProduct(new BigDecimal("5.00"), 10);
        String run = UUID.randomUUID().toString();
        String orderId;
        List<Envelope> originals = new ArrayList<>();

        try (Paused paused = new Paused("orders", "warehouse", "customers", "notifications");
             MessageConsumer orders = broker.listen(ORDERS_EVENTS);
             MessageConsumer payments = broker.listen(PAYMENTS_EVENTS)) {
            orderId = shop.placedOrderId(lea, sku, 2, Shop.APPROVED_CARD);
            Message orderPlaced = next(orders, "OrderPlaced", orderId);
            Message paymentTaken = next(payments, "PaymentTaken", orderId);

            for (Message original : List.of(orderPlaced, paymentTaken)) {
                String topic = "OrderPlaced".equals(original.getStringProperty("type")) ? ORDERS_EVENTS : PAYMENTS_EVENTS;
                originals.add(EventCodec.parse(Broker.text(original)));
                try (MessageConsumer topicNow = broker.listen(topic)) {
                    broker.republish(original, topic, Map.of(MARKER, run + "-same-id"));
                    broker.republish(original, topic, Map.of(MARKER, run + "-other-id", Broker.DUPLICATE_ID, UUID.randomUUID().toString()));

                    // Both were sent in this order on one session: the first would arrive first had the broker kept it.
                    Message first = next(topicNow, message -> message.getStringProperty(MARKER) != null);
                    assertThat(first.getStringProperty(MARKER)).as("the copy with the same duplicate id is dropped")
                            .isEqualTo(run + "-other-id");
                }
            }
        }

        shop.awaitStatus(orderId, "SHIPPED");
        awaitHistory(orderId, "SHIPPED");
        awaitEmails(lea, "Order received", "Order shipped");
        assertThat(Shop.timeline(shop.order(orderId))).containsExactly(
                "PLACED OrderPlaced orders", "PAID PaymentTaken payments", "SHIPPED OrderShipped warehouse");
        assertThat(DB.query("select kind from notifications.notification where order_id = ? order by queued_at", orderId))
                .extracting(row -> row.get("kind")).containsExactly("OrderPlaced", "OrderShipped");
        assertThat(shop.payments(orderId)).hasSize(1);
        assertThat(DB.query("select id from warehouse.shipment where order_id = ?", orderId)).hasSize(1);
        assertThat(Shop.stock(sku)).containsExactly(8, 0);
        assertThat(history(orderId)).hasSize(1);
        for (Envelope original : originals) {
            List<String> consumers = "OrderPlaced".equals(original.type())
                    ? List.of("payments", "warehouse", "customers", "notifications")
                    : List.of("orders", "warehouse", "customers");
            for (String service : consumers) {
                assertThat(processed(service, original.eventId())).as(service + " " + original.type())
                        .singleElement().extracting(row -> row.get("delivery_count")).isEqualTo(1);
            }
        }
        for (String subscription : List.of("orders", "payments", "warehouse", "customers", "notifications")) {
            assertGone(subscription, run + "-other-id");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // 5. Poison messages and messages that keep failing

    /**
     * Not JSON, an unknown type, a missing field: on two topics and the two command queues. Every consumer
     * that receives one puts it into its own dead-letter queue at once, with the reason, the original body
     * and the producer's properties, and consumes it (the copy commits with the consumption: had the
     * consumption rolled back, there would be no copy with a reason).
     */
    @Test
    void poisonMessagesEndInEachConsumersDeadLetterQueueWithReasonBodyAndProperties() throws Exception {
        Map<String, List<String>> consumersOf = Map.of(
                ORDERS_EVENTS, List.of("payments", "warehouse", "customers", "notifications"),
                PAYMENTS_EVENTS, List.of("orders", "warehouse", "customers", "notifications"),
                Shop.GATEWAY_REPLIES, List.of(Shop.GATEWAY_REPLIES),
                OUTBOX, List.of(OUTBOX));
        // A message of a type the destination's consumers handle, to leave a field out of. A missing field
        // is noticed only by a consumer that handles the type: the others consume it as any event they
        // have no interest in (notifications and PaymentTaken).
        Map<String, Event> wellFormed = Map.of(
                ORDERS_EVENTS, orderPlaced("order-x"),
                PAYMENTS_EVENTS, new PaymentTaken("order-x", "payment-x", new BigDecimal("1.00"), "EUR"),
                Shop.GATEWAY_REPLIES, new PaymentAuthorizationResult("payment-x", "order-x", true, null, "gw_x"),
                OUTBOX, new SendNotification("notification-x", "order-x", "customer-x", "x@example.org", "OrderPlaced", "s", "b"));
        Map<String, String> missingField = Map.of(
                ORDERS_EVENTS, "orderId", PAYMENTS_EVENTS, "amount", Shop.GATEWAY_REPLIES, "paymentId", OUTBOX, "notificationId");

        record Poison(String destination, String marker, String body, Map<String, Object> properties,
                      String reason, List<String> deadLetteredBy) {
        }
        List<Poison> poisons = new ArrayList<>();
        for (String destination : consumersOf.keySet()) {
            Event event = wellFormed.get(destination);
            String type = EventCodec.contractOf(event.getClass()).type();
            String envelope = EventCodec.toJson(EventCodec.envelope(event, "order-x", null, "test"));
            String field = missingField.get(destination);
            List<String> handlers = consumersOf.get(destination).stream()
                    .filter(consumer -> !consumer.equals("notifications") || !type.equals("PaymentTaken"))
                    .toList();
            poisons.add(new Poison(destination, UUID.randomUUID().toString(), "this is not json", producerProperties(type),
                    "not a JSON object", consumersOf.get(destination)));
            poisons.add(new Poison(destination, UUID.randomUUID().toString(), changed(envelope, "type", "OrderTeleported", null),
                    producerProperties("OrderTeleported"), "unknown message type 'OrderTeleported'", consumersOf.get(destination)));
            poisons.add(new Poison(destination, UUID.randomUUID().toString(), changed(envelope, null, null, field),
                    producerProperties(type), type + " payload lacks the field '" + field + "'", handlers));
        }

        for (Poison poison : poisons) {
            Map<String, Object> properties = new HashMap<>(poison.properties());
            properties.put(MARKER, poison.marker());
            properties.put(Broker.DUPLICATE_ID, UUID.randomUUID().toString());
            if (poison.destination().endsWith(".events")) {
                broker.publish(poison.destination(), poison.body(), properties);
            } else {
                broker.sendToQueue(poison.destination(), poison.body(), properties);
            }
        }

        for (Poison poison : poisons) {
            for (String consumer : poison.deadLetteredBy()) {
                Message deadLetter = receiveDeadLetter(serviceOf(consumer), poison.marker(), Duration.ZERO);
                assertThat(deadLetter.getStringProperty("deadLetterReason")).contains(poison.reason());
                assertThat(deadLetter.getStringProperty("deadLetterOrigin")).isEqualTo(consumer);
                assertThat(deadLetter.getStringProperty("originalDestination")).contains(poison.destination());
                assertThat(Broker.text(deadLetter)).isEqualTo(poison.body());
                assertThat(Broker.producerProperties(deadLetter))
                        .containsAllEntriesOf(poison.properties())
                        .containsEntry(MARKER, poison.marker());
                assertGone(consumer, poison.marker());
            }
        }
    }

    /**
     * Valid messages whose handler keeps failing (not malformed: they are about an order or a payment no
     * service knows): PaymentTaken fails in orders, warehouse and customers; OrderCancelled in payments,
     * customers and notifications; a gateway reply in the payments service's reply listener. After the
     * configured attempts and back-off the broker moves each to the dead-letter address, whose diverts hand
     * it to the dead-letter queue of the service that failed it, with its body and properties; none stays
     * behind in the subscription or the unrouted dead letters.
     */
    @Test
    void aMessageThatKeepsFailingEndsInTheConsumingServicesDeadLetterQueue() throws Exception {
        // One unknown order each: an OrderCancelled makes the warehouse remember its order as cancelled.
        Instant start = Instant.now();
        List<Failing> failing = List.of(
                send(PAYMENTS_EVENTS, new PaymentTaken(unknownOrder(), "payment-x", new BigDecimal("3.00"), "EUR"),
                        "payments", List.of("orders", "warehouse", "customers")),
                send(ORDERS_EVENTS, new OrderCancelled(unknownOrder(), "customer-x", "changed my mind", OrderCancelled.BY_CUSTOMER),
                        "orders", List.of("payments", "customers", "notifications")),
                send(Shop.GATEWAY_REPLIES, new PaymentAuthorizationResult("payment-" + UUID.randomUUID(), unknownOrder(), true, null,
                        "gw_x"), Shop.GATEWAY_PRODUCER, List.of(Shop.GATEWAY_REPLIES)));

        for (Failing message : failing) {
            String address = message.destination().endsWith(".events") ? SUBSCRIPTIONS_ADDRESS : message.destination();
            Duration allAttempts = backOff(address, maxDeliveryAttempts(address) - 1);
            for (String consumer : message.failingConsumers()) {
                Message deadLetter = receiveDeadLetter(serviceOf(consumer), message.marker(), allAttempts);
                assertThat(Duration.between(start, Instant.now())).as(consumer + ": dead-lettered after every attempt")
                        .isGreaterThanOrEqualTo(allAttempts);
                assertThat(Broker.text(deadLetter)).isEqualTo(message.body());
                assertThat(Broker.producerProperties(deadLetter)).containsAllEntriesOf(message.properties());
                assertMarkedByTheBroker(deadLetter, consumer);
                assertGone(consumer, message.marker());
            }
        }
    }

    private static String unknownOrder() {
        return "order-" + UUID.randomUUID();
    }

    /** A message the test sent, and the consumers expected to fail it again and again. */
    private record Failing(String destination, String marker, String body, Map<String, Object> properties,
                           List<String> failingConsumers) {
    }

    /** Sends an event or command as EventShop's publisher would (EventPublisher), with a marker. */
    private Failing send(String destination, OrderMessage event, String producer, List<String> failingConsumers)
            throws JMSException {
        String orderId = event.orderId();
        Envelope envelope = EventCodec.envelope(event, orderId, null, producer);
        String marker = UUID.randomUUID().toString();
        Map<String, Object> properties = Broker.publisherProperties(envelope);
        properties.put(MARKER, marker);
        String body = EventCodec.toJson(envelope);
        if (destination.endsWith(".events")) {
            broker.publish(destination, body, properties);
        } else {
            broker.sendToQueue(destination, body, properties);
        }
        return new Failing(destination, marker, body, properties, failingConsumers);
    }

    // ------------------------------------------------------------------------------------------------
    // Holding a real event back from subscriptions

    /** An event taken out of paused subscriptions: the message as published, and its envelope. */
    private record Held(Message message, Envelope envelope) {
    }

    /**
     * Subscriptions the broker holds back until closed (the operator's pause): their messages wait, in
     * order. Closing resumes them, also when the test fails.
     */
    private final class Paused implements AutoCloseable {

        private final List<String> subscriptions;

        Paused(String... subscriptions) throws JMSException {
            this.subscriptions = List.of(subscriptions);
            for (String subscription : subscriptions) {
                broker.pause(subscription);
            }
        }

        /** The next event of the type about the order, from the listener, taken out of every paused subscription. */
        Held holdBack(MessageConsumer topic, String type, String orderId) throws JMSException {
            Message message = next(topic, type, orderId);
            String selector = "type = '" + type + "' AND correlationId = '" + orderId + "'";
            for (String subscription : subscriptions) {
                int[] removed = {0};
                await().atMost(Stack.EVENTUAL).until(() -> (removed[0] += broker.remove(subscription, selector)) >= 1);
                assertThat(removed[0]).as(type + " held back from " + subscription).isEqualTo(1);
            }
            return new Held(message, EventCodec.parse(Broker.text(message)));
        }

        @Override
        public void close() throws JMSException {
            for (String subscription : subscriptions) {
                broker.resume(subscription);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers

    /** A customer whose registration the orders service has seen, so that its OrderPlaced names them. */
    private Shop.Customer knownCustomer(String name) {
        Shop.Customer customer = shop.newCustomer(name);
        await().atMost(Stack.EVENTUAL).until(() ->
                !DB.query("select 1 from orders.customer_copy where customer_id = ?", customer.id()).isEmpty());
        return customer;
    }

    private static Map<String, Object> fault(int failingDeliveries, String marker) {
        return Map.of(FAULT, AFTER_HANDLING, FAULT_DELIVERIES, failingDeliveries, MARKER, marker,
                Broker.DUPLICATE_ID, UUID.randomUUID().toString());
    }

    /** The JMS properties EventShop's publisher sets (EventPublisher), for a message the test makes up. */
    private static Map<String, Object> producerProperties(String type) {
        return Map.of("type", type, "version", 1, "producer", "test", "correlationId", "order-x", "JMSXGroupID", "order-x");
    }

    /** The envelope with one of its fields set to another value, or one of its payload's fields left out. */
    private static String changed(String envelopeJson, String field, String value, String payloadFieldLeftOut) {
        try (var reader = Json.createReader(new StringReader(envelopeJson))) {
            JsonObject envelope = reader.readObject();
            var changed = Json.createObjectBuilder(envelope);
            if (field != null) {
                changed.add(field, value);
            }
            if (payloadFieldLeftOut != null) {
                changed.add("payload", Json.createObjectBuilder(envelope.getJsonObject("payload")).remove(payloadFieldLeftOut));
            }
            return changed.build().toString();
        }
    }

    private static OrderPlaced orderPlaced(String orderId) {
        return OrderPlaced.paidByToken(orderId, "customer-x", "X", "x@example.org",
                List.of(new PlacedLine("SKU-X", "X", 1, new BigDecimal("1.00"), "EUR")), new BigDecimal("1.00"), "EUR",
                "tok_guaranteeTestsIssuedNoToken", "4242");
    }

    /** The dead-letter queue of the service a subscription or command queue belongs to. */
    private static String serviceOf(String consumer) {
        return switch (consumer) {
            case Shop.GATEWAY_REPLIES -> "payments";
            case OUTBOX -> "notifications";
            default -> consumer;
        };
    }

    /** Takes the dead letter with the marker out of the service's dead-letter queue. */
    private Message receiveDeadLetter(String service, String marker, Duration atLeast) throws JMSException {
        String queue = "eventshop." + service + ".dlq";
        try (MessageConsumer deadLetters = broker.consume(queue, MARKER + " = '" + marker + "'")) {
            Message deadLetter = deadLetters.receive(Stack.EVENTUAL.plus(atLeast).toMillis());
            assertThat(deadLetter).as("dead letter " + marker + " in " + queue).isNotNull();
            return deadLetter;
        }
    }

    /** A dead letter of the broker says, as the consumers' own do, which subscription or queue failed it. */
    private static void assertMarkedByTheBroker(Message deadLetter, String consumer) throws JMSException {
        assertThat(deadLetter.getStringProperty("deadLetterOrigin")).isEqualTo(consumer);
        assertThat(deadLetter.getStringProperty("deadLetterReason")).contains("still failing after the redeliveries");
    }

    /** Neither waiting, nor being delivered, nor waiting for redelivery in the consumer's queue, nor unrouted. */
    private void assertGone(String consumer, String marker) throws JMSException {
        assertThat(broker.holds(consumer, MARKER + " = '" + marker + "'", marker)).as(marker + " still in " + consumer).isFalse();
        assertThat(broker.browse(UNROUTED_DEAD_LETTERS, MARKER + " = '" + marker + "'")).as("unrouted dead letters").isZero();
    }

    /** The shortest time the broker takes to redeliver a message that failed this many times. */
    private Duration backOff(String address, int failures) throws JMSException {
        JsonObject settings = broker.addressSettings(address);
        long delay = settings.getJsonNumber("redeliveryDelay").longValue();
        double multiplier = settings.getJsonNumber("redeliveryMultiplier").doubleValue();
        long maxDelay = settings.getJsonNumber("maxRedeliveryDelay").longValue();
        long total = 0;
        for (int failure = 0; failure < failures; failure++) {
            total += Math.min(maxDelay, (long) (delay * Math.pow(multiplier, failure)));
        }
        return Duration.ofMillis(total);
    }

    private int maxDeliveryAttempts(String address) throws JMSException {
        return broker.addressSettings(address).getInt("maxDeliveryAttempts");
    }

    private static List<Map<String, Object>> processed(String service, UUID eventId) {
        return DB.query("select delivery_count, processed_at from " + service + ".processed_message where event_id = ?",
                eventId.toString());
    }

    private static List<Object> history(String orderId) {
        return DB.query("select status from customers.history_entry where order_id = ?", orderId).stream()
                .map(row -> row.get("status")).toList();
    }

    private static void awaitHistory(String orderId, String status) {
        await().atMost(Stack.EVENTUAL).until(() -> history(orderId).equals(List.of(status)));
    }

    private static void awaitEmails(Shop.Customer customer, String... subjects) {
        await().atMost(Stack.EVENTUAL).untilAsserted(() ->
                assertThat(Mailbox.subjects(customer.email())).containsExactlyInAnyOrder(subjects));
    }

    @Test
    void theBrokerRefusesAnAcknowledgementOutsideTheXaTransactionAndKeepsTheMessage() throws Exception {
        String queue = "eventshop.test.ack-guard." + UUID.randomUUID();
        try (ServerLocator locator = ActiveMQClient.createServerLocator(System.getProperty("it.broker.url"));
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession plain = factory.createSession(System.getProperty("it.broker.admin.user"),
                     System.getProperty("it.broker.admin.password"), false, true, true, false, 0);
             ClientSession xa = factory.createSession(System.getProperty("it.broker.admin.user"),
                     System.getProperty("it.broker.admin.password"), true, false, false, false, 0)) {
            plain.createQueue(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(false).setTemporary(true));
            try (ClientProducer producer = plain.createProducer(queue)) {
                ClientMessage message = plain.createMessage(true);
                message.getBodyBuffer().writeString("must not vanish");
                producer.send(message);
            }

            // What the resource adapter does after a failed enlistment: acknowledge with no transaction started,
            // then roll its session back as after any failed delivery. Issue 19: more often than the queue allows
            // deliveries (a client thread left holding a dead transaction after a broker restart failed every
            // delivery it ran this way): the refusals must not use up the message's attempts.
            int refusals = maxDeliveryAttempts(queue) + 1;
            xa.start();
            for (int refusal = 1; refusal <= refusals; refusal++) {
                try (ClientConsumer consumer = xa.createConsumer(queue)) {
                    ClientMessage delivered = consumer.receive(Stack.EVENTUAL.toMillis());
                    assertThat(delivered).as("delivery " + refusal + " of " + refusals + ", not dead-lettered").isNotNull();
                    delivered.individualAcknowledge();
                }
                xa.rollback(false);
            }

            plain.start();
            try (ClientConsumer consumer = plain.createConsumer(queue)) {
                ClientMessage again = consumer.receive(Stack.EVENTUAL.toMillis());
                assertThat(again).as("the message the refused acknowledgements would have consumed").isNotNull();
                assertThat(again.getBodyBuffer().readString()).isEqualTo("must not vanish");
                assertThat(again.getDeliveryCount()).as("no refused delivery counted").isEqualTo(1);
                again.acknowledge();
            }
        }
    }

    @FunctionalInterface
    private interface MessageTest {
        boolean test(Message message) throws JMSException;
    }

    private static String correlationId(Message message) throws JMSException {
        return message.getStringProperty("correlationId");
    }

    private static Message next(MessageConsumer consumer, String type, String orderId) throws JMSException {
        return next(consumer, message -> type.equals(message.getStringProperty("type")) && orderId.equals(correlationId(message)));
    }

    private static Message next(MessageConsumer consumer, MessageTest wanted) throws JMSException {
        long deadline = System.currentTimeMillis() + Stack.EVENTUAL.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Message message = consumer.receive(1000);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no such message within " + Stack.EVENTUAL);
    }

    /** The types of the events caused by the event id, up to and including the last one wanted. */
    private static List<String> eventsCausedBy(MessageConsumer topic, UUID cause, MessageTest last) throws JMSException {
        List<String> caused = new ArrayList<>();
        Message message;
        do {
            message = next(topic, candidate -> true);
            Envelope envelope = EventCodec.parse(Broker.text(message));
            if (cause.toString().equals(envelope.causationId())) {
                caused.add(envelope.type());
            }
        } while (!last.test(message));
        return caused;
    }
}

package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;

import eventshop.events.Envelope;
import eventshop.events.EventCodec;
import eventshop.events.OrderShipped;
import eventshop.events.ShippedLine;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An event that contradicts the state it applies to has no effect (issue 14): not a duplicate (the same
 * event id is skipped as processed) but a different event that makes no sense for the order, here a second
 * OrderShipped, under a new event id, for an order already SHIPPED; a second PaymentTaken; an OrderPlaced told
 * again. Each service that would act on it checks the transition and puts it into its own dead-letter queue
 * with the reason: no second timeline entry, e-mail, charge or shipment, the history unchanged. Run as a group of {@link EventShopIT}.
 */
abstract class ContradictingEventsTests {

    private static final String WAREHOUSE_EVENTS = "eventshop.warehouse.events";

    private final Shop shop = new Shop();

    @Test
    void aSecondShipmentOfAShippedOrderChangesNothingAndWaitsInEachServicesDeadLetters() throws Exception {
        Shop.Customer ada = shop.newCustomer("Ada Shipped Once");
        String sku = shop.stockedProduct(new BigDecimal("3.00"), 5);
        String orderId = shop.placedOrderId(ada, sku, 1, Shop.APPROVED_CARD);
        List<String> timeline = Shop.timeline(shop.awaitStatus(orderId, "SHIPPED"));
        Shop.awaitHistory(ada, orderId, "SHIPPED");
        Shop.awaitEmails(ada, "Order received", "Order shipped");
        List<Integer> stock = Shop.stock(sku);

        var secondShipment = EventCodec.envelope(new OrderShipped(orderId, UUID.randomUUID().toString(),
                List.of(new ShippedLine(sku, 1))), orderId, null, "warehouse");
        Stack.broker().publish(WAREHOUSE_EVENTS, secondShipment);

        for (String service : List.of("orders", "customers", "notifications")) {
            Message deadLetter = deadLetter("eventshop." + service + ".dlq", orderId, secondShipment);
            assertThat(deadLetter.getStringProperty("deadLetterReason")).as(service)
                    .startsWith("contradicts the state: OrderShipped " + secondShipment.eventId() + " for order " + orderId);
        }
        assertThat(Shop.timeline(shop.order(orderId))).as("no second timeline entry").isEqualTo(timeline);
        assertThat(Stack.DB.query("select id from notifications.notification where order_id = ? and kind = 'OrderShipped'",
                orderId)).as("one shipped notification").hasSize(1);
        Shop.awaitEmails(ada, "Order received", "Order shipped");
        Shop.awaitHistory(ada, orderId, "SHIPPED");
        assertThat(Shop.stock(sku)).isEqualTo(stock);
    }

    @Test
    void aSecondPaymentOfAShippedOrderIsNeitherShippedNorNotedAgain() throws Exception {
        Shop.Customer bea = shop.newCustomer("Bea Paid Once");
        String sku = shop.stockedProduct(new BigDecimal("4.00"), 5);
        String orderId = shop.placedOrderId(bea, sku, 1, Shop.APPROVED_CARD);
        List<String> timeline = Shop.timeline(shop.awaitStatus(orderId, "SHIPPED"));
        List<Integer> stock = Shop.stock(sku);

        Envelope secondPayment = againUnderANewId("payments", orderId, "PaymentTaken");
        Stack.broker().publish("eventshop.payments.events", secondPayment);

        for (String service : List.of("orders", "warehouse")) {
            assertThat(deadLetter("eventshop." + service + ".dlq", orderId, secondPayment).getStringProperty("deadLetterReason"))
                    .as(service).startsWith("contradicts the state: PaymentTaken " + secondPayment.eventId());
        }
        assertThat(Shop.timeline(shop.order(orderId))).as("no second timeline entry").isEqualTo(timeline);
        assertThat(Stack.DB.query("select id from warehouse.shipment where order_id = ?", orderId)).as("one shipment").hasSize(1);
        assertThat(Shop.stock(sku)).isEqualTo(stock);
    }

    @Test
    void anOrderPlacedAgainIsNeitherChargedNorMailedAgain() throws Exception {
        Shop.Customer cy = shop.newCustomer("Cy Placed Once");
        String sku = shop.stockedProduct(new BigDecimal("5.00"), 5);
        String orderId = shop.placedOrderId(cy, sku, 1, Shop.APPROVED_CARD);
        shop.awaitStatus(orderId, "SHIPPED");
        Shop.awaitEmails(cy, "Order received", "Order shipped");

        Envelope placedAgain = againUnderANewId("orders", orderId, "OrderPlaced");
        Stack.broker().publish("eventshop.orders.events", placedAgain);

        for (String service : List.of("payments", "warehouse", "customers", "notifications")) {
            assertThat(deadLetter("eventshop." + service + ".dlq", orderId, placedAgain).getStringProperty("deadLetterReason"))
                    .as(service).startsWith("contradicts the state: OrderPlaced " + placedAgain.eventId());
        }
        assertThat(shop.payments(orderId)).as("one payment").hasSize(1);
        Shop.awaitEmails(cy, "Order received", "Order shipped");
        Shop.awaitHistory(cy, orderId, "SHIPPED");
    }

    /** The event as its producer journaled it, with a new event id: the same fact told a second time. */
    private static Envelope againUnderANewId(String producer, String orderId, String type) {
        String body = (String) Stack.DB.query("select body from " + producer + ".event_journal where correlation_id = ? "
                + "and type = ?", orderId, type).get(0).get("body");
        Envelope original = EventCodec.parse(body);
        return EventCodec.parse(body.replace(original.eventId().toString(), UUID.randomUUID().toString()));
    }

    /** Takes the dead letter of this event out of a dead-letter queue, as an operator would. */
    private static Message deadLetter(String queue, String orderId, Envelope event) throws JMSException {
        try (MessageConsumer deadLetters = Stack.broker().consume(queue,
                "correlationId = '" + orderId + "' AND type = '" + event.type() + "'")) {
            Message deadLetter = deadLetters.receive(Stack.EVENTUAL.toMillis());
            assertThat(deadLetter).as("the " + event.type() + " " + event.eventId() + " in " + queue).isNotNull();
            assertThat(Broker.text(deadLetter)).contains(event.eventId().toString());
            assertThat(deadLetter.getStringProperty("deadLetterOrigin")).isEqualTo(queue.split("\\.")[1]);
            return deadLetter;
        }
    }
}

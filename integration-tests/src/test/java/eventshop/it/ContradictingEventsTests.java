package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * OrderShipped, under a new event id, for an order already SHIPPED. Each service that would act on it checks
 * the transition and puts it into its own dead-letter queue with the reason: no second timeline entry, no
 * second e-mail, the history unchanged. Run as a group of {@link EventShopIT}.
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
            Message deadLetter = deadLetter("eventshop." + service + ".dlq", orderId, secondShipment.eventId().toString());
            assertThat(deadLetter.getStringProperty("deadLetterReason")).as(service)
                    .startsWith("contradicts the state: OrderShipped " + secondShipment.eventId() + " for order " + orderId);
            assertThat(deadLetter.getStringProperty("deadLetterOrigin")).isEqualTo(service);
        }
        assertThat(Shop.timeline(shop.order(orderId))).as("no second timeline entry").isEqualTo(timeline);
        assertThat(Stack.DB.query("select id from notifications.notification where order_id = ? and kind = 'OrderShipped'",
                orderId)).as("one shipped notification").hasSize(1);
        Shop.awaitEmails(ada, "Order received", "Order shipped");
        Shop.awaitHistory(ada, orderId, "SHIPPED");
        assertThat(Shop.stock(sku)).isEqualTo(stock);
    }

    /** Takes the dead letter of this event out of a dead-letter queue, as an operator would. */
    private static Message deadLetter(String queue, String orderId, String eventId) throws JMSException {
        try (MessageConsumer deadLetters = Stack.broker().consume(queue,
                "correlationId = '" + orderId + "' AND type = 'OrderShipped'")) {
            Message deadLetter = deadLetters.receive(Stack.EVENTUAL.toMillis());
            assertThat(deadLetter).as("the second OrderShipped " + eventId + " in " + queue).isNotNull();
            assertThat(Broker.text(deadLetter)).contains(eventId);
            return deadLetter;
        }
    }
}

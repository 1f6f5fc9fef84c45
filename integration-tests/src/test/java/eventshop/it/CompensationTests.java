package eventshop.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eventshop.clients.RestClient;
import eventshop.events.EventCodec;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compensations that fail for good do not disappear: the order moves to NEEDS_ATTENTION with the reason
 * (on the order and its timeline), and the message whose work failed waits in the dead-letter queue of
 * the service that failed, for an operator's retry. Run as a group of {@link EventShopIT}.
 */
abstract class CompensationTests {

    private static final String PAYMENTS_DEAD_LETTERS = "eventshop.payments.dlq";
    private static final String WAREHOUSE_DEAD_LETTERS = "eventshop.warehouse.dlq";
    private static final String CARD_REFUSES_REFUNDS = "refunds are refused for this card";

    private final Shop shop = new Shop();

    /**
     * The customer cancels a paid order whose card takes charges but no refunds. Without this guarantee the
     * order would stay CANCELLED, as if the money had gone back, and the refusal would only be logged.
     * An operator's retry of the dead letter makes payments ask the gateway again: for this card it
     * refuses again, which the order's timeline and the dead-letter queue show once more.
     */
    @Test
    void refusedRefundOfACancelledOrderNeedsAttentionAndIsRetriedFromTheDeadLetters() throws Exception {
        Shop.Customer ivy = shop.newCustomer("Ivy Refused");
        String sku = shop.stockedProduct(new BigDecimal("10.00"), 5);
        String orderId = paidOrder(ivy, sku, 2, Shop.REFUND_REFUSING_CARD);

        RestClient.Reply cancel = shop.cancel(orderId);

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
        assertThat(cancel.json().getString("status")).isEqualTo("CANCELLED");
        String reason = "refund of 20.00 EUR refused by the gateway: " + CARD_REFUSES_REFUNDS;
        JsonObject order = shop.awaitStatus(orderId, "NEEDS_ATTENTION");
        assertThat(order.getJsonArray("attention").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly(reason);
        assertThat(Shop.timeline(order)).containsSubsequence("PAID PaymentTaken payments",
                "CANCELLED OrderCancelled orders", "NEEDS_ATTENTION CompensationFailed payments");
        assertThat(lastEntry(order).getString("detail")).isEqualTo(reason);
        assertThat(shop.payments(orderId)).singleElement().satisfies(payment -> {
            assertThat(payment.getString("status")).isEqualTo("CAPTURED");
            assertThat(payment.getJsonObject("refund").getString("status")).isEqualTo("REFUSED");
            assertThat(payment.getJsonObject("refund").getString("refusalReason")).isEqualTo(CARD_REFUSES_REFUNDS);
        });
        await().atMost(Stack.EVENTUAL).untilAsserted(() -> assertThat(Shop.stock(sku)).containsExactly(5, 0));
        assertThat(shop.cancel(orderId).status()).isEqualTo(409);

        Message refusal = deadLetter(PAYMENTS_DEAD_LETTERS, orderId, "RefundResult");
        assertThat(refusal.getStringProperty("deadLetterReason")).contains(reason, "retry this message");
        assertThat(refusal.getStringProperty("deadLetterOrigin")).isEqualTo(Shop.GATEWAY_REPLIES);
        assertThat(refusal.getStringProperty("originalDestination")).contains(Shop.GATEWAY_REPLIES);

        // The operator retries: the dead letter goes back to the queue it came from.
        Stack.broker().retryToQueue(refusal, Shop.GATEWAY_REPLIES);

        await().atMost(Stack.EVENTUAL).untilAsserted(() -> assertThat(Shop.timeline(shop.order(orderId)))
                .filteredOn(entry -> entry.equals("NEEDS_ATTENTION CompensationFailed payments")).hasSize(2));
        Message refusedAgain = deadLetter(PAYMENTS_DEAD_LETTERS, orderId, "RefundResult");
        assertThat(Broker.text(refusedAgain)).as("the gateway's new answer, not the retried one")
                .isNotEqualTo(Broker.text(refusal));
        assertThat(shop.order(orderId).getString("status")).isEqualTo("NEEDS_ATTENTION");
        assertThat(shop.payments(orderId)).singleElement().satisfies(payment ->
                assertThat(payment.getJsonObject("refund").getString("status")).isEqualTo("REFUSED"));
    }

    /**
     * The gateway approves after payments gave up waiting: the order is REJECTED already, but the money is
     * taken. Without this compensation the approval would only be logged and the customer would pay for
     * nothing; with it the payment is captured and refunded at once, and the order stays REJECTED with
     * the refund on its timeline.
     */
    @Test
    void anApprovalAfterTheGatewayTimeoutIsRefundedAndTheOrderStaysRejected() throws Exception {
        Shop.Customer kim = shop.newCustomer("Kim Late");
        String sku = shop.stockedProduct(new BigDecimal("9.00"), 5);
        String orderId = shop.rejectedByTheGatewayTimeout(kim, sku);

        var lateApproval = shop.lateApproval(orderId);
        Stack.broker().sendToQueue(Shop.GATEWAY_REPLIES, EventCodec.toJson(lateApproval), Broker.publisherProperties(lateApproval));

        await().atMost(Stack.EVENTUAL).untilAsserted(() -> assertThat(shop.payments(orderId)).singleElement()
                .satisfies(payment -> {
                    assertThat(payment.getString("status")).isEqualTo("CAPTURED");
                    assertThat(payment.getString("reason")).isEqualTo("gateway timeout");
                    assertThat(payment.getJsonObject("refund").getString("status")).isEqualTo("REFUNDED");
                    assertThat(payment.getJsonObject("refund").getJsonNumber("amount").bigDecimalValue())
                            .isEqualByComparingTo("9.00");
                }));
        await().atMost(Stack.EVENTUAL).untilAsserted(() -> assertThat(Shop.timeline(shop.order(orderId)))
                .containsExactly("PLACED OrderPlaced orders", "REJECTED PaymentDeclined payments",
                        "REJECTED PaymentRefunded payments"));
        assertThat(shop.order(orderId).getString("status")).isEqualTo("REJECTED");
        assertThat(Shop.stock(sku)).containsExactly(5, 0);
    }

    /**
     * Missing stock after payment: the refund that should cancel the order is refused. The order needs
     * attention instead of staying PAID (or being reported CANCELLED), and nobody tells the customer it
     * was cancelled, since the money was not given back.
     */
    @Test
    void refusedRefundAfterMissingStockNeedsAttentionInsteadOfCancelled() throws Exception {
        Shop.Customer jon = shop.newCustomer("Jon Scarce");
        String sku = shop.stockedProduct(new BigDecimal("15.00"), 1);

        String orderId = shop.placedOrderId(jon, sku, 2, Shop.REFUND_REFUSING_CARD);

        JsonObject order = shop.awaitStatus(orderId, "NEEDS_ATTENTION");
        assertThat(Shop.timeline(order)).containsSubsequence("PAID PaymentTaken payments",
                "PAID StockUnavailable warehouse", "NEEDS_ATTENTION CompensationFailed payments");
        assertThat(Shop.timeline(order)).noneMatch(entry -> entry.startsWith("CANCELLED"));
        assertThat(order.getJsonArray("attention").getString(0))
                .isEqualTo("refund of 30.00 EUR refused by the gateway: " + CARD_REFUSES_REFUNDS);
        assertThat(deadLetter(PAYMENTS_DEAD_LETTERS, orderId, "RefundResult").getStringProperty("deadLetterReason"))
                .contains(CARD_REFUSES_REFUNDS);
        assertThat(Shop.stock(sku)).containsExactly(1, 0);
        Shop.awaitHistory(jon, orderId, "PAID");
        Shop.awaitEmails(jon, "Order received");
    }

    /**
     * The customer cancels while the orders service has not yet heard that the shipment left (its
     * subscription is paused, as an operator can in the broker's console, to make that moment last). The
     * warehouse cannot release stock that is on its way: the order needs attention with the reason, the
     * OrderCancelled waits in the warehouse's dead-letter queue, and the refund that does succeed does not
     * settle it. Without this guarantee the order would end CANCELLED with its goods gone.
     */
    @Test
    void cancelThatReachesTheWarehouseAfterTheShipmentLeftNeedsAttention() throws Exception {
        Shop.Customer kim = shop.newCustomer("Kim Late");
        String sku = shop.stockedProduct(new BigDecimal("4.00"), 5);
        String orderId = paidOrder(kim, sku, 1, Shop.APPROVED_CARD);

        Message cancelled;
        Stack.broker().pause("orders");
        try {
            await().atMost(Stack.EVENTUAL).until(() -> Stack.DB.query(
                    "select 1 from warehouse.shipment where order_id = ? and status = 'SHIPPED'", orderId).size() == 1);

            RestClient.Reply cancel = shop.cancel(orderId);

            assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
            cancelled = deadLetter(WAREHOUSE_DEAD_LETTERS, orderId, "OrderCancelled");
            assertThat(cancelled.getStringProperty("deadLetterReason")).contains("after shipment", "cannot be released");
            assertThat(cancelled.getStringProperty("deadLetterOrigin")).isEqualTo("warehouse");
            // The refund, the other compensation, is made.
            await().atMost(Stack.EVENTUAL).untilAsserted(() -> assertThat(shop.payments(orderId)).singleElement()
                    .satisfies(payment -> assertThat(payment.getJsonObject("refund").getString("status")).isEqualTo("REFUNDED")));
        } finally {
            Stack.broker().resume("orders");
        }

        // Whether the refund reaches orders before or after the failure (two producers, no order between
        // them), it does not settle the order: the goods are gone. Timeline: PaymentRefunded in CANCELLED or
        // in NEEDS_ATTENTION.
        await().atMost(Stack.EVENTUAL).untilAsserted(() -> assertThat(Shop.timeline(shop.order(orderId)))
                .contains("NEEDS_ATTENTION CompensationFailed warehouse")
                .anyMatch(entry -> entry.endsWith(" PaymentRefunded payments")));
        JsonObject order = shop.order(orderId);
        assertThat(order.getString("status")).isEqualTo("NEEDS_ATTENTION");
        assertThat(order.getJsonArray("attention").getString(0)).contains("after shipment", "cannot be released");
        assertThat(Shop.timeline(order)).containsSubsequence("PAID PaymentTaken payments",
                "CANCELLED OrderCancelled orders", "CANCELLED OrderShipped warehouse",
                "NEEDS_ATTENTION CompensationFailed warehouse");
        assertThat(Shop.stock(sku)).containsExactly(4, 0);

        // The operator retries the OrderCancelled on its topic: payments and the others skip it (processed),
        // the warehouse runs the release again, which fails the same way while the goods are gone.
        Stack.broker().retryToTopic(cancelled, "eventshop.orders.events");

        await().atMost(Stack.EVENTUAL).untilAsserted(() -> assertThat(Shop.timeline(shop.order(orderId)))
                .filteredOn(entry -> entry.equals("NEEDS_ATTENTION CompensationFailed warehouse")).hasSize(2));
        assertThat(deadLetter(WAREHOUSE_DEAD_LETTERS, orderId, "OrderCancelled").getStringProperty("deadLetterReason"))
                .contains("cannot be released");
        assertThat(Stack.DB.query("select 1 from payments.refund r join payments.payment p on p.id = r.payment_id "
                + "where p.order_id = ?", orderId)).as("one refund, not a second").hasSize(1);
        assertThat(Shop.stock(sku)).containsExactly(4, 0);
    }

    private String paidOrder(Shop.Customer customer, String sku, int quantity, String card) {
        String orderId = shop.placedOrderId(customer, sku, quantity, card);
        shop.awaitStatus(orderId, "PAID");
        return orderId;
    }

    /** Takes the order's dead letter of this type out of a dead-letter queue, as an operator would. */
    private static Message deadLetter(String queue, String orderId, String type) throws JMSException {
        try (MessageConsumer deadLetters = Stack.broker().consume(queue,
                "correlationId = '" + orderId + "' AND type = '" + type + "'")) {
            Message deadLetter = deadLetters.receive(Stack.EVENTUAL.toMillis());
            assertThat(deadLetter).as(type + " of order " + orderId + " in " + queue).isNotNull();
            return deadLetter;
        }
    }

    private static JsonObject lastEntry(JsonObject order) {
        List<JsonObject> timeline = order.getJsonArray("timeline").getValuesAs(JsonObject.class);
        return timeline.get(timeline.size() - 1);
    }
}

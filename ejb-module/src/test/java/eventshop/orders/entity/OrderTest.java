package eventshop.orders.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

    private final Order order = placed();

    @Test
    void newOrderIsPlacedWithItsLinesInOrder() {
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.lines()).extracting(OrderLine::sku, OrderLine::quantity, OrderLine::lineTotal)
                .containsExactly(tuple("MUG-1", 2, new BigDecimal("25.00")), tuple("TEA-7", 1, new BigDecimal("4.00")));
        assertThat(order.timeline()).extracting(TimelineEntry::status, TimelineEntry::eventType, TimelineEntry::producer)
                .containsExactly(tuple(OrderStatus.PLACED, "OrderPlaced", "orders"));
    }

    @Test
    void keepsOnlyTheLastFourDigitsOfTheCard() {
        assertThat(order.cardLast4()).isEqualTo("4242");
    }

    @Test
    void refusesAnythingButFourDigits() {
        assertThatThrownBy(() -> new Order("o-2", "c-1", BigDecimal.TEN, "EUR", "42"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Order("o-2", "c-1", BigDecimal.TEN, "EUR", "4242424242424242"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void happyPathMovesThroughPaidToShippedAndRecordsEachStep() {
        assertThat(order.advance(OrderStatus.PAID, event("PaymentTaken", "payments", null))).isTrue();
        assertThat(order.advance(OrderStatus.SHIPPED, event("OrderShipped", "warehouse", "shipment s-1"))).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.timeline()).extracting(TimelineEntry::status, TimelineEntry::eventType, TimelineEntry::producer)
                .containsExactly(
                        tuple(OrderStatus.PLACED, "OrderPlaced", "orders"),
                        tuple(OrderStatus.PAID, "PaymentTaken", "payments"),
                        tuple(OrderStatus.SHIPPED, "OrderShipped", "warehouse"));
    }

    @Test
    void lateEventOnATerminalOrderGoesOnTheTimelineOnly() {
        order.advance(OrderStatus.REJECTED, event("PaymentDeclined", "payments", "card declined"));

        boolean moved = order.advance(OrderStatus.PAID, event("PaymentTaken", "payments", null));

        assertThat(moved).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.timeline()).last().satisfies(entry -> {
            assertThat(entry.eventType()).isEqualTo("PaymentTaken");
            assertThat(entry.status()).isEqualTo(OrderStatus.REJECTED);
        });
    }

    @Test
    void refundAfterTheCustomersCancelChangesNothingButTheTimeline() {
        order.advance(OrderStatus.PAID, event("PaymentTaken", "payments", null));
        order.advance(OrderStatus.CANCELLED, event("OrderCancelled", "orders", "cancelled by the customer"));

        assertThat(order.advance(OrderStatus.CANCELLED, event("PaymentRefunded", "payments", "cancelled"))).isFalse();
        assertThat(order.timeline()).hasSize(4);
    }

    @Test
    void stockUnavailableKeepsThePaidStatusAndIsRemembered() {
        order.advance(OrderStatus.PAID, event("PaymentTaken", "payments", null));

        order.note(event("StockUnavailable", "warehouse", "out of stock: MUG-1"));

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.hasSeen("StockUnavailable")).isTrue();
        assertThat(order.detailOf("StockUnavailable")).contains("out of stock: MUG-1");
        assertThat(order.hasSeen("OrderShipped")).isFalse();
        assertThat(order.detailOf("OrderShipped")).isEmpty();
    }

    @Test
    void shipmentThatOvertakesThePaymentStillShipsTheOrder() {
        assertThat(order.advance(OrderStatus.SHIPPED, event("OrderShipped", "warehouse", null))).isTrue();
        assertThat(order.advance(OrderStatus.PAID, event("PaymentTaken", "payments", null))).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void timelineEntriesAreNumberedInTheOrderTheyWereRecorded() {
        order.note(event("StockUnavailable", "warehouse", null));

        assertThat(order.timeline()).extracting(TimelineEntry::eventType).containsExactly("OrderPlaced", "StockUnavailable");
    }

    @Test
    void overlongDetailIsShortenedToTheColumn() {
        order.note(event("PaymentDeclined", "payments", "x".repeat(2000)));

        assertThat(order.timeline().get(1).detail()).hasSize(TimelineEntry.DETAIL_LENGTH);
    }

    @Test
    void refusedRefundAfterTheCustomersCancelNeedsAttentionWithTheReason() {
        order.advance(OrderStatus.PAID, event("PaymentTaken", "payments", null));
        order.advance(OrderStatus.CANCELLED, event("OrderCancelled", "orders", "cancelled by the customer"));

        order.refundFailed("refund of 29.00 EUR refused by the gateway", event("CompensationFailed", "payments",
                "refund of 29.00 EUR refused by the gateway"));

        assertThat(order.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
        assertThat(order.attention()).containsExactly("refund of 29.00 EUR refused by the gateway");
        assertThat(order.timeline()).last().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
            assertThat(entry.eventType()).isEqualTo("CompensationFailed");
            assertThat(entry.detail()).isEqualTo("refund of 29.00 EUR refused by the gateway");
        });
    }

    @Test
    void orderThatNeedsAttentionRestsThereWhateverElseArrives() {
        order.refundFailed("refused", event("CompensationFailed", "payments", "refused"));

        assertThat(order.advance(OrderStatus.PAID, event("PaymentTaken", "payments", null))).isFalse();
        assertThat(order.advance(OrderStatus.SHIPPED, event("OrderShipped", "warehouse", null))).isFalse();
        assertThat(order.advance(OrderStatus.CANCELLED, event("OrderCancelled", "orders", null))).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
        assertThat(order.timeline()).hasSize(5);
    }

    @Test
    void aRetriedRefundThatIsMadeSettlesTheOrderAsCancelled() {
        order.advance(OrderStatus.PAID, event("PaymentTaken", "payments", null));
        order.refundFailed("refused", event("CompensationFailed", "payments", "refused"));

        assertThat(order.refunded(event("PaymentRefunded", "payments", "out of stock"))).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.attention()).isEmpty();
    }

    @Test
    void aRefundDoesNotSettleAStockReleaseThatFailed() {
        order.advance(OrderStatus.CANCELLED, event("OrderCancelled", "orders", "cancelled by the customer"));
        order.compensationFailed("shipment left", event("CompensationFailed", "warehouse", "shipment left"));

        assertThat(order.refunded(event("PaymentRefunded", "payments", "cancelled by the customer"))).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
        assertThat(order.attention()).containsExactly("shipment left");
    }

    @Test
    void aSecondFailureOfTheSameCompensationKeepsOneReasonAndGoesOnTheTimeline() {
        order.refundFailed("refused once", event("CompensationFailed", "payments", "refused once"));
        order.refundFailed("refused again", event("CompensationFailed", "payments", "refused again"));

        assertThat(order.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
        assertThat(order.attention()).containsExactly("refused again");
        assertThat(order.timeline()).extracting(TimelineEntry::eventType)
                .containsExactly("OrderPlaced", "CompensationFailed", "CompensationFailed");
    }

    @Test
    void anOrderWithoutFailuresNeedsNoAttention() {
        assertThat(order.attention()).isEmpty();
    }

    static Order placed() {
        Order order = new Order("o-1", "c-1", new BigDecimal("29.00"), "EUR", "4242");
        order.addLine("MUG-1", "Mug", 2, new BigDecimal("12.50"));
        order.addLine("TEA-7", "Tea", 1, new BigDecimal("4.00"));
        order.note(event("OrderPlaced", "orders", null));
        return order;
    }

    private static OrderEvent event(String type, String producer, String detail) {
        return new OrderEvent(type, producer, UUID.randomUUID().toString(), Instant.now(), detail);
    }
}

package eventshop.warehouse.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingOrderTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2025-01-01T10:00:00Z");
    private static final List<StockLine> LINES = List.of(new StockLine("MUG", 2));

    @Test
    void a_placed_order_is_served_once_when_its_payment_is_taken() {
        PendingOrder order = PendingOrder.placed("order-1", LINES, NOW);

        assertThat(order.status()).isEqualTo(PendingOrder.Status.AWAITING_PAYMENT);
        assertThat(order.paymentTaken()).isTrue();
        assertThat(order.status()).isEqualTo(PendingOrder.Status.PAID);
        assertThat(order.paymentTaken()).as("a second PaymentTaken").isFalse();
    }

    @Test
    void an_order_cancelled_before_its_payment_is_taken_is_not_served() {
        PendingOrder order = PendingOrder.placed("order-1", LINES, NOW);

        assertThat(order.cancel(NOW)).isTrue();

        assertThat(order.status()).isEqualTo(PendingOrder.Status.CANCELLED);
        assertThat(order.paymentTaken()).isFalse();
    }

    @Test
    void a_cancellation_after_the_payment_is_not_the_pending_orders_to_handle() {
        PendingOrder order = PendingOrder.placed("order-1", LINES, NOW);
        order.paymentTaken();

        assertThat(order.cancel(NOW)).isFalse();
        assertThat(order.status()).isEqualTo(PendingOrder.Status.PAID);
    }

    @Test
    void a_cancellation_heard_before_the_order_keeps_it_cancelled_once_the_order_arrives() {
        PendingOrder order = PendingOrder.cancelledBeforePlaced("order-1", NOW);

        assertThat(order.placedAgain(LINES, NOW)).isTrue();

        assertThat(order.lines()).isEqualTo(LINES);
        assertThat(order.status()).isEqualTo(PendingOrder.Status.CANCELLED);
        assertThat(order.paymentTaken()).isFalse();
    }

    @Test
    void the_same_order_placed_again_keeps_its_first_lines() {
        PendingOrder order = PendingOrder.placed("order-1", LINES, NOW);

        assertThat(order.placedAgain(List.of(new StockLine("TEE", 9)), NOW)).isFalse();
        assertThat(order.lines()).isEqualTo(LINES);
    }
}

package eventshop.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import eventshop.events.OrderCancelled;
import eventshop.events.PlacedLine;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.events.ShippedLine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

    private static final String ORDER = "0b6f3a52-5c1e-4d51-9a3c-2f4a7c1d9e10";

    @Test
    void order_placed_tells_the_order_was_received_with_its_total() {
        OrderPlaced placed = OrderPlaced.paidByToken(ORDER, "customer-1", "Ada Lovelace", "ada@example.org",
                List.of(new PlacedLine("BOOK-1", "A book", 2, new BigDecimal("12.50"), "EUR")),
                new BigDecimal("25.00"), "EUR", "tok_abcdefghijklmnopqrstuvwx", "4242");

        NotificationText text = NotificationText.of(placed, "Ada Lovelace");

        assertThat(text.kind()).isEqualTo("OrderPlaced");
        assertThat(text.subject()).isEqualTo("Order received");
        assertThat(text.body()).startsWith("Hello Ada Lovelace,")
                .contains("received your order " + ORDER)
                .contains("25.00 EUR")
                .doesNotContain("4242424242424242");
    }

    @Test
    void payment_declined_tells_the_reason() {
        NotificationText text = NotificationText.of(new PaymentDeclined(ORDER, "payment-1", "card declined"), "Ada");

        assertThat(text.kind()).isEqualTo("PaymentDeclined");
        assertThat(text.subject()).isEqualTo("Payment declined");
        assertThat(text.body()).contains("order " + ORDER).contains("declined (card declined)")
                .contains("will not be shipped");
    }

    @Test
    void order_shipped_names_the_shipment() {
        NotificationText text = NotificationText.of(
                new OrderShipped(ORDER, "shipment-9", List.of(new ShippedLine("BOOK-1", 2))), "Ada");

        assertThat(text.kind()).isEqualTo("OrderShipped");
        assertThat(text.subject()).isEqualTo("Order shipped");
        assertThat(text.body()).contains("order " + ORDER + " has been shipped (shipment shipment-9)");
    }

    @Test
    void order_cancelled_by_the_customer_says_so_and_promises_the_refund() {
        NotificationText text = NotificationText.of(
                new OrderCancelled(ORDER, "customer-1", "changed my mind", OrderCancelled.BY_CUSTOMER), "Ada");

        assertThat(text.kind()).isEqualTo("OrderCancelled");
        assertThat(text.subject()).isEqualTo("Order cancelled");
        assertThat(text.body()).contains("order " + ORDER + " has been cancelled as requested")
                .contains("refunded");
    }

    @Test
    void order_cancelled_for_lack_of_stock_says_items_are_out_of_stock() {
        NotificationText text = NotificationText.of(
                new OrderCancelled(ORDER, "customer-1", "out of stock", OrderCancelled.BY_STOCK), "Ada");

        assertThat(text.subject()).isEqualTo("Order cancelled");
        assertThat(text.body()).contains("cancelled because some items are out of stock").contains("refunded");
    }

    @Test
    void an_unknown_name_gives_a_plain_greeting() {
        NotificationText text = NotificationText.of(new PaymentDeclined(ORDER, "payment-1", "gateway timeout"), null);

        assertThat(text.body()).startsWith("Hello,\n\n");
    }
}

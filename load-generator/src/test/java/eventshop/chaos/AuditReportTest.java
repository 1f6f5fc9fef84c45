package eventshop.chaos;

import eventshop.bench.OrderMix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the audit counts an order's effects against what its terminal state requires. */
class AuditReportTest {

    private static final Map<String, Integer> PLACED_MAILS = Map.of("Order received", 1);

    private final AuditReport report = new AuditReport(new ChaosRun.Placed("run", Map.of(), Map.of(),
            Map.of("key-1", "order-1"), Map.of(OrderMix.APPROVED, 1), List.of(), Set.of(), Map.of("placing", Duration.ZERO), 0, List.of()));

    @Test
    void aShippedOrderWithEachEffectOnceIsNeitherLostNorDuplicated() {
        report.order("order-1", "SHIPPED", Map.of("OrderPlaced", 1, "PaymentTaken", 1, "OrderShipped", 1), 1, 0, 1,
                Map.of("OrderPlaced", 1, "OrderShipped", 1), Map.of("Order received", 1, "Order shipped", 1));

        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
    }

    @Test
    void aSecondCaptureAndASecondEmailAreDuplicates() {
        report.order("order-1", "SHIPPED", Map.of("OrderPlaced", 1, "PaymentTaken", 2, "OrderShipped", 1), 1, 0, 1,
                Map.of("OrderPlaced", 1, "OrderShipped", 1), Map.of("Order received", 1, "Order shipped", 2));

        assertThat(report.duplicated()).isEqualTo(2);
        assertThat(report.lost()).isZero();
    }

    @Test
    void aCancelledOrderWhosePaymentWasTakenNeedsItsRefund() {
        report.order("order-1", "CANCELLED", Map.of("OrderPlaced", 1, "PaymentTaken", 1, "OrderCancelled", 1), 1, 0, 0,
                Map.of("OrderPlaced", 1, "OrderCancelled", 1), Map.of("Order received", 1, "Order cancelled", 1));

        assertThat(report.lost()).as("the refund and its PaymentRefunded").isEqualTo(2);
        assertThat(report.violations()).singleElement().asString().startsWith("lost: 2");
    }

    @Test
    void aLateApprovalOfACancelledOrderIsRefundedOnce() {
        report.order("order-1", "CANCELLED", Map.of("OrderPlaced", 1, "OrderCancelled", 1, "PaymentRefunded", 1), 1, 1, 0,
                Map.of("OrderPlaced", 1, "OrderCancelled", 1), Map.of("Order received", 1, "Order cancelled", 1));

        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
    }

    @Test
    void aRejectedOrderWithoutItsEmailLostOne() {
        report.order("order-1", "REJECTED", Map.of("OrderPlaced", 1, "PaymentDeclined", 1), 0, 0, 0,
                Map.of("OrderPlaced", 1, "PaymentDeclined", 1), PLACED_MAILS);

        assertThat(report.lost()).isEqualTo(1);
    }

    @Test
    void anAcceptedOrderMissingFromTheDatabaseIsLostAndAnUnknownOneDuplicated() {
        report.ordersInDatabase(Map.of("order-2", "SHIPPED"), Set.of("order-1"));

        assertThat(report.lost()).isEqualTo(1);
        assertThat(report.duplicated()).isEqualTo(1);
    }

    @Test
    void messagesStillQueuedAtTheAuditMakeTheRunUnsettledAndAreNamed() {
        report.order("order-1", "REJECTED", Map.of("OrderPlaced", 1, "PaymentDeclined", 1), 0, 0, 0,
                Map.of("OrderPlaced", 1), Map.of("Order received", 1));
        report.stillQueued(Map.of("notifications", 1L));

        assertThat(report.violations()).anySatisfy(violation -> assertThat(violation)
                .startsWith("not settled").contains("notifications=1"));
        assertThat(report.markdown()).contains("| messages still in EventShop's queues at the audit | {notifications=1} |");
    }
}

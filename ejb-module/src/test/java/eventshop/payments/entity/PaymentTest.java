package eventshop.payments.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final OffsetDateTime REQUESTED = OffsetDateTime.parse("2025-01-01T10:00:00Z");
    private static final OffsetDateTime LATER = REQUESTED.plusSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static Payment pending() {
        return new Payment("payment-1", "order-1", new BigDecimal("25.00"), "EUR", "4242", REQUESTED);
    }

    @Test
    void a_new_payment_is_pending_and_keeps_the_cards_last_four_digits() {
        Payment payment = pending();

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.cardLast4()).isEqualTo("4242");
        assertThat(payment.decidedAt()).isNull();
        assertThat(payment.refund()).isEmpty();
    }

    @Test
    void an_approval_captures_a_pending_payment() {
        Payment payment = pending();

        assertThat(payment.authorized("gw_1", LATER)).isEqualTo(GatewayOutcome.TAKEN);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.gatewayReference()).isEqualTo("gw_1");
        assertThat(payment.decidedAt()).isEqualTo(LATER);
    }

    @Test
    void a_decline_declines_a_pending_payment_with_the_gateways_reason() {
        Payment payment = pending();

        assertThat(payment.declined("card declined", LATER)).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.reason()).isEqualTo("card declined");
    }

    @Test
    void a_late_or_repeated_answer_changes_nothing() {
        Payment captured = pending();
        captured.authorized("gw_1", LATER);
        Payment declined = pending();
        declined.declined("card declined", LATER);

        assertThat(captured.authorized("gw_2", LATER)).isEqualTo(GatewayOutcome.IGNORED);
        assertThat(captured.declined("card declined", LATER)).isEqualTo(GatewayOutcome.IGNORED);
        assertThat(declined.authorized("gw_3", LATER)).isEqualTo(GatewayOutcome.IGNORED);
        assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(captured.gatewayReference()).isEqualTo("gw_1");
        assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.gatewayReference()).isNull();
    }

    @Test
    void a_pending_payment_is_overdue_once_the_timeout_has_passed() {
        Payment payment = pending();

        assertThat(payment.isOverdue(REQUESTED.plus(TIMEOUT).minusNanos(1), TIMEOUT)).isFalse();
        assertThat(payment.isOverdue(REQUESTED.plus(TIMEOUT), TIMEOUT)).isTrue();
    }

    @Test
    void the_timeout_declines_a_pending_payment_with_reason_gateway_timeout() {
        Payment payment = pending();

        assertThat(payment.timeOut(LATER, TIMEOUT)).isEqualTo(GatewayOutcome.IGNORED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);

        assertThat(payment.timeOut(REQUESTED.plus(TIMEOUT), TIMEOUT)).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.reason()).isEqualTo("gateway timeout").isEqualTo(Payment.GATEWAY_TIMEOUT);
    }

    @Test
    void the_timeout_leaves_a_payment_the_gateway_answered() {
        Payment payment = pending();
        payment.authorized("gw_1", LATER);

        assertThat(payment.isOverdue(REQUESTED.plus(TIMEOUT), TIMEOUT)).isFalse();
        assertThat(payment.timeOut(REQUESTED.plus(TIMEOUT), TIMEOUT)).isEqualTo(GatewayOutcome.IGNORED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void a_cancellation_while_pending_turns_a_later_approval_into_an_immediate_refund() {
        Payment payment = pending();

        assertThat(payment.cancelWhilePending("changed my mind", LATER)).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.isRefundable()).isFalse();

        assertThat(payment.authorized("gw_1", LATER)).isEqualTo(GatewayOutcome.REFUND_AT_ONCE);
        assertThat(payment.status()).as("the money was taken after all").isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.gatewayReference()).isEqualTo("gw_1");
        assertThat(payment.isRefundable()).isTrue();
        assertThat(payment.authorized("gw_1", LATER)).as("a repeated approval").isEqualTo(GatewayOutcome.IGNORED);
    }

    @Test
    void an_approval_after_the_timeout_is_captured_and_refunded_at_once() {
        Payment payment = pending();
        payment.timeOut(REQUESTED.plus(TIMEOUT), TIMEOUT);

        assertThat(payment.authorized("gw_late", REQUESTED.plus(TIMEOUT).plusSeconds(1)))
                .isEqualTo(GatewayOutcome.REFUND_AT_ONCE);
        assertThat(payment.status()).as("the money was taken after all").isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.reason()).isEqualTo(Payment.GATEWAY_TIMEOUT);
        assertThat(payment.gatewayReference()).isEqualTo("gw_late");
        assertThat(payment.isRefundable()).isTrue();
        assertThat(payment.authorized("gw_late", LATER)).as("a repeated approval").isEqualTo(GatewayOutcome.IGNORED);
        assertThat(payment.declined("card declined", LATER)).as("a late decline").isEqualTo(GatewayOutcome.IGNORED);
    }

    @Test
    void a_cancelled_pending_payment_is_not_timed_out_and_a_decline_needs_nothing() {
        Payment payment = pending();
        payment.cancelWhilePending("changed my mind", LATER);

        assertThat(payment.timeOut(REQUESTED.plus(TIMEOUT), TIMEOUT)).isEqualTo(GatewayOutcome.IGNORED);
        assertThat(payment.declined("card declined", LATER)).isEqualTo(GatewayOutcome.IGNORED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.reason()).isEqualTo("changed my mind");
        assertThat(payment.isRefundable()).isFalse();
    }

    @Test
    void only_a_pending_payment_can_be_cancelled_while_pending() {
        Payment captured = pending();
        captured.authorized("gw_1", LATER);
        Payment declined = pending();
        declined.declined("card declined", LATER);

        assertThat(captured.cancelWhilePending("too late", LATER)).isFalse();
        assertThat(declined.cancelWhilePending("too late", LATER)).isFalse();
        assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void a_reason_longer_than_its_column_is_cut() {
        Payment payment = pending();

        payment.declined("x".repeat(2_000), LATER);

        assertThat(payment.reason()).hasSize(Reasons.MAX_LENGTH);
    }
}

package eventshop.payments.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The refund-once rule, and what the gateway's answer to a refund does. */
class RefundTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2025-01-01T10:00:05Z");

    private static Payment captured() {
        Payment payment = PaymentTest.pending();
        payment.authorized("gw_1", NOW);
        return payment;
    }

    @Test
    void a_captured_payment_is_refunded_in_full() {
        Payment payment = captured();

        Refund refund = payment.startRefund("refund-1", "out of stock", NOW).orElseThrow();

        assertThat(refund.id()).isEqualTo("refund-1");
        assertThat(refund.payment()).isSameAs(payment);
        assertThat(refund.amount()).isEqualByComparingTo(payment.amount());
        assertThat(refund.status()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(refund.reason()).isEqualTo("out of stock");
        assertThat(payment.refund()).containsSame(refund);
    }

    @Test
    void a_payment_is_refunded_at_most_once() {
        Payment payment = captured();
        payment.startRefund("refund-1", "out of stock", NOW);

        assertThat(payment.isRefundable()).isFalse();
        assertThat(payment.startRefund("refund-2", "cancelled by the customer", NOW)).isEmpty();
        assertThat(payment.refund()).get().extracting(Refund::id).isEqualTo("refund-1");
    }

    @Test
    void a_refunded_or_refused_refund_still_blocks_a_second_one() {
        Payment refunded = captured();
        refunded.startRefund("refund-1", "out of stock", NOW);
        refunded.refundApproved("refund-1", NOW);
        Payment refused = captured();
        refused.startRefund("refund-2", "out of stock", NOW);
        refused.refundRefused("refund-2", "refund refused by gateway", NOW);

        assertThat(refunded.startRefund("refund-3", "again", NOW)).isEmpty();
        assertThat(refused.startRefund("refund-4", "again", NOW)).isEmpty();
    }

    @Test
    void a_payment_that_holds_no_money_is_not_refunded() {
        Payment pending = PaymentTest.pending();
        Payment declined = PaymentTest.pending();
        declined.declined("card declined", NOW);
        Payment cancelledBeforeAnswer = PaymentTest.pending();
        cancelledBeforeAnswer.cancelWhilePending("changed my mind", NOW);

        assertThat(pending.startRefund("refund-1", "out of stock", NOW)).isEmpty();
        assertThat(declined.startRefund("refund-2", "out of stock", NOW)).isEmpty();
        assertThat(cancelledBeforeAnswer.startRefund("refund-3", "changed my mind", NOW)).isEmpty();
    }

    @Test
    void an_approval_taken_after_a_cancellation_is_refunded() {
        Payment payment = PaymentTest.pending();
        payment.cancelWhilePending("changed my mind", NOW);
        payment.authorized("gw_1", NOW);

        assertThat(payment.startRefund("refund-1", payment.reason(), NOW)).get()
                .extracting(Refund::reason).isEqualTo("changed my mind");
    }

    @Test
    void an_approved_refund_is_refunded_once_and_the_payment_stays_captured() {
        Payment payment = captured();
        payment.startRefund("refund-1", "out of stock", NOW);

        assertThat(payment.refundApproved("refund-1", NOW)).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.refund()).get().extracting(Refund::status).isEqualTo(RefundStatus.REFUNDED);
        assertThat(payment.refundApproved("refund-1", NOW)).as("a repeated answer").isFalse();
    }

    @Test
    void a_refused_refund_keeps_the_gateways_reason_and_the_money_stays_taken() {
        Payment payment = captured();
        payment.startRefund("refund-1", "out of stock", NOW);

        assertThat(payment.refundRefused("refund-1", "refund refused by gateway", NOW)).isTrue();

        Refund refund = payment.refund().orElseThrow();
        assertThat(refund.status()).isEqualTo(RefundStatus.REFUSED);
        assertThat(refund.refusalReason()).isEqualTo("refund refused by gateway");
        assertThat(refund.reason()).isEqualTo("out of stock");
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.refundApproved("refund-1", NOW)).as("an approval after the refusal").isFalse();
    }

    @Test
    void an_answer_for_another_refund_is_an_error() {
        Payment payment = captured();
        payment.startRefund("refund-1", "out of stock", NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> payment.refundApproved("refund-9", NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> captured().refundRefused("refund-1", "no", NOW));
    }

    @Test
    void a_refused_refund_is_retried_under_the_same_id_and_can_then_be_made() {
        Payment payment = captured();
        payment.startRefund("refund-1", "out of stock", NOW);
        payment.refundRefused("refund-1", "refunds are refused for this card", NOW);

        assertThat(payment.retryRefund("refund-1", NOW.plusMinutes(5))).isTrue();

        Refund refund = payment.refund().orElseThrow();
        assertThat(refund.status()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(refund.decidedAt()).isNull();
        assertThat(payment.isRefundable()).isFalse();
        assertThat(payment.refundApproved("refund-1", NOW.plusMinutes(6))).isTrue();
        assertThat(refund.status()).isEqualTo(RefundStatus.REFUNDED);
    }

    @Test
    void a_retried_refund_that_is_refused_again_is_refused_anew() {
        Payment payment = captured();
        payment.startRefund("refund-1", "out of stock", NOW);
        payment.refundRefused("refund-1", "refused once", NOW);
        payment.retryRefund("refund-1", NOW);

        assertThat(payment.refundRefused("refund-1", "refused again", NOW)).isTrue();
        assertThat(payment.refund()).get().extracting(Refund::refusalReason).isEqualTo("refused again");
    }

    @Test
    void only_a_refused_refund_is_retried() {
        Payment requested = captured();
        requested.startRefund("refund-1", "out of stock", NOW);
        Payment refunded = captured();
        refunded.startRefund("refund-2", "out of stock", NOW);
        refunded.refundApproved("refund-2", NOW);

        assertThat(requested.retryRefund("refund-1", NOW)).isFalse();
        assertThat(refunded.retryRefund("refund-2", NOW)).isFalse();
        assertThat(refunded.refund()).get().extracting(Refund::status).isEqualTo(RefundStatus.REFUNDED);
    }
}

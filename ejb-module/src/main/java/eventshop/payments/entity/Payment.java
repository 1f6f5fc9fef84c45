package eventshop.payments.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The payment of one order and its way through the gateway: PENDING until the gateway answers, then
 * CAPTURED or DECLINED; CANCELLED when the order is cancelled first (and CAPTURED after all if the
 * gateway approves later: that money is refunded at once). Captured money given back is its refund's
 * business: the payment stays CAPTURED.
 *
 * <p>Holds the rule that a payment is refunded at most once: {@link #startRefund} hands out one
 * refund per payment (the database's unique payment_id on the refund table backs it up).
 * Only the card's last four digits are kept; the card itself is the gateway's token, sent in the gateway
 * request alone.
 */
@Entity
@Table(name = "payment")
public class Payment {

    public static final String GATEWAY_TIMEOUT = "gateway timeout";

    @Id
    private String id;

    @Column(name = "order_id", nullable = false, unique = true)
    private String orderId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "card_last4", nullable = false)
    private String cardLast4;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    /** The gateway's id of the authorization; a refund quotes it back. */
    @Column(name = "gateway_reference")
    private String gatewayReference;

    /** Why it was declined, or why the order was cancelled while the payment was pending. */
    private String reason;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    /** When the gateway's answer (or its absence) decided the payment. */
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @OneToOne(mappedBy = "payment", cascade = CascadeType.PERSIST)
    private Refund refund;

    @Version
    private long version;

    protected Payment() {
    }

    /** A payment about to be authorized: PENDING from the moment the request is sent. */
    public Payment(String id, String orderId, BigDecimal amount, String currency, String cardLast4,
                   OffsetDateTime requestedAt) {
        this.id = id;
        this.orderId = orderId;
        this.amount = amount;
        this.currency = currency;
        this.cardLast4 = cardLast4;
        this.status = PaymentStatus.PENDING;
        this.requestedAt = requestedAt;
    }

    /** The gateway approved the authorization. */
    public GatewayOutcome authorized(String gatewayReference, OffsetDateTime now) {
        if (status == PaymentStatus.PENDING) {
            status = PaymentStatus.CAPTURED;
            this.gatewayReference = gatewayReference;
            decidedAt = now;
            return GatewayOutcome.TAKEN;
        }
        if (status == PaymentStatus.CANCELLED && decidedAt == null || isTimedOutWithoutAnswer()) {
            // The money was taken for an order cancelled meanwhile, or rejected because the gateway was
            // silent too long: it is captured, and must go back (the payment's reason says why).
            status = PaymentStatus.CAPTURED;
            this.gatewayReference = gatewayReference;
            decidedAt = now;
            return GatewayOutcome.REFUND_AT_ONCE;
        }
        return GatewayOutcome.IGNORED;
    }

    /** The gateway refused the authorization. */
    public GatewayOutcome declined(String reason, OffsetDateTime now) {
        if (status == PaymentStatus.PENDING) {
            status = PaymentStatus.DECLINED;
            this.reason = Reasons.fit(reason);
            decidedAt = now;
            return GatewayOutcome.DECLINED;
        }
        if (status == PaymentStatus.CANCELLED && decidedAt == null) {
            decidedAt = now; // nothing was taken, nothing to tell: the order is cancelled already
        }
        return GatewayOutcome.IGNORED;
    }

    /**
     * Declined by the timeout, and the gateway has not answered since: an approval that still comes took
     * money for an order that was rejected.
     */
    private boolean isTimedOutWithoutAnswer() {
        return status == PaymentStatus.DECLINED && GATEWAY_TIMEOUT.equals(reason) && gatewayReference == null;
    }

    /** Whether the gateway has had longer than the timeout to answer a still pending request. */
    public boolean isOverdue(OffsetDateTime now, Duration timeout) {
        return status == PaymentStatus.PENDING && !requestedAt.plus(timeout).isAfter(now);
    }

    /** Declines the payment with reason {@value #GATEWAY_TIMEOUT} if the gateway has been silent too long. */
    public GatewayOutcome timeOut(OffsetDateTime now, Duration timeout) {
        return isOverdue(now, timeout) ? declined(GATEWAY_TIMEOUT, now) : GatewayOutcome.IGNORED;
    }

    /**
     * The order was cancelled while the gateway is still deciding: no PaymentTaken will follow, and an
     * approval that still comes is refunded at once.
     *
     * @return false when the payment is not pending (then it is refunded, or there is nothing to do)
     */
    public boolean cancelWhilePending(String reason, OffsetDateTime now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        status = PaymentStatus.CANCELLED;
        this.reason = Reasons.fit(reason);
        return true;
    }

    /** Whether the gateway holds money of this payment that has not been given back or asked back. */
    public boolean isRefundable() {
        return status == PaymentStatus.CAPTURED && refund == null;
    }

    /**
     * Asks for the whole amount back, once: a payment that holds no money, or already has a refund,
     * gets none.
     */
    public Optional<Refund> startRefund(String refundId, String reason, OffsetDateTime now) {
        if (!isRefundable()) {
            return Optional.empty();
        }
        refund = new Refund(refundId, this, amount, reason, now);
        return Optional.of(refund);
    }

    /**
     * The gateway gave the money back.
     *
     * @return true the first time, when PaymentRefunded is due; false for a repeated answer
     */
    public boolean refundApproved(String refundId, OffsetDateTime now) {
        return refundOf(refundId).approved(now);
    }

    /**
     * The gateway refused to give the money back: the money is still taken.
     *
     * @return true the first time; false for a repeated answer
     */
    public boolean refundRefused(String refundId, String reason, OffsetDateTime now) {
        return refundOf(refundId).refused(reason, now);
    }

    /**
     * An operator retries the refused refund (its refusal came back from the dead-letter queue): it is
     * requested from the gateway again, under the same refund id. Still one refund per payment.
     *
     * @return false when the refund is not refused (requested or refunded: nothing to retry)
     */
    public boolean retryRefund(String refundId, OffsetDateTime now) {
        return refundOf(refundId).retried(now);
    }

    private Refund refundOf(String refundId) {
        if (refund == null || !refund.id().equals(refundId)) {
            throw new IllegalArgumentException("payment " + id + " has no refund " + refundId);
        }
        return refund;
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String cardLast4() {
        return cardLast4;
    }

    public PaymentStatus status() {
        return status;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public Optional<Refund> refund() {
        return Optional.ofNullable(refund);
    }
}

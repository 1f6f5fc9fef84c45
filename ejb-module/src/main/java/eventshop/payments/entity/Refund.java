package eventshop.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Money given back for a payment: at most one per payment (unique payment_id), created by
 * {@link Payment#startRefund} and decided by the gateway's answer.
 */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    private String id;

    @OneToOne(optional = false)
    @JoinColumn(name = "payment_id", nullable = false, unique = true, updatable = false)
    private Payment payment;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundStatus status;

    /** Why the money is given back (out of stock, the customer's cancellation). */
    private String reason;

    /** Why the gateway refused to give it back. */
    @Column(name = "refusal_reason")
    private String refusalReason;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Version
    private long version;

    protected Refund() {
    }

    Refund(String id, Payment payment, BigDecimal amount, String reason, OffsetDateTime requestedAt) {
        this.id = id;
        this.payment = payment;
        this.amount = amount;
        this.reason = Reasons.fit(reason);
        this.status = RefundStatus.REQUESTED;
        this.requestedAt = requestedAt;
    }

    boolean approved(OffsetDateTime now) {
        if (status != RefundStatus.REQUESTED) {
            return false;
        }
        status = RefundStatus.REFUNDED;
        decidedAt = now;
        return true;
    }

    boolean refused(String reason, OffsetDateTime now) {
        if (status != RefundStatus.REQUESTED) {
            return false;
        }
        status = RefundStatus.REFUSED;
        refusalReason = Reasons.fit(reason);
        decidedAt = now;
        return true;
    }

    /**
     * An operator retries a refused refund: it is REQUESTED again, to be sent to the gateway again. The
     * last refusal's reason stays until the gateway answers anew.
     */
    boolean retried(OffsetDateTime now) {
        if (status != RefundStatus.REFUSED) {
            return false;
        }
        status = RefundStatus.REQUESTED;
        requestedAt = now;
        decidedAt = null;
        return true;
    }

    public String id() {
        return id;
    }

    public Payment payment() {
        return payment;
    }

    public BigDecimal amount() {
        return amount;
    }

    public RefundStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}

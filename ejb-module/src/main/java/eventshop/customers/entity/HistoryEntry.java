package eventshop.customers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One order in a customer's history, as the customers service learnt it from the order's events. */
@Entity
@Table(name = "history_entry")
public class HistoryEntry {

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HistoryStatus status;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(name = "placed_at", nullable = false)
    private OffsetDateTime placedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** Payments and the warehouse both move an entry: concurrent updates must not overwrite each other. */
    @Version
    private long version;

    protected HistoryEntry() {
    }

    public HistoryEntry(String orderId, String customerId, BigDecimal total, Instant placedAt) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.total = total;
        this.status = HistoryStatus.PLACED;
        this.placedAt = placedAt.atOffset(ZoneOffset.UTC);
        this.updatedAt = this.placedAt;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public HistoryStatus status() {
        return status;
    }

    public BigDecimal total() {
        return total;
    }

    public Instant placedAt() {
        return placedAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }

    /**
     * Moves the entry to the given status as of the given time, if the rules allow it.
     *
     * @return false when the entry stays as it is (already terminal, or the status would go back)
     */
    public boolean moveTo(HistoryStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            return false;
        }
        status = next;
        updatedAt = at.atOffset(ZoneOffset.UTC);
        return true;
    }
}

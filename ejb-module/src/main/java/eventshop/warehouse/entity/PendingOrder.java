package eventshop.warehouse.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An order the warehouse has heard of and may have to serve: its lines, remembered from OrderPlaced
 * until the payment is taken (the warehouse reserves only then), and whether it was cancelled first,
 * so that a PaymentTaken arriving after the cancellation reserves nothing.
 */
@Entity
@Table(name = "pending_order")
public class PendingOrder {

    public enum Status {
        /** Placed; the warehouse waits for PaymentTaken. */
        AWAITING_PAYMENT,
        /** The payment was taken and the warehouse acted on it (a shipment, or StockUnavailable). */
        PAID,
        /** Cancelled before the payment was taken: a later PaymentTaken reserves nothing. */
        CANCELLED
    }

    @Id
    @Column(name = "order_id")
    private String orderId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pending_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<StockLine> lines = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    /** Null for a cancellation heard of before the order itself. */
    @Column(name = "placed_at")
    private OffsetDateTime placedAt;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Version
    private long version;

    protected PendingOrder() {
    }

    private PendingOrder(String orderId, Status status) {
        this.orderId = orderId;
        this.status = status;
    }

    public static PendingOrder placed(String orderId, List<StockLine> lines, OffsetDateTime now) {
        PendingOrder order = new PendingOrder(orderId, Status.AWAITING_PAYMENT);
        order.fill(lines, now);
        return order;
    }

    /** An OrderCancelled came before the OrderPlaced (a redelivery overtook it): remember the cancellation. */
    public static PendingOrder cancelledBeforePlaced(String orderId, OffsetDateTime now) {
        PendingOrder order = new PendingOrder(orderId, Status.CANCELLED);
        order.cancelledAt = now;
        return order;
    }

    /**
     * The OrderPlaced of an order already known: fills in the lines of one that was cancelled first.
     *
     * @return false when the lines are known already (the same order placed again)
     */
    public boolean placedAgain(List<StockLine> lines, OffsetDateTime now) {
        if (placedAt != null) {
            return false;
        }
        fill(lines, now);
        return true;
    }

    private void fill(List<StockLine> lines, OffsetDateTime now) {
        this.lines = new ArrayList<>(lines);
        this.placedAt = now;
    }

    /**
     * The payment was taken: the warehouse now serves the order, once.
     *
     * @return false when it was cancelled first, or was served already
     */
    public boolean paymentTaken() {
        if (status != Status.AWAITING_PAYMENT) {
            return false;
        }
        status = Status.PAID;
        return true;
    }

    /** @return false when the payment was taken first (then any reservation is released instead) */
    public boolean cancel(OffsetDateTime now) {
        if (status != Status.AWAITING_PAYMENT) {
            return false;
        }
        status = Status.CANCELLED;
        cancelledAt = now;
        return true;
    }

    public String orderId() {
        return orderId;
    }

    public List<StockLine> lines() {
        return List.copyOf(lines);
    }

    public Status status() {
        return status;
    }
}

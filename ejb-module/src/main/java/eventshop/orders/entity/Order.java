package eventshop.orders.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An order and its way through the shop: its lines, its status and the timeline of events that moved it.
 *
 * <p>The entity is named CustomerOrder, the table orders: ORDER is a keyword in JPQL and SQL. Several messages and
 * the customer's cancel update one order: {@code @Version} makes the later of two concurrent changes
 * roll back (and its message be redelivered) instead of overwriting the first. The control beans load
 * an order they change with OPTIMISTIC_FORCE_INCREMENT, so that a timeline-only change, which writes no
 * column of this row, takes part in that check too (two entries must not get the same {@code seq}).
 *
 * <p>Only the card's last four digits are kept: the order is paid by the card gateway's token (OrderPlaced
 * carries it to payments), and a card number a client still sends never reaches this table.
 */
@Entity(name = "CustomerOrder")
@Table(name = "orders")
public class Order {

    /** The failure columns hold 500 characters; a longer reason must not fail the message. */
    static final int REASON_LENGTH = 500;

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "card_last4", nullable = false, updatable = false)
    private String cardLast4;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** Why the refund of this order failed for good, until a retried refund is made; null otherwise. */
    @Column(name = "refund_failure")
    private String refundFailure;

    /**
     * Why another compensation failed for good (stock that could not be released): no event settles it,
     * a person does; null otherwise.
     */
    @Column(name = "lasting_failure")
    private String lastingFailure;

    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Order() {
    }

    /** A new order in PLACED; add its lines, then note the event that announced it. */
    public Order(String id, String customerId, BigDecimal total, String currency, String cardLast4) {
        if (cardLast4 == null || !cardLast4.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("a card's last four are four digits");
        }
        this.id = id;
        this.customerId = customerId;
        this.status = OrderStatus.PLACED;
        this.total = total;
        this.currency = currency;
        this.cardLast4 = cardLast4;
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    public void addLine(String sku, String name, int quantity, BigDecimal unitPrice) {
        lines.add(new OrderLine(this, lines.size() + 1, sku, name, quantity, unitPrice));
    }

    /**
     * Moves the order to {@code next} when the state machine allows it; otherwise (an event that arrives
     * late, e.g. for an order already terminal) the event goes on the timeline and nothing else changes.
     *
     * @return whether the status changed
     */
    public boolean advance(OrderStatus next, OrderEvent event) {
        // Out of NEEDS_ATTENTION only once every failed compensation is settled.
        boolean moves = status.canMoveTo(next) && !(status == OrderStatus.NEEDS_ATTENTION && !attention().isEmpty());
        if (moves) {
            status = next;
        }
        note(event);
        return moves;
    }

    /**
     * The refund, a compensation, failed for good: the order needs attention until a retried refund is made.
     *
     * @param reason why, as the payments service reported it
     */
    public void refundFailed(String reason, OrderEvent event) {
        refundFailure = shortened(reason);
        needsAttention(event);
    }

    /** A compensation other than the refund failed for good (stock that could not be released). */
    public void compensationFailed(String reason, OrderEvent event) {
        lastingFailure = shortened(reason);
        needsAttention(event);
    }

    private void needsAttention(OrderEvent event) {
        if (status.canMoveTo(OrderStatus.NEEDS_ATTENTION)) {
            status = OrderStatus.NEEDS_ATTENTION;
        }
        note(event);
    }

    /**
     * The payment was refunded: a PLACED or PAID order is cancelled by it (the compensation for missing
     * stock); an order that needed attention only because its refund had failed is settled and CANCELLED.
     *
     * @return whether the status changed
     */
    public boolean refunded(OrderEvent event) {
        refundFailure = null;
        return advance(OrderStatus.CANCELLED, event);
    }

    /** Why the order needs attention, one reason per failed compensation; empty when it needs none. */
    public List<String> attention() {
        return Stream.of(refundFailure, lastingFailure).filter(Objects::nonNull).toList();
    }

    /** Records an event on the timeline without changing the status. */
    public void note(OrderEvent event) {
        timeline.add(new TimelineEntry(this, timeline.size() + 1, status, event));
        updatedAt = now();
    }

    /** Whether an event of this type is on the timeline. */
    public boolean hasSeen(String eventType) {
        return timeline.stream().anyMatch(entry -> entry.eventType().equals(eventType));
    }

    /** The detail of the latest timeline entry of this type, if there is one and it has a detail. */
    public java.util.Optional<String> detailOf(String eventType) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).eventType().equals(eventType)) {
                return java.util.Optional.ofNullable(timeline.get(i).detail());
            }
        }
        return java.util.Optional.empty();
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public BigDecimal total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public String cardLast4() {
        return cardLast4;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    private static String shortened(String reason) {
        return reason == null || reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 1) + "…";
    }

    // OffsetDateTime in UTC, not Instant: Payara's EclipseLink (JPA 3.1) would store an Instant as a blob.
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

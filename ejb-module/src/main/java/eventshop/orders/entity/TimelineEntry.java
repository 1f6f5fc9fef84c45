package eventshop.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One event on an order's timeline, with the status the order had after it. Entries are only ever
 * added; {@code seq} keeps them in the order orders processed them, whatever the producers' clocks say.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    static final int DETAIL_LENGTH = 500;

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrderStatus status;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(nullable = false, updatable = false)
    private String producer;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "event_id", updatable = false)
    private String eventId;

    @Column(updatable = false)
    private String detail;

    protected TimelineEntry() {
    }

    TimelineEntry(Order order, int seq, OrderStatus status, OrderEvent event) {
        this.id = UUID.randomUUID().toString();
        this.order = order;
        this.seq = seq;
        this.status = status;
        this.eventType = event.type();
        this.producer = event.producer();
        this.occurredAt = event.at().atOffset(ZoneOffset.UTC);
        this.eventId = event.eventId();
        this.detail = shortened(event.detail());
    }

    // The column holds 500 characters; a producer's reason may be longer and must not fail the message.
    private static String shortened(String detail) {
        return detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    public OrderStatus status() {
        return status;
    }

    public String eventType() {
        return eventType;
    }

    public String producer() {
        return producer;
    }

    public Instant at() {
        return occurredAt.toInstant();
    }

    public String eventId() {
        return eventId;
    }

    public String detail() {
        return detail;
    }
}

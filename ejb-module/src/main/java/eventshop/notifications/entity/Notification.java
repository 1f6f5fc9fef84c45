package eventshop.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One message to a customer about one event of an order, and whether it was sent. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "order_id")
    private String orderId;

    /** The event it tells about, e.g. OrderPlaced. */
    @Column(nullable = false)
    private String kind;

    private String email;

    @Column(nullable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationStatus status;

    @Column(name = "queued_at", nullable = false)
    private OffsetDateTime queuedAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    /** Competing outbox consumers: a second copy of a send finds the row changed and rolls back. */
    @Version
    private long version;

    protected Notification() {
    }

    /**
     * A new notification: QUEUED for the given address, or NO_ADDRESS when there is none.
     *
     * @param email the customer's address, or null
     */
    public Notification(String customerId, String orderId, String kind, String email, String subject, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.customerId = customerId;
        this.orderId = orderId;
        this.kind = kind;
        this.email = email;
        this.subject = subject;
        this.status = email == null ? NotificationStatus.NO_ADDRESS : NotificationStatus.QUEUED;
        this.queuedAt = at.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public String orderId() {
        return orderId;
    }

    public String kind() {
        return kind;
    }

    public String email() {
        return email;
    }

    public String subject() {
        return subject;
    }

    public NotificationStatus status() {
        return status;
    }

    public Instant queuedAt() {
        return queuedAt.toInstant();
    }

    /** When it was handed to the mail server; null until then. */
    public Instant sentAt() {
        return sentAt == null ? null : sentAt.toInstant();
    }

    public boolean isQueued() {
        return status == NotificationStatus.QUEUED;
    }

    public void sent(Instant at) {
        if (!isQueued()) {
            throw new IllegalStateException("notification " + id + " is " + status + ", not QUEUED");
        }
        status = NotificationStatus.SENT;
        sentAt = at.atOffset(ZoneOffset.UTC);
    }
}

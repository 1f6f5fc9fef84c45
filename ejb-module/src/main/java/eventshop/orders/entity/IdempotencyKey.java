package eventshop.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An Idempotency-Key a client sent with POST /api/orders, the fingerprint of the request it came with
 * and the order that request placed: the same key with the same request answers with that order again;
 * with another request it is refused. Keys are global, not per customer: clients make them unique
 * (a UUID per checkout attempt).
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @Id
    @Column(name = "idempotency_key")
    private String key;

    /** SHA-256 (hex) of the canonical request body. */
    @Column(nullable = false, updatable = false)
    private String fingerprint;

    // A relationship, not a bare id, so that EclipseLink inserts the order before the key (foreign key).
    @OneToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected IdempotencyKey() {
    }

    public IdempotencyKey(String key, String fingerprint, Order order) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.order = order;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * The fingerprint of a key stored before orders V3: the old one was an unkeyed hash over a body that held a card
     * number, so the migration erased it. Such a key answers with its order whatever the body: refusing a retry
     * could make the client place the order a second time under a new key.
     */
    public static final String ERASED = "erased by orders V3 (was a hash over a card number)";

    public boolean sameRequest(String fingerprint) {
        return ERASED.equals(this.fingerprint) || this.fingerprint.equals(fingerprint);
    }

    public Order order() {
        return order;
    }
}

package eventshop.customers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A customer: registered through the API, or learnt from an order placed for a customer id this
 * service had not seen. A learnt customer may have no e-mail (the order did not carry one, or the
 * address belongs to another customer), so the column is nullable and unique only among addresses.
 */
@Entity
@Table(name = "customer")
public class Customer {

    /** The name of a customer learnt from an order that carried none. */
    public static final String UNKNOWN_NAME = "unknown";

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    private String email;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    protected Customer() {
    }

    private Customer(String id, String name, String email, Instant registeredAt) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.registeredAt = registeredAt.atOffset(ZoneOffset.UTC);
    }

    /** A customer who registered through the API: the id is new. */
    public static Customer registered(String name, String email, Instant at) {
        return new Customer(UUID.randomUUID().toString(), name, email, at);
    }

    /** A customer first heard of in an order; name and email as the order carried them, if at all. */
    public static Customer learntFromOrder(String id, String name, String email, Instant at) {
        return new Customer(id, name == null || name.isBlank() ? UNKNOWN_NAME : name, email, at);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The address, or null when the customer is known only from an order that gave none. */
    public String email() {
        return email;
    }

    public Instant registeredAt() {
        return registeredAt.toInstant();
    }
}

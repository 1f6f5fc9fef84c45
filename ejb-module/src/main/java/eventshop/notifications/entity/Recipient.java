package eventshop.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Who a customer is to the notifications service: the name and address last given by a
 * CustomerRegistered or OrderPlaced event. Only OrderPlaced carries an address; the order's later
 * events are mailed to the one kept here.
 */
@Entity
@Table(name = "recipient")
public class Recipient {

    @Id
    @Column(name = "customer_id")
    private String customerId;

    private String name;

    private String email;

    /** Registration and orders may both update it at the same time. */
    @Version
    private long version;

    protected Recipient() {
    }

    public Recipient(String customerId) {
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }

    /** The name, or null when no event gave one. */
    public String name() {
        return name;
    }

    /** The address, or null when no event gave one. */
    public String email() {
        return email;
    }

    /** Takes what an event says about the customer; what it leaves out is kept as it was. */
    public void learn(String name, String email) {
        if (name != null && !name.isBlank()) {
            this.name = name;
        }
        if (email != null && !email.isBlank()) {
            this.email = email;
        }
    }
}

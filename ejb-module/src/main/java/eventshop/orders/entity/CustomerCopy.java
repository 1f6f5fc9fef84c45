package eventshop.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What orders knows of a customer, from CustomerRegistered: enough to put the name and e-mail on
 * OrderPlaced, so that customers and notifications need not wait for anything else.
 */
@Entity
@Table(name = "customer_copy")
public class CustomerCopy {

    @Id
    @Column(name = "customer_id")
    private String customerId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    protected CustomerCopy() {
    }

    public CustomerCopy(String customerId, String name, String email) {
        this.customerId = customerId;
        this.name = name;
        this.email = email;
    }

    public void update(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public String customerId() {
        return customerId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }
}

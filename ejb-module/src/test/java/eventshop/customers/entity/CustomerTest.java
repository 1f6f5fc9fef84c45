package eventshop.customers.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void a_registered_customer_gets_a_new_uuid() {
        Customer customer = Customer.registered("Ada Lovelace", "ada@example.org", NOW);

        assertThat(UUID.fromString(customer.id()).toString()).isEqualTo(customer.id());
        assertThat(customer.name()).isEqualTo("Ada Lovelace");
        assertThat(customer.email()).isEqualTo("ada@example.org");
        assertThat(customer.registeredAt()).isEqualTo(NOW);
    }

    @Test
    void a_customer_learnt_from_an_order_keeps_the_orders_customer_id() {
        Customer customer = Customer.learntFromOrder("customer-7", "Grace Hopper", "grace@example.org", NOW);

        assertThat(customer.id()).isEqualTo("customer-7");
        assertThat(customer.name()).isEqualTo("Grace Hopper");
        assertThat(customer.email()).isEqualTo("grace@example.org");
    }

    @Test
    void an_order_without_name_or_email_gives_an_unknown_customer_without_email() {
        Customer customer = Customer.learntFromOrder("customer-7", null, null, NOW);

        assertThat(customer.name()).isEqualTo(Customer.UNKNOWN_NAME).isEqualTo("unknown");
        assertThat(customer.email()).isNull();
    }
}

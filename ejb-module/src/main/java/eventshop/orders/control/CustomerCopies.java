package eventshop.orders.control;

import eventshop.events.CustomerRegistered;
import eventshop.events.Envelope;
import eventshop.orders.entity.CustomerCopy;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The customers orders has heard of, from CustomerRegistered, to name them on OrderPlaced. */
@Stateless
public class CustomerCopies {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    public void apply(CustomerRegistered event, Envelope envelope) {
        CustomerCopy copy = em.find(CustomerCopy.class, event.customerId());
        if (copy == null) {
            em.persist(new CustomerCopy(event.customerId(), event.name(), event.email()));
        } else {
            copy.update(event.name(), event.email());
        }
    }

    public Optional<CustomerCopy> find(String customerId) {
        return Optional.ofNullable(em.find(CustomerCopy.class, customerId));
    }
}

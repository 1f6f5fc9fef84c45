package eventshop.customers.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.customers.entity.Customer;
import eventshop.events.CustomerRegistered;
import eventshop.platform.messaging.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Topic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The customers: registrations through the API and customers first heard of in an order. */
@Stateless
public class CustomerRegistry {

    public static final String PRODUCER = "customers";

    private static final Logger LOG = MessageLog.logger(CustomerRegistry.class);
    /** SQLSTATE of a unique constraint violation, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "customers")
    EntityManager em;

    @Resource(lookup = CustomersTopic.JNDI_NAME)
    Topic events;

    @Inject
    EventPublisher publisher;

    public Optional<Customer> find(String id) {
        return Optional.ofNullable(em.find(Customer.class, id));
    }

    /**
     * Registers a customer and journals {@link CustomerRegistered} with a row in the customers outbox, in one
     * transaction of the database alone: the event is published after the commit, also when the broker is down now
     * (then when it is back).
     *
     * @throws EmailAlreadyRegistered when another customer has the address, also when that other
     *     customer registers at the same moment (the database's unique constraint decides)
     */
    public Customer register(String name, String email) {
        if (emailTaken(email)) {
            throw new EmailAlreadyRegistered(email);
        }
        Customer customer = Customer.registered(name, email, Instant.now());
        em.persist(customer);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new EmailAlreadyRegistered(email);
            }
            throw e;
        }
        publisher.publishAfterCommit(events, new CustomerRegistered(customer.id(), customer.name(), customer.email()),
                PRODUCER, customer.id(), null);
        return customer;
    }

    /**
     * The customer with the given id; created from what an order said about it when this service has
     * not heard of it. An address already registered to someone else is not taken over: that customer
     * is then stored without one.
     */
    public Customer knownOrLearnt(String id, String name, String email, Instant at) {
        Customer customer = em.find(Customer.class, id);
        if (customer != null) {
            return customer;
        }
        if (email != null && emailTaken(email)) {
            LOG.log(Level.WARNING, "Customer {0}, first seen in an order, gives the email of another customer; "
                    + "stored without an email", id);
            email = null;
        }
        customer = Customer.learntFromOrder(id, name, email, at);
        em.persist(customer);
        // The history entry that follows refers to this row; without a mapped relationship
        // EclipseLink may order the inserts either way, so the customer goes first.
        em.flush();
        return customer;
    }

    private boolean emailTaken(String email) {
        return !em.createQuery("select c.id from Customer c where c.email = :email", String.class)
                .setParameter("email", email)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

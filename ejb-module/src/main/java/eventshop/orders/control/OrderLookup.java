package eventshop.orders.control;

import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads orders for the API. */
@Stateless
public class OrderLookup {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    /** The order with its lines and timeline loaded. */
    public Optional<Order> find(String id) {
        Order order = em.find(Order.class, id);
        if (order != null) {
            loadDetails(order);
        }
        return Optional.ofNullable(order);
    }

    /**
     * Orders newest first, optionally of one customer and/or in one status. Lines and timelines are
     * not loaded: a page shows each order's summary.
     *
     * @param page from 0
     */
    public OrderPage search(String customerId, OrderStatus status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        if (customerId != null) {
            conditions.add("o.customerId = :customerId");
        }
        if (status != null) {
            conditions.add("o.status = :status");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<Long> count = em.createQuery("select count(o) from CustomerOrder o" + where, Long.class);
        TypedQuery<Order> items = em.createQuery(
                "select o from CustomerOrder o" + where + " order by o.createdAt desc, o.id", Order.class);
        if (customerId != null) {
            count.setParameter("customerId", customerId);
            items.setParameter("customerId", customerId);
        }
        if (status != null) {
            count.setParameter("status", status);
            items.setParameter("status", status);
        }
        items.setFirstResult(page * size).setMaxResults(size);
        return new OrderPage(items.getResultList(), page, size, count.getSingleResult());
    }

    /*
     * The API turns the order into JSON after this bean's transaction has ended: the lazy lines and
     * timeline must be read while it is open.
     */
    static void loadDetails(Order order) {
        order.lines().size();
        order.timeline().size();
    }
}

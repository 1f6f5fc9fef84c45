package eventshop.orders.control;

import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What an operator watches in the orders service: how many orders are in each status now, and the orders
 * that are stuck. An order is stuck when it needs a person (NEEDS_ATTENTION), or when it is still on its way
 * (PLACED, PAID) long after it was placed: a healthy order ends within seconds (the gateway's timeout, the
 * shipping delay), so one that has not after minutes is waiting on a message that is not coming, most
 * likely one in a dead-letter queue.
 */
@Stateless
public class OrderWatch {

    /** The statuses an order passes through on its way: stuck in them when older than the limit. */
    private static final List<OrderStatus> ON_ITS_WAY = Arrays.stream(OrderStatus.values())
            .filter(status -> !status.isTerminal() && status != OrderStatus.NEEDS_ATTENTION)
            .toList();

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    /**
     * How old an order on its way may get before it counts as stuck (ISO-8601, e.g. PT5M): well above the
     * gateway's timeout (10 s) and the shipping delay (2 s), so that a slow but healthy order is not reported.
     */
    @Inject
    @ConfigProperty(name = "orders.stuck.after", defaultValue = "PT5M")
    Duration stuckAfter;

    /** The stuck orders, oldest first, and how many there are in all. */
    public record Stuck(Duration olderThan, long total, List<Order> orders) {

        public Stuck {
            orders = List.copyOf(orders);
        }
    }

    /** The orders in each status; every status is present, with 0 when no order is in it. */
    public Map<OrderStatus, Long> countsByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        Arrays.stream(OrderStatus.values()).forEach(status -> counts.put(status, 0L));
        em.createQuery("select o.status, count(o) from CustomerOrder o group by o.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((OrderStatus) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * The orders in NEEDS_ATTENTION and those on their way placed more than {@code olderThan} ago (the
     * configured age when null), oldest first, at most {@code limit} of them, with their timelines.
     */
    public Stuck stuck(Duration olderThan, int limit) {
        Duration age = olderThan == null ? stuckAfter : olderThan;
        OffsetDateTime placedBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
        long total = stuckOrders("select count(o)", "", Long.class, placedBefore).getSingleResult();
        List<Order> orders = stuckOrders("select o", " order by o.createdAt, o.id", Order.class, placedBefore)
                .setMaxResults(limit)
                .getResultList();
        orders.forEach(OrderLookup::loadDetails);
        return new Stuck(age, total, orders);
    }

    /** The stuck orders' query: what to select of them, and in which order. */
    private <T> TypedQuery<T> stuckOrders(String select, String orderBy, Class<T> type, OffsetDateTime placedBefore) {
        return em.createQuery(select + " from CustomerOrder o where o.status = :attention"
                        + " or (o.status in :onItsWay and o.createdAt <= :placedBefore)" + orderBy, type)
                .setParameter("attention", OrderStatus.NEEDS_ATTENTION)
                .setParameter("onItsWay", ON_ITS_WAY)
                .setParameter("placedBefore", placedBefore);
    }
}

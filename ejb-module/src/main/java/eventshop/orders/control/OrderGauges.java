package eventshop.orders.control;

import eventshop.orders.entity.OrderStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges over the orders schema: how many orders are in each status, and how long the oldest order that
 * is not terminal yet (NEEDS_ATTENTION included) has been waiting. Two indexed queries every few seconds
 * (orders_by_status), whatever the scrape rate; the gauges return the last values read.
 */
@Singleton
@Startup
public class OrderGauges {

    private static final Metadata BY_STATUS = Metadata.builder().withName("eventshop_orders")
            .withDescription("Orders in each status").build();
    private static final Metadata OLDEST_OPEN = Metadata.builder().withName("eventshop_oldest_open_order_age")
            .withDescription("Age of the oldest order not yet SHIPPED, REJECTED or CANCELLED (0 when there is none)")
            .withUnit(MetricUnits.SECONDS).build();

    private static final List<OrderStatus> OPEN = Arrays.stream(OrderStatus.values()).filter(s -> !s.isTerminal()).toList();

    @Inject
    MetricRegistry registry;

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    OrderWatch watch;

    private volatile Map<OrderStatus, Long> counts = Map.of();
    private volatile OffsetDateTime oldestOpen;

    @PostConstruct
    void registerGauges() {
        for (OrderStatus status : OrderStatus.values()) {
            registry.gauge(BY_STATUS, () -> counts.getOrDefault(status, 0L), new Tag("status", status.name()));
        }
        registry.gauge(OLDEST_OPEN, this::oldestOpenAgeSeconds);
    }

    private double oldestOpenAgeSeconds() {
        OffsetDateTime oldest = oldestOpen;
        return oldest == null ? 0 : Duration.between(oldest, OffsetDateTime.now(ZoneOffset.UTC)).toMillis() / 1000.0;
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void refresh() {
        counts = watch.countsByStatus();
        oldestOpen = em.createQuery("select min(o.createdAt) from CustomerOrder o where o.status in :open", OffsetDateTime.class)
                .setParameter("open", OPEN)
                .getSingleResult();
    }
}

package eventshop.orders.api;

import eventshop.orders.control.OrderWatch;
import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What GET /api/ops/orders/counts and /api/ops/orders/stuck answer. */
public final class OrderWatchView {

    private OrderWatchView() {
    }

    /**
     * @param counts every status, with the orders in it (0 included)
     * @param total every order
     * @param at when they were counted
     */
    public record Counts(Map<OrderStatus, Long> counts, long total, Instant at) {

        static Counts of(Map<OrderStatus, Long> counts) {
            return new Counts(counts, counts.values().stream().mapToLong(Long::longValue).sum(), Instant.now());
        }
    }

    /**
     * @param olderThanSeconds the age after which an order on its way counted as stuck
     * @param total how many orders are stuck, also beyond the limit
     * @param orders the oldest of them, with their timelines
     */
    public record StuckOrders(long olderThanSeconds, long total, List<StuckOrder> orders) {

        static StuckOrders of(OrderWatch.Stuck stuck) {
            Instant now = Instant.now();
            return new StuckOrders(stuck.olderThan().toSeconds(), stuck.total(),
                    stuck.orders().stream().map(order -> StuckOrder.of(order, now)).toList());
        }
    }

    /**
     * @param ageSeconds how long ago it was placed
     * @param attention why it needs attention; absent when it is only late
     * @param timeline the events that moved it, oldest first
     */
    public record StuckOrder(String id, String customerId, OrderStatus status, Instant placedAt, Instant updatedAt,
                             long ageSeconds, List<String> attention, List<OrderView.Entry> timeline) {

        static StuckOrder of(Order order, Instant now) {
            return new StuckOrder(order.id(), order.customerId(), order.status(), order.createdAt(), order.updatedAt(),
                    Duration.between(order.createdAt(), now).toSeconds(),
                    order.attention().isEmpty() ? null : order.attention(),
                    order.timeline().stream().map(OrderView.Entry::of).toList());
        }
    }
}

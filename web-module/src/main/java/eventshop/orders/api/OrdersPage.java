package eventshop.orders.api;

import eventshop.orders.control.OrderPage;
import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A page of GET /api/orders: order summaries newest first (GET /api/orders/{id} has lines and timeline).
 *
 * @param total how many orders match, on all pages
 */
public record OrdersPage(List<Summary> items, int page, int size, long total) {

    public record Summary(String id, String customerId, OrderStatus status, BigDecimal total, String currency,
                          Instant placedAt) {

        static Summary of(Order order) {
            return new Summary(order.id(), order.customerId(), order.status(), order.total(), order.currency(),
                    order.createdAt());
        }
    }

    static OrdersPage of(OrderPage page) {
        return new OrdersPage(page.items().stream().map(Summary::of).toList(), page.page(), page.size(), page.total());
    }
}

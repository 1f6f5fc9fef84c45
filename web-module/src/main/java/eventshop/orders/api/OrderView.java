package eventshop.orders.api;

import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderLine;
import eventshop.orders.entity.OrderStatus;
import eventshop.orders.entity.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order with its lines and the timeline of the events that moved it (GET /api/orders/{id}).
 *
 * @param attention why the order is NEEDS_ATTENTION: one reason per compensation that failed for good;
 *     absent when it needs none
 */
public record OrderView(String id, String customerId, OrderStatus status, List<Line> lines, BigDecimal total,
                        String currency, Instant placedAt, List<String> attention, List<Entry> timeline) {

    public record Line(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

        static Line of(OrderLine line) {
            return new Line(line.sku(), line.name(), line.quantity(), line.unitPrice(), line.lineTotal());
        }
    }

    /**
     * @param event the event's type, e.g. PaymentTaken
     * @param producer the service that published it
     * @param detail what the event adds in words (a decline reason, the skus short of stock); absent if none
     */
    public record Entry(OrderStatus status, String event, String producer, Instant at, String detail) {

        static Entry of(TimelineEntry entry) {
            return new Entry(entry.status(), entry.eventType(), entry.producer(), entry.at(), entry.detail());
        }
    }

    static OrderView of(Order order) {
        return new OrderView(order.id(), order.customerId(), order.status(),
                order.lines().stream().map(Line::of).toList(), order.total(), order.currency(), order.createdAt(),
                order.attention().isEmpty() ? null : order.attention(),
                order.timeline().stream().map(Entry::of).toList());
    }
}

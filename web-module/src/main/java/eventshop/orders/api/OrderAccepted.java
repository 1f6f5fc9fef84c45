package eventshop.orders.api;

import eventshop.orders.entity.Order;
import eventshop.orders.entity.OrderStatus;

/** The answer to POST /api/orders: the order's id and where it stands now. */
public record OrderAccepted(String id, OrderStatus status) {

    static OrderAccepted of(Order order) {
        return new OrderAccepted(order.id(), order.status());
    }
}

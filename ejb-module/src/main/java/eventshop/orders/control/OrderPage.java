package eventshop.orders.control;

import eventshop.orders.entity.Order;
import java.util.List;

/** One page of orders, newest first. @param total how many orders match, on all pages */
public record OrderPage(List<Order> items, int page, int size, long total) {

    public OrderPage {
        items = List.copyOf(items);
    }
}

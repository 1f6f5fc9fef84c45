package eventshop.customers.api;

import eventshop.customers.entity.Customer;
import eventshop.customers.entity.HistoryEntry;
import java.util.List;

/** A customer with its order history, the most recent order first. */
public record CustomerView(String id, String name, String email, List<OrderSummary> orders) {

    static CustomerView of(Customer customer, List<HistoryEntry> history) {
        return new CustomerView(customer.id(), customer.name(), customer.email(),
                history.stream().map(OrderSummary::of).toList());
    }
}

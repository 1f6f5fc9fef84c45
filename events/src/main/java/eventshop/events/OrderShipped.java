package eventshop.events;

import java.util.List;

/** The warehouse shipped an order: the order's terminal happy state. */
@Contract(type = "OrderShipped", version = 1)
public record OrderShipped(String orderId, String shipmentId, List<ShippedLine> lines) implements OrderMessage {

    public OrderShipped {
        lines = List.copyOf(lines); // events are facts: nobody may change them after the fact
    }
}

package eventshop.events;

import java.util.List;

/**
 * The warehouse cannot reserve a paid order's stock; starts the compensation (refund, cancel).
 *
 * @param skus the skus short of stock
 */
@Contract(type = "StockUnavailable", version = 1)
public record StockUnavailable(String orderId, List<String> skus, String reason) implements OrderMessage {

    public StockUnavailable {
        skus = List.copyOf(skus); // events are facts: nobody may change them after the fact
    }
}

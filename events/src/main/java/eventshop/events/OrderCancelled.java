package eventshop.events;

/**
 * An order was cancelled before it shipped, by the customer or because the warehouse had no stock.
 * Consumers compensate: the warehouse releases its reservation, payments refunds.
 *
 * @param cancelledBy {@code "customer"} or {@code "stock"}
 */
@Contract(type = "OrderCancelled", version = 1)
public record OrderCancelled(String orderId, String customerId, String reason, String cancelledBy)
        implements OrderMessage {

    public static final String BY_CUSTOMER = "customer";
    public static final String BY_STOCK = "stock";
}

package eventshop.orders.control;

/** One item of an order as the customer asked for it, before pricing. */
public record RequestedItem(String sku, int quantity) {
}

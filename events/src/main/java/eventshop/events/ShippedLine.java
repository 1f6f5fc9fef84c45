package eventshop.events;

/** A quantity of one sku that left the warehouse in a shipment. */
public record ShippedLine(String sku, int quantity) {
}

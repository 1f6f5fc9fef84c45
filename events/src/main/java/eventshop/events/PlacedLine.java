package eventshop.events;

import java.math.BigDecimal;

/** One line of an order, priced by the orders service when the order was placed. */
public record PlacedLine(String sku, String name, int quantity, BigDecimal unitPrice, @Since(2) String currency) {
}

package eventshop.orders.control;

import java.math.BigDecimal;
import java.util.List;

/** An order's lines priced from the catalogue copy, and what they come to. */
public record PricedOrder(List<Line> lines, BigDecimal total, String currency) {

    public PricedOrder {
        lines = List.copyOf(lines);
    }

    public record Line(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }
}

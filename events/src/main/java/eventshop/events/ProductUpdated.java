package eventshop.events;

import java.math.BigDecimal;

/**
 * The warehouse changed a product: its name, price or the quantity available for sale.
 * Carries the whole state (event-carried state transfer) so the orders service can keep its
 * catalogue copy without asking the warehouse.
 */
@Contract(type = "ProductUpdated", version = 1)
public record ProductUpdated(String sku, String name, BigDecimal price, int available) implements Event {

    @Override
    public String correlationKey() {
        return sku;
    }
}

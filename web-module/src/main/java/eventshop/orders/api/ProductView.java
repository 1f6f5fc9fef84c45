package eventshop.orders.api;

import eventshop.orders.entity.CatalogueItem;
import java.math.BigDecimal;
import java.time.Instant;

/** A product as customers see it. */
public record ProductView(String sku, String name, BigDecimal price, int available, Instant asOf) {

    static ProductView of(CatalogueItem item) {
        return new ProductView(item.sku(), item.name(), item.price(), item.available(), item.asOf());
    }
}

package eventshop.warehouse.api;

import eventshop.warehouse.entity.Product;
import java.math.BigDecimal;

/** A product as the warehouse holds it, answered to the operator who changed it. */
public record StockView(String sku, String name, BigDecimal price, int stockOnHand, int reserved, int available) {

    static StockView of(Product product) {
        return new StockView(product.sku(), product.name(), product.price(), product.stockOnHand(),
                product.reserved(), product.available());
    }
}

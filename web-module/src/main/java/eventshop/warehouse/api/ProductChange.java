package eventshop.warehouse.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The body of PUT /api/products/{sku}. The name may be left out when the product exists. A class with
 * constrained fields, not a record: Payara 6.2025.9's OpenAPI generator fails on constraints on a
 * record's constructor parameters.
 */
public class ProductChange {

    @Size(min = 1, max = 200)
    public String name;

    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 10, fraction = 2)
    public BigDecimal price;

    @NotNull
    @Min(0)
    public Integer stockOnHand;

    public String name() {
        return name;
    }

    public BigDecimal price() {
        return price;
    }

    public Integer stockOnHand() {
        return stockOnHand;
    }
}

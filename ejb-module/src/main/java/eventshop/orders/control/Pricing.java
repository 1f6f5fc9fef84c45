package eventshop.orders.control;

import eventshop.orders.entity.CatalogueItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prices an order from the catalogue copy: each line is quantity × the catalogue's unit price, the
 * total their sum, all in euros (the only currency the shop sells in). Stock is not checked here:
 * the warehouse is the only judge of it and decides after payment.
 */
public final class Pricing {

    public static final String CURRENCY = "EUR";
    /** The largest amount a NUMERIC(12,2) column holds. */
    static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");

    private final Function<String, Optional<CatalogueItem>> catalogue;

    /** @param catalogue finds a product of the catalogue copy by sku */
    public Pricing(Function<String, Optional<CatalogueItem>> catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @throws OrderRejected INVALID_REQUEST naming {@code items[i].sku} when a sku appears on two items;
     *     UNKNOWN_SKU naming each {@code items[i].sku} the catalogue does not have; INVALID_REQUEST naming
     *     {@code items} when the total is more than an order can hold
     */
    public PricedOrder price(List<RequestedItem> items) {
        rejectRepeatedSkus(items);
        List<OrderRejected.Field> unknown = new ArrayList<>();
        List<PricedOrder.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            RequestedItem item = items.get(i);
            Optional<CatalogueItem> product = catalogue.apply(item.sku());
            if (product.isEmpty()) {
                unknown.add(new OrderRejected.Field(skuField(i), "no product with sku '" + item.sku() + "' in the catalogue"));
                continue;
            }
            BigDecimal unitPrice = money(product.get().price());
            BigDecimal lineTotal = money(unitPrice.multiply(BigDecimal.valueOf(item.quantity())));
            lines.add(new PricedOrder.Line(item.sku(), product.get().name(), item.quantity(), unitPrice, lineTotal));
            total = total.add(lineTotal);
        }
        if (!unknown.isEmpty()) {
            throw new OrderRejected(OrderRejected.Reason.UNKNOWN_SKU,
                    "The order names products that are not in the catalogue.", unknown);
        }
        if (total.compareTo(MAX_TOTAL) > 0) {
            throw new OrderRejected(OrderRejected.Reason.INVALID_REQUEST, "The request is not valid.", List.of(
                    new OrderRejected.Field("items", "come to " + total + " " + CURRENCY + ", more than an order can hold ("
                            + MAX_TOTAL + ")")));
        }
        return new PricedOrder(lines, money(total), CURRENCY);
    }

    // One line per sku: the warehouse checks and reserves stock line by line.
    private static void rejectRepeatedSkus(List<RequestedItem> items) {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<OrderRejected.Field> repeated = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = firstIndex.putIfAbsent(items.get(i).sku(), i);
            if (first != null) {
                repeated.add(new OrderRejected.Field(skuField(i),
                        "repeats the sku of items[" + first + "]; put the whole quantity on one item"));
            }
        }
        if (!repeated.isEmpty()) {
            throw new OrderRejected(OrderRejected.Reason.INVALID_REQUEST, "The request is not valid.", repeated);
        }
    }

    private static String skuField(int index) {
        return "items[" + index + "].sku";
    }

    // Euros and cents; the catalogue already holds two decimals, this keeps every amount in one scale.
    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}

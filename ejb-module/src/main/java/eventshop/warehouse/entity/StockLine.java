package eventshop.warehouse.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** A quantity of one sku: a line of an order the warehouse serves, reserves or ships. */
@Embeddable
public class StockLine {

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    protected StockLine() {
    }

    public StockLine(String sku, int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("a line of " + sku + " needs a quantity of at least 1, not " + quantity);
        }
        this.sku = Objects.requireNonNull(sku, "sku");
        this.quantity = quantity;
    }

    /**
     * One line per sku, quantities added up, in the order the skus first appear: an order may name a
     * sku twice, and the stock must be judged on the total.
     */
    public static <T> List<StockLine> perSku(Collection<T> lines, Function<T, String> sku, ToIntFunction<T> quantity) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (T line : lines) {
            totals.merge(sku.apply(line), quantity.applyAsInt(line), Integer::sum);
        }
        return totals.entrySet().stream().map(total -> new StockLine(total.getKey(), total.getValue())).toList();
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StockLine line && line.sku.equals(sku) && line.quantity == quantity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, quantity);
    }

    @Override
    public String toString() {
        return quantity + " x " + sku;
    }
}

package eventshop.warehouse.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * The reservation of a paid order's stock and the shipment it becomes: RESERVED (units set aside on
 * each product) until it is due, then SHIPPED (the units leave), or CANCELLED (the units go back to
 * sale). One per order (unique order_id).
 *
 * <p>The stock arithmetic happens here, on the products handed in: reserve on creation, ship or
 * release once. The version keeps the shipping timer and a cancellation from both acting on it.
 */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    private String id;

    @Column(name = "order_id", nullable = false, unique = true)
    private String orderId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "line_no")
    private List<StockLine> lines = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShipmentStatus status;

    @Column(name = "reserved_at", nullable = false)
    private OffsetDateTime reservedAt;

    /** When the shipping timer sends it off. */
    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "shipped_at")
    private OffsetDateTime shippedAt;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Version
    private long version;

    protected Shipment() {
    }

    private Shipment(String id, String orderId, List<StockLine> lines, OffsetDateTime reservedAt, OffsetDateTime dueAt) {
        this.id = id;
        this.orderId = orderId;
        this.lines = new ArrayList<>(lines);
        this.status = ShipmentStatus.RESERVED;
        this.reservedAt = reservedAt;
        this.dueAt = dueAt;
    }

    /**
     * Reserves every line on its product and returns the reservation, due to ship at {@code dueAt}.
     *
     * @param products the products of the lines, by sku
     * @throws IllegalStateException when a line's product is missing or short of stock (check first with
     *     {@link #skusShortOfStock}); products already reserved then must be rolled back with the transaction
     */
    public static Shipment reserve(String id, String orderId, List<StockLine> lines, Map<String, Product> products,
                                   OffsetDateTime now, OffsetDateTime dueAt) {
        applyToProducts(lines, products, Product::reserve);
        return new Shipment(id, orderId, lines, now, dueAt);
    }

    /** The skus among the lines that the warehouse cannot reserve: unknown, or fewer available than ordered. */
    public static List<String> skusShortOfStock(List<StockLine> lines, Map<String, Product> products) {
        return lines.stream()
                .filter(line -> !products.containsKey(line.sku()) || products.get(line.sku()).available() < line.quantity())
                .map(StockLine::sku)
                .distinct()
                .toList();
    }

    public boolean isDue(OffsetDateTime now) {
        return status == ShipmentStatus.RESERVED && !dueAt.isAfter(now);
    }

    /** The reserved units leave the warehouse. */
    public void ship(Map<String, Product> products, OffsetDateTime now) {
        requireReserved("ship");
        applyToProducts(lines, products, Product::ship);
        status = ShipmentStatus.SHIPPED;
        shippedAt = now;
    }

    /** The order was cancelled before shipping: the reserved units go back to sale. */
    public void cancel(Map<String, Product> products, OffsetDateTime now) {
        requireReserved("cancel");
        applyToProducts(lines, products, Product::release);
        status = ShipmentStatus.CANCELLED;
        cancelledAt = now;
    }

    private void requireReserved(String action) {
        if (status != ShipmentStatus.RESERVED) {
            throw new IllegalStateException("cannot " + action + " shipment " + id + " of order " + orderId
                    + ": it is " + status);
        }
    }

    /** Applies a stock change to each line's product, with the line's quantity. */
    private static void applyToProducts(List<StockLine> lines, Map<String, Product> products,
                                        ObjIntConsumer<Product> change) {
        for (StockLine line : lines) {
            Product product = products.get(line.sku());
            if (product == null) {
                throw new IllegalStateException("no product " + line.sku());
            }
            change.accept(product, line.quantity());
        }
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public List<StockLine> lines() {
        return List.copyOf(lines);
    }

    public ShipmentStatus status() {
        return status;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public OffsetDateTime shippedAt() {
        return shippedAt;
    }
}

package eventshop.warehouse.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * A product the warehouse stocks. The database holds the invariant {@code reserved <= stockOnHand}
 * (constraint product_stock_covers_reserved), so no code path can oversell, whatever it forgets.
 *
 * <p>Paid orders reserve units ({@link #reserve}); a reservation either leaves with its shipment
 * ({@link #ship}) or is given back when the order is cancelled ({@link #release}). Every change bumps
 * the version: of two transactions that read the same row to reserve its last unit, the second to
 * commit fails instead of overwriting the first one's reservation.
 */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(name = "stock_on_hand", nullable = false)
    private int stockOnHand;

    @Column(nullable = false)
    private int reserved;

    @Version
    private long version;

    protected Product() {
    }

    public Product(String sku, String name) {
        this.sku = sku;
        this.name = name;
        this.price = BigDecimal.ZERO;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public BigDecimal price() {
        return price;
    }

    public int stockOnHand() {
        return stockOnHand;
    }

    public int reserved() {
        return reserved;
    }

    /** What can still be sold: on hand, less what paid orders have reserved. */
    public int available() {
        return stockOnHand - reserved;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void reprice(BigDecimal price) {
        this.price = price;
    }

    public void restock(int stockOnHand) {
        this.stockOnHand = stockOnHand;
    }

    /** Sets units aside for a paid order. */
    public void reserve(int quantity) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new IllegalStateException("cannot reserve " + quantity + " of " + sku + ": only " + available()
                    + " available");
        }
        reserved += quantity;
    }

    /** Gives reserved units back to sale (the order was cancelled before it shipped). */
    public void release(int quantity) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException("cannot release " + quantity + " of " + sku + ": only " + reserved
                    + " reserved");
        }
        reserved -= quantity;
    }

    /** Reserved units leave the warehouse: on hand and reserved both fall, available stays. */
    public void ship(int quantity) {
        release(quantity);
        stockOnHand -= quantity;
    }

    private void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + sku + " must be at least 1, not " + quantity);
        }
    }
}

package eventshop.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The orders service's copy of a warehouse product, kept current by ProductUpdated events, so that
 * orders can be priced and validated without asking the warehouse.
 */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem {

    @Id
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private int available;

    /**
     * When the warehouse made the change this copy reflects; older events are ignored.
     * OffsetDateTime, not Instant: Payara's EclipseLink (JPA 3.1) would serialize an Instant as a blob.
     */
    @Column(name = "as_of", nullable = false)
    private OffsetDateTime asOf;

    protected CatalogueItem() {
    }

    public CatalogueItem(String sku) {
        this.sku = sku;
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

    public int available() {
        return available;
    }

    public Instant asOf() {
        return asOf.toInstant();
    }

    /** Applies the warehouse's state as of the given time, unless this copy is already newer. */
    public boolean apply(String name, BigDecimal price, int available, Instant asOf) {
        if (this.asOf != null && this.asOf.toInstant().isAfter(asOf)) {
            return false;
        }
        this.name = name;
        this.price = price;
        this.available = available;
        this.asOf = asOf.atOffset(ZoneOffset.UTC);
        return true;
    }
}

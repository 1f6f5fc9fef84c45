package eventshop.warehouse.control;

import eventshop.events.ProductUpdated;
import eventshop.warehouse.entity.Product;
import eventshop.warehouse.entity.StockLine;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The warehouse's products: changes to them and the {@link ProductUpdated} events they cause. */
@Stateless
public class ProductCatalogue {

    public static final String PRODUCER = "warehouse";

    @PersistenceContext(unitName = "warehouse")
    EntityManager em;

    @Inject
    WarehouseEvents events;

    public Optional<Product> find(String sku) {
        return Optional.ofNullable(em.find(Product.class, sku));
    }

    /** The products of the given lines that exist, by sku, in the lines' order. */
    public Map<String, Product> productsOf(List<StockLine> lines) {
        Map<String, Product> products = new LinkedHashMap<>();
        for (StockLine line : lines) {
            find(line.sku()).ifPresent(product -> products.put(product.sku(), product));
        }
        return products;
    }

    /**
     * The products of the given lines that exist, by sku, locked for this transaction: the caller (a listener)
     * changes their stock. Reservations and releases of one product then wait for each other instead of failing
     * on the version at commit and coming back a second later with the broker's redelivery (a popular product
     * made most of its orders wait for that back-off: docs/performance.md). Locked in sku order, so two orders
     * with the same products cannot deadlock. The version still guards every change.
     *
     * <p>Not for the shipping timer: in its REQUIRES_NEW transactions, started from a method without one, the
     * lock's query made Payara lose the XA connection (XAResource.end without start) until the pool ran dry.
     */
    public Map<String, Product> lockedProductsOf(List<StockLine> lines) {
        Map<String, Product> products = new LinkedHashMap<>();
        lines.stream().map(StockLine::sku).distinct().sorted().forEach(sku -> {
            Product product = em.find(Product.class, sku, LockModeType.PESSIMISTIC_WRITE);
            if (product != null) {
                products.put(sku, product);
            }
        });
        return products;
    }

    /**
     * Creates or changes a product and journals its new state (ProductUpdated) with a row in the warehouse outbox,
     * in one transaction of the database alone: the event is published after the commit, also when the broker is
     * down now (then when it is back).
     *
     * @param name the new name, or null to keep the current one (required for a new product)
     * @throws ProductRejected when the database refuses the change (e.g. stock below reservations);
     *     the row and the event are then both rolled back
     */
    public Product update(String sku, String name, BigDecimal price, int stockOnHand) {
        Product product = em.find(Product.class, sku);
        if (product == null) {
            if (name == null) {
                throw new ProductIncomplete("name", "a new product needs a name");
            }
            product = new Product(sku, name);
            em.persist(product);
        } else if (name != null) {
            product.rename(name);
        }
        product.reprice(price);
        product.restock(stockOnHand);
        events.productChangedByRequest(product);
        flushSoTheDatabaseJudges(product);
        return product;
    }

    /*
     * The event is already journaled (inside the transaction) when the database checks its constraints:
     * flushing here turns a violation into a clear rejection, and the rollback takes the event with it.
     */
    private void flushSoTheDatabaseJudges(Product product) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ProductRejected("stockOnHand", "product " + product.sku()
                    + " was changed at the same moment (an order reserved or shipped some); read it again and retry");
        } catch (PersistenceException e) {
            throw new ProductRejected("stockOnHand", "product " + product.sku()
                    + ": the database refused the change (stock on hand cannot fall below the "
                    + product.reserved() + " units reserved)");
        }
    }
}

package eventshop.orders.control;

import eventshop.events.Envelope;
import eventshop.events.ProductUpdated;
import eventshop.orders.entity.CatalogueItem;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The orders service's read copy of the catalogue (event-carried state transfer). */
@Stateless
public class CatalogueCopy {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    public void apply(ProductUpdated event, Envelope envelope) {
        CatalogueItem item = em.find(CatalogueItem.class, event.sku());
        if (item == null) {
            item = new CatalogueItem(event.sku());
            em.persist(item);
        }
        item.apply(event.name(), event.price(), event.available(), envelope.occurredAt());
    }

    public List<CatalogueItem> all() {
        return em.createQuery("select i from CatalogueItem i order by i.sku", CatalogueItem.class).getResultList();
    }

    public Optional<CatalogueItem> find(String sku) {
        return Optional.ofNullable(em.find(CatalogueItem.class, sku));
    }
}

package eventshop.warehouse.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.warehouse.entity.Product;
import eventshop.warehouse.entity.Shipment;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends reserved stock off: the units leave the products, and OrderShipped and ProductUpdated go out. */
@Stateless
public class Shipping {

    private static final Logger LOG = MessageLog.logger(Shipping.class);

    @PersistenceContext(unitName = "warehouse")
    EntityManager em;

    @Inject
    ProductCatalogue catalogue;

    @Inject
    WarehouseEvents events;

    /**
     * @param products the shipment's products, by sku, read in this transaction
     * @param causationId the event that caused it (PaymentTaken when shipping at once), or null for the timer
     */
    public void ship(Shipment shipment, Map<String, Product> products, String causationId) {
        shipment.ship(products, Fulfilment.now());
        events.orderShipped(shipment, causationId);
        events.productsUpdated(products.values(), shipment.orderId(), causationId);
        LOG.log(Level.FINE, "Shipment {0} of order {1} shipped", new Object[] {shipment.id(), shipment.orderId()});
    }

    /**
     * Ships the shipment if it is (still) reserved and due, in a transaction of its own: one shipment
     * that fails does not hold back the others.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void shipIfDue(String shipmentId) {
        Shipment shipment = em.find(Shipment.class, shipmentId);
        if (shipment != null && shipment.isDue(Fulfilment.now())) {
            ship(shipment, catalogue.productsOf(shipment.lines()), null);
        }
    }
}

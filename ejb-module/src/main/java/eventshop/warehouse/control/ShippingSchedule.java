package eventshop.warehouse.control;

import eventshop.platform.messaging.MessageLog;
import eventshop.warehouse.entity.ShipmentStatus;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ships the reservations that are due ({@code warehouse.shipping.delay.ms} after the payment), checked
 * every second.
 *
 * <p>The timer is not persistent: every server instance scans, and a shipment two instances (or a
 * cancellation) touch at once is handled once (the shipment's and products' versions).
 */
@Stateless
public class ShippingSchedule {

    /** Enough for a second's work; what is left waits for the next scan. */
    private static final int BATCH = 100;

    private static final Logger LOG = MessageLog.logger(ShippingSchedule.class);

    @PersistenceContext(unitName = "warehouse")
    EntityManager em;

    @Inject
    Shipping shipping;

    @Schedule(second = "*/1", minute = "*", hour = "*", persistent = false, info = "warehouse shipping")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void shipDueReservations() {
        List<String> due = em.createQuery("select s.id from Shipment s where s.status = :reserved"
                        + " and s.dueAt <= :now order by s.dueAt", String.class)
                .setParameter("reserved", ShipmentStatus.RESERVED)
                .setParameter("now", Fulfilment.now())
                .setMaxResults(BATCH)
                .getResultList();
        for (String shipmentId : due) {
            try {
                shipping.shipIfDue(shipmentId);
            } catch (EJBException e) {
                // That shipment's own transaction is rolled back (a cancellation or another instance won
                // the version race, or the broker failed): the next scan sees it again if still reserved.
                LOG.log(Level.WARNING, "Could not ship " + shipmentId + "; retried at the next scan", e);
            }
        }
    }
}

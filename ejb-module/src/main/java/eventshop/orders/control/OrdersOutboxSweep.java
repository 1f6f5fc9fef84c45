package eventshop.orders.control;

import eventshop.platform.messaging.OutboxRelay;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Wakes the relay of the orders outbox every few seconds, besides the wake-up each commit gives it: what a
 * relay could not send (the broker was down) or a crash left in the outbox goes out without waiting for the
 * next order.
 */
@Singleton
@Startup
public class OrdersOutboxSweep {

    @Inject
    OutboxRelay relay;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "orders outbox sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        relay.wake(OrderEvents.PRODUCER);
    }
}

package eventshop.warehouse.boundary;

import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.PaymentTaken;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.SubscriptionListener;
import eventshop.warehouse.control.Fulfilment;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/** The warehouse's subscription: orders placed and cancelled, payments taken, one order's events in order. */
@MessageDriven
public class WarehouseSubscription extends SubscriptionListener {

    @Inject Fulfilment fulfilment;

    @Override
    protected List<Handler<?>> handlers() {
        return List.of(Handler.on(OrderPlaced.class, fulfilment::orderPlaced),
                Handler.on(PaymentTaken.class, fulfilment::paymentTaken),
                Handler.on(OrderCancelled.class, fulfilment::orderCancelled));
    }
}

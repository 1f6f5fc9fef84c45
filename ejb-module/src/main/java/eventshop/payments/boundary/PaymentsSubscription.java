package eventshop.payments.boundary;

import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.StockUnavailable;
import eventshop.payments.control.Payments;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.SubscriptionListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/** The payments service's subscription: orders placed and cancelled, stock that is not there. */
@MessageDriven
public class PaymentsSubscription extends SubscriptionListener {

    @Inject Payments payments;

    @Override
    protected List<Handler<?>> handlers() {
        return List.of(Handler.on(OrderPlaced.class, payments::orderPlaced),
                Handler.on(StockUnavailable.class, payments::stockUnavailable),
                Handler.on(OrderCancelled.class, payments::orderCancelled));
    }
}

package eventshop.customers.boundary;

import eventshop.customers.control.OrderHistory;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.events.PaymentTaken;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.SubscriptionListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/** The customers service's subscription: the order events that make up each customer's order history. */
@MessageDriven
public class CustomersSubscription extends SubscriptionListener {

    @Inject OrderHistory history;

    @Override
    protected List<Handler<?>> handlers() {
        return List.of(Handler.on(OrderPlaced.class, history::orderPlaced),
                Handler.on(PaymentTaken.class, history::paymentTaken),
                Handler.on(PaymentDeclined.class, history::paymentDeclined),
                Handler.on(OrderShipped.class, history::orderShipped),
                Handler.on(OrderCancelled.class, history::orderCancelled));
    }
}

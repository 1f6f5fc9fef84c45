package eventshop.notifications.boundary;

import eventshop.events.CustomerRegistered;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.notifications.control.Notifier;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.SubscriptionListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/** The notifications service's subscription: every step of an order a customer hears about. */
@MessageDriven
public class NotificationsSubscription extends SubscriptionListener {

    @Inject Notifier notifier;

    @Override
    protected List<Handler<?>> handlers() {
        return List.of(Handler.on(CustomerRegistered.class, notifier::customerRegistered),
                Handler.on(OrderPlaced.class, notifier::orderPlaced),
                Handler.on(PaymentDeclined.class, notifier::paymentDeclined),
                Handler.on(OrderShipped.class, notifier::orderShipped),
                Handler.on(OrderCancelled.class, notifier::orderCancelled));
    }
}

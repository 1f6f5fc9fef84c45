package eventshop.orders.boundary;

import eventshop.events.CompensationFailed;
import eventshop.events.CustomerRegistered;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;
import eventshop.events.PaymentRefunded;
import eventshop.events.PaymentTaken;
import eventshop.events.ProductUpdated;
import eventshop.events.StockUnavailable;
import eventshop.orders.control.CatalogueCopy;
import eventshop.orders.control.CustomerCopies;
import eventshop.orders.control.OrderLifecycle;
import eventshop.platform.messaging.Handler;
import eventshop.platform.messaging.SubscriptionListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;

/** The orders service's subscription: what it listens to and how (topology/topology.yaml), and its handlers. */
@MessageDriven
public class OrdersSubscription extends SubscriptionListener {

    @Inject CatalogueCopy catalogue;
    @Inject CustomerCopies customers;
    @Inject OrderLifecycle orders;

    @Override
    protected List<Handler<?>> handlers() {
        return List.of(Handler.on(ProductUpdated.class, catalogue::apply),
                Handler.on(CustomerRegistered.class, customers::apply),
                Handler.on(PaymentTaken.class, orders::paymentTaken),
                Handler.on(PaymentDeclined.class, orders::paymentDeclined),
                Handler.on(StockUnavailable.class, orders::stockUnavailable),
                Handler.on(OrderShipped.class, orders::orderShipped),
                Handler.on(PaymentRefunded.class, orders::paymentRefunded),
                Handler.on(CompensationFailed.class, orders::compensationFailed));
    }
}

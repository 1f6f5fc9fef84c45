package eventshop.notifications.control;

import eventshop.events.Contract;
import eventshop.events.Event;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderShipped;
import eventshop.events.PaymentDeclined;

/**
 * What a customer is told about an event of an order: plain text, short, naming the order.
 *
 * @param kind the event's type, e.g. OrderPlaced
 */
public record NotificationText(String kind, String subject, String body) {

    private static final String SIGNATURE = "\n\nEventShop\n";

    /** @param name the customer's name, or null when it is not known */
    public static NotificationText of(OrderPlaced event, String name) {
        return text(event, "Order received", name,
                "we have received your order " + event.orderId() + " for " + event.total() + " " + event.currency()
                        + ". We will write again when it ships.");
    }

    public static NotificationText of(PaymentDeclined event, String name) {
        return text(event, "Payment declined", name,
                "the payment for your order " + event.orderId() + " was declined (" + event.reason()
                        + "), so the order will not be shipped. Nothing has been charged.");
    }

    public static NotificationText of(OrderShipped event, String name) {
        return text(event, "Order shipped", name,
                "your order " + event.orderId() + " has been shipped (shipment " + event.shipmentId() + ").");
    }

    public static NotificationText of(OrderCancelled event, String name) {
        String why = OrderCancelled.BY_STOCK.equals(event.cancelledBy())
                ? "because some items are out of stock (" + event.reason() + ")"
                : "as requested (" + event.reason() + ")";
        return text(event, "Order cancelled", name,
                "your order " + event.orderId() + " has been cancelled " + why
                        + ". Any payment taken for it is refunded.");
    }

    private static NotificationText text(Event event, String subject, String name, String message) {
        String greeting = name == null || name.isBlank() ? "Hello," : "Hello " + name + ",";
        // The contract's type, read from its annotation: EventCodec would start a JSON-B provider for nothing.
        String kind = event.getClass().getAnnotation(Contract.class).type();
        return new NotificationText(kind, subject,
                greeting + "\n\n" + message + SIGNATURE);
    }
}

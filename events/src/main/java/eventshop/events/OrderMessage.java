package eventshop.events;

/**
 * A contract about one order. Its messages are correlated and grouped by the order id, so that the
 * broker delivers the messages of one order in order.
 */
public interface OrderMessage extends Event {

    String orderId();

    @Override
    default String correlationKey() {
        return orderId();
    }
}

package eventshop.orders.control;

import jakarta.ejb.ApplicationException;

/**
 * An event about an order this service does not have (yet). The order row and its OrderPlaced commit in
 * one XA transaction, but XA fixes no order between the database and the broker committing (Payara
 * #7481): another service can react, and its event reach us, a moment before the row is visible here.
 * So the transaction rolls back and the broker redelivers with back-off; an order that never appears
 * ends in the dead-letter queue after the bounded attempts of jms-config/broker.xml.
 */
@ApplicationException(rollback = true)
public class UnknownOrder extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownOrder(String eventType, String orderId) {
        super(eventType + " is about order " + orderId + ", which the orders service does not have (yet)");
    }
}

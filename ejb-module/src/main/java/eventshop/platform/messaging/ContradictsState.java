package eventshop.platform.messaging;

import jakarta.ejb.ApplicationException;

/**
 * An event that makes no sense for the state it would apply to (a second OrderShipped, under a new event
 * id, for an order already shipped; a PaymentTaken for a payment that was declined): a bug or a forged
 * message upstream, never a normal race (those the handlers absorb). The handler throws it BEFORE it
 * changes anything; the subscription puts the message into the service's dead-letter queue with this
 * reason and consumes it, so it has no effect, does not loop, and an operator sees it (/ops, the dead-letter
 * metrics) with its body. A dead letter rather than a silent skip: a contradiction means something upstream
 * is wrong, and somebody must look. Retried, it is judged again, and dead-lettered again while it still
 * contradicts the state.
 *
 * <p>An application exception without rollback: the transaction stays good for the dead-lettering, and the
 * handler has changed nothing.
 */
@ApplicationException(rollback = false)
public class ContradictsState extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContradictsState(String reason) {
        super("contradicts the state: " + reason);
    }
}

package eventshop.warehouse.control;

import eventshop.events.MalformedMessageException;
import jakarta.ejb.ApplicationException;

/**
 * An OrderPlaced whose lines no warehouse could serve (a line without a sku or a positive quantity):
 * redelivering cannot help. As a MalformedMessageException the subscription dead-letters it at once
 * with this reason; as an application exception without rollback it leaves the EJB unwrapped, in a
 * transaction that can still commit the dead letter. Thrown before any change is made.
 */
@ApplicationException(rollback = false)
public class UnservableOrder extends MalformedMessageException {

    private static final long serialVersionUID = 1L;

    public UnservableOrder(String reason) {
        super(reason);
    }
}

package eventshop.payments.control;

import eventshop.events.MalformedMessageException;
import jakarta.ejb.ApplicationException;

/**
 * A gateway reply that can never be applied, however often it is redelivered: not from the gateway, or
 * naming ids that do not belong together. As a MalformedMessageException the subscription dead-letters
 * it at once with this reason; as an application exception without rollback it leaves the EJB
 * unwrapped, in a transaction that can still commit the dead letter. Thrown before any change is made.
 */
@ApplicationException(rollback = false)
public class UnmatchedReply extends MalformedMessageException {

    private static final long serialVersionUID = 1L;

    public UnmatchedReply(String reason) {
        super(reason);
    }
}

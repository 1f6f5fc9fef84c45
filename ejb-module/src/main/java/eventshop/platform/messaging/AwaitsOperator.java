package eventshop.platform.messaging;

import jakarta.ejb.ApplicationException;

/**
 * A handler's work failed for good as a business outcome (a compensating step that cannot be done, such
 * as a refund the gateway refuses), and the handler has already recorded that outcome (its rows, the
 * event that tells the others). The subscription commits that work, puts the message into the service's
 * dead-letter queue with this reason, and does NOT record it as processed: an operator's retry (the
 * dead letter sent back to where it came from) runs the handler again.
 *
 * <p>An application exception without rollback: it leaves the EJB unwrapped, in a transaction that can
 * still commit. Throw it only after everything the failure should change is done.
 */
@ApplicationException(rollback = false)
public class AwaitsOperator extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AwaitsOperator(String reason) {
        super(reason);
    }
}

package eventshop.platform.management;

import jakarta.ejb.ApplicationException;

/** The broker's management API could not be read (console down, wrong credentials): a 503 to the operator. */
@ApplicationException(rollback = true)
public class BrokerUnreadable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerUnreadable(String message) {
        super(message);
    }
}

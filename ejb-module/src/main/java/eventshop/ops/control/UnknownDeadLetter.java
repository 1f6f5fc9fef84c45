package eventshop.ops.control;

import jakarta.ejb.ApplicationException;

/** No such service, or no such message in its dead-letter queue (any more): a 404 to the operator. */
@ApplicationException(rollback = true)
public class UnknownDeadLetter extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownDeadLetter(String message) {
        super(message);
    }
}

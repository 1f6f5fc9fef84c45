package eventshop.ops.control;

import jakarta.ejb.ApplicationException;

/**
 * A replay that cannot be done as asked (unknown service, a producer the service does not listen to,
 * too many events), naming the request field at fault. Nothing is sent.
 */
@ApplicationException(rollback = true)
public class ReplayRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ReplayRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault; null when the request as a whole is (too many events). */
    public String field() {
        return field;
    }
}

package eventshop.events;

/**
 * A message that can never be processed as it is (not JSON, a missing field, an unknown type or
 * major version). Retrying cannot help, so consumers dead-letter it at once with {@link #getMessage()}
 * as the reason.
 */
public class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String reason) {
        super(reason);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

package eventshop.api;

/**
 * A request body the API refuses as a whole before any resource acts on it ({@link UnreadableBody},
 * {@link BodyTooLarge}), with the problem to answer. Not a WebApplicationException, so that the binder that
 * throws it needs no JAX-RS runtime (and its unit tests none either); {@link RefusedBodyProblems} answers it.
 */
public abstract class RefusedBody extends RuntimeException {

    protected RefusedBody(String message) {
        super(message, null, false, false);
    }

    public abstract Problem problem();
}

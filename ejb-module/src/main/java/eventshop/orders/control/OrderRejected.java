package eventshop.orders.control;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;
import java.util.List;

/**
 * A request the orders service refuses, with the reason and, where it is about the request's fields,
 * each field and what is wrong with it. Rolls the transaction back: nothing is stored or published.
 */
@ApplicationException(rollback = true)
public class OrderRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The request contradicts itself (e.g. one sku on two items). */
        INVALID_REQUEST,
        /** No order with that id. */
        UNKNOWN_ORDER,
        /** The catalogue has no product with a sku the order names. */
        UNKNOWN_SKU,
        /** The card gateway refuses the payment the request names (an unknown or used token, not a card number). */
        PAYMENT_REFUSED,
        /** The Idempotency-Key was used before with another request. */
        IDEMPOTENCY_KEY_REUSED,
        /** Another request with the same Idempotency-Key is being stored at this moment. */
        IDEMPOTENCY_KEY_IN_USE,
        /** The order's status does not allow what was asked (cancel a shipped order). */
        WRONG_STATUS,
        /** The order changed while the request was handled (e.g. an event arrived); retrying may succeed. */
        CHANGED_MEANWHILE
    }

    public record Field(String name, String message) implements Serializable {
    }

    private final Reason reason;
    private final List<Field> fields;

    public OrderRejected(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public OrderRejected(Reason reason, String message, List<Field> fields) {
        super(message);
        this.reason = reason;
        this.fields = List.copyOf(fields);
    }

    public Reason reason() {
        return reason;
    }

    public List<Field> fields() {
        return fields;
    }
}

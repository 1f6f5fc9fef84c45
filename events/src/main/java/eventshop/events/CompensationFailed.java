package eventshop.events;

/**
 * A compensating step of an order's saga failed for good: the gateway refused the refund, or the stock
 * of a cancelled order could not be released because its shipment had left. Published by the service
 * whose step failed; the orders service moves the order to NEEDS_ATTENTION with the reason. The
 * message that failed waits in that service's dead-letter queue for an operator's retry.
 *
 * @param compensation which step failed: {@value #REFUND} or {@value #STOCK_RELEASE}
 * @param reason what went wrong, in words an operator can act on
 */
@Contract(type = "CompensationFailed", version = 1)
public record CompensationFailed(String orderId, String compensation, String reason) implements OrderMessage {

    /** Payments could not give the money back. */
    public static final String REFUND = "refund";
    /** The warehouse could not give reserved stock back to sale. */
    public static final String STOCK_RELEASE = "stock release";
}

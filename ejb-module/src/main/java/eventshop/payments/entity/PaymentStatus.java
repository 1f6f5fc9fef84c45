package eventshop.payments.entity;

/**
 * Where a payment's authorization stands. Money given back does not change it: a captured payment stays
 * CAPTURED, and its {@link Refund} tells whether the money went back.
 */
public enum PaymentStatus {
    /** Authorization requested, no answer yet. */
    PENDING,
    /** The gateway authorized the amount: the money is taken. */
    CAPTURED,
    /** The gateway refused, or did not answer in time. */
    DECLINED,
    /**
     * The order was cancelled before the gateway answered. An approval that still comes makes it
     * CAPTURED, and is refunded at once.
     */
    CANCELLED
}

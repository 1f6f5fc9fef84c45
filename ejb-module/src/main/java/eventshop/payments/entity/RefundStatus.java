package eventshop.payments.entity;

/** Where a refund stands with the gateway. */
public enum RefundStatus {
    REQUESTED,
    REFUNDED,
    /**
     * The gateway refused to give the money back: a compensation that failed, for an operator to handle.
     * An operator's retry (the refusal sent back from the dead-letter queue) makes it REQUESTED again.
     */
    REFUSED
}

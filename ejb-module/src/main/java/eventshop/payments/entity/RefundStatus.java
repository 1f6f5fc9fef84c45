package eventshop.payments.entity;

/** Where a refund stands with the gateway. */
public enum RefundStatus {
    REQUESTED,
    REFUNDED,
    /** The gateway refused to give the money back: a compensation that failed, for an operator to handle. */
    REFUSED
}
